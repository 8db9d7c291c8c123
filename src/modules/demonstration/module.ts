import { defineModule } from '../../kernel';
import { demoSeed } from './demo-seed';
import { manifest } from './manifest';
import { roles } from './roles';
import { demonstrationRoutes } from './routes';
import { getAssignmentInScope, PERM } from './service/access';
import { statistics } from './statistics';

/** 示范创建 (`demonstration`): the server declaration. */
export const demonstrationModule = defineModule({
  manifest,
  ...roles,
  routes: demonstrationRoutes,
  attachmentOwners: {
    // 佐证材料 are attached to the assignment: the unit that reports uploads them.
    task_assignment: {
      read: async ({ ctx, ownerId }) => void (await getAssignmentInScope(ctx, ownerId, ctx.db, PERM.read)),
      write: async ({ ctx, ownerId }) => void (await getAssignmentInScope(ctx, ownerId, ctx.db, PERM.report)),
    },
  },
  entities: {
    task_assignment: {
      path: 'assignments',
      handlerPermission: 'report',
      table: 'task_assignment',
      titleSql: "(select t.title from demo_task t where t.id = r.task_id)",
    },
  },
  statistics,
  seedDemo: demoSeed,
});
