import { defineModule } from '../../kernel';
import { manifest } from './manifest';
import { roles } from './roles';
import { sampleDeskRoutes } from './routes';
import { getRecordInScope, PERM } from './service/records';
import { statistics } from './statistics';

/** 示例台账 (`sample-desk`): the server declaration. */
export const sampleDeskModule = defineModule({
  manifest,
  ...roles,
  routes: sampleDeskRoutes,
  attachmentOwners: {
    sample_desk_record: {
      read: async ({ ctx, ownerId }) => void (await getRecordInScope(ctx, ownerId, ctx.db, PERM.read)),
      write: async ({ ctx, ownerId }) => void (await getRecordInScope(ctx, ownerId, ctx.db, PERM.handle)),
    },
  },
  entities: {
    sample_desk_record: { path: 'records', handlerPermission: 'handle', table: 'sample_desk_record', titleSql: 'r.title' },
  },
  statistics,
});
