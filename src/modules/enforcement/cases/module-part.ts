import type { ModulePart } from '../module-part';
import { demoSeed } from './demo-seed';
import { getCaseInScope, getPublicationInScope, PERM } from './service/access';
import { statistics } from './statistics';
import { RECONSIDERATION_EVENTS } from '../../reconsideration/public';
import { markCorrectedByReconsideration } from './service/reconsideration-correction';

/** The cases area's server declaration (numbering, attachment owners, entities, statistics, subscriptions, demo seed). */
export const casesPart: ModulePart = {
  numbering: {
    case: { pattern: '{unit}执立〔{year}〕{seq}号', label: '执法案件编号（未填写时自动编号）' },
  },
  attachmentOwners: {
    // 全过程记录: documents, photos and audio-visual records of each stage (category = stage).
    enforcement_case: {
      read: async ({ ctx, ownerId }) => void (await getCaseInScope(ctx, ownerId, ctx.db, PERM.read)),
      write: async ({ ctx, ownerId }) => void (await getCaseInScope(ctx, ownerId, ctx.db, PERM.report)),
    },
    enforcement_publication: {
      read: async ({ ctx, ownerId }) => void (await getPublicationInScope(ctx, ownerId, ctx.db, PERM.read)),
      write: async ({ ctx, ownerId }) => void (await getPublicationInScope(ctx, ownerId, ctx.db, PERM.report)),
    },
  },
  entities: {
    enforcement_case: { path: 'cases', handlerPermission: 'report', table: 'enforcement_case', titleSql: "r.case_no || ' ' || r.title" },
    enforcement_publication: { path: 'publication', handlerPermission: 'report', table: 'enforcement_publication', titleSql: "'公示：' || coalesce(r.decision_no, '') || ' ' || r.target_name" },
  },
  statistics,
  // 被复议纠错: a corrective 行政复议 decision marks the contested case.
  subscribes: { [RECONSIDERATION_EVENTS.decided]: markCorrectedByReconsideration },
  seedDemo: demoSeed,
};
