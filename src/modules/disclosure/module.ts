import { defineModule } from '../../kernel';
import { demoSeed } from './demo-seed';
import { manifest } from './manifest';
import { roles } from './roles';
import { disclosurePublicRoutes } from './public-routes';
import { disclosureRoutes } from './routes';
import { getRequestInScope, PERM } from './service/request-access';
import { statistics } from './statistics';

/** 政府信息公开申请 (`disclosure`): the server declaration. */
export const disclosureModule = defineModule({
  manifest,
  ...roles,
  routes: disclosureRoutes,
  publicRoutes: disclosurePublicRoutes,
  numbering: {
    request: { pattern: '{unit}依申〔{year}〕{seq}号', label: '登记号' },
    reply: { pattern: '{unit}依申复〔{year}〕{seq}号', label: '答复书文号' },
  },
  attachmentOwners: {
    disclosure_request: {
      read: async ({ ctx, ownerId }) => void (await getRequestInScope(ctx, ownerId, ctx.db, PERM.read)),
      write: async ({ ctx, ownerId }) => void (await getRequestInScope(ctx, ownerId, ctx.db, PERM.handle)),
    },
  },
  entities: {
    disclosure_request: { path: 'requests', handlerPermission: 'handle', table: 'disclosure_request', titleSql: "r.request_no || ' ' || r.applicant_name" },
  },
  statistics,
  seedDemo: demoSeed,
});
