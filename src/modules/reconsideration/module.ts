import { defineModule } from '../../kernel';
import { demoSeed } from './demo-seed';
import { manifest } from './manifest';
import { roles } from './roles';
import { reconsiderationPublicRoutes } from './public-routes';
import { reconsiderationRoutes } from './routes';
import { getCaseInScope, PERM } from './service/access';
import { statistics } from './statistics';

/** 行政复议 (`reconsideration`): the server declaration. */
export const reconsiderationModule = defineModule({
  manifest,
  ...roles,
  routes: reconsiderationRoutes,
  publicRoutes: reconsiderationPublicRoutes,
  numbering: {
    case: { pattern: '{unit}复〔{year}〕{seq}号', label: '案号' },
    decision: { pattern: '{unit}复决〔{year}〕{seq}号', label: '行政复议决定书文号' },
  },
  attachmentOwners: {
    reconsideration_case: {
      read: async ({ ctx, ownerId }) => void (await getCaseInScope(ctx, ownerId, ctx.db, PERM.read)),
      write: async ({ ctx, ownerId }) => void (await getCaseInScope(ctx, ownerId, ctx.db, PERM.handle)),
    },
  },
  entities: {
    reconsideration_case: { path: 'cases', handlerPermission: 'handle', table: 'reconsideration_case', titleSql: "r.case_no || ' ' || r.applicant_name" },
    reconsideration_letter: {
      path: 'letters',
      handlerPermission: 'handle',
      table: 'reconsideration_letter',
      titleSql: "(case r.kind when 'opinion' then '意见书反馈：' else '建议书反馈：' end) || (select c.case_no from reconsideration_case c where c.id = r.case_id)",
    },
  },
  statistics,
  seedDemo: demoSeed,
});
