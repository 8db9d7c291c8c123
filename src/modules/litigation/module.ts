import { defineModule } from '../../kernel';
import { demoSeed } from './demo-seed';
import { manifest } from './manifest';
import { roles } from './roles';
import { litigationRoutes } from './routes';
import { getCaseInScope, PERM } from './service/access';
import { listRiskSignals } from './service/warnings';
import { statistics } from './statistics';

/** 行政应诉 (`litigation`): the server declaration. */
export const litigationModule = defineModule({
  manifest,
  ...roles,
  routes: litigationRoutes,
  numbering: {
    case: { pattern: '{unit}应〔{year}〕{seq}号', label: '应诉案件编号' },
  },
  attachmentOwners: {
    litigation_case: {
      read: async ({ ctx, ownerId }) => void (await getCaseInScope(ctx, ownerId, ctx.db, PERM.read)),
      write: async ({ ctx, ownerId }) => void (await getCaseInScope(ctx, ownerId, ctx.db, PERM.handle)),
    },
  },
  entities: {
    litigation_case: { path: 'cases', handlerPermission: 'handle', table: 'litigation_case', titleSql: "r.case_no || ' ' || r.plaintiff_name" },
    litigation_suggestion: {
      path: 'suggestions',
      handlerPermission: 'handle',
      table: 'litigation_suggestion',
      titleSql: "'司法建议回复：' || (select c.case_no from litigation_case c where c.id = r.case_id)",
    },
  },
  statistics,
  riskSignals: { label: '行政应诉三色预警', permission: 'read', list: listRiskSignals },
  seedDemo: demoSeed,
});
