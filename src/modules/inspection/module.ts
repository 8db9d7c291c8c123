import { AppError, defineModule } from '../../kernel';
import { demoSeed } from './demo-seed';
import { manifest } from './manifest';
import { roles } from './roles';
import { inspectionRoutes } from './routes';
import { getOrderInScope, orderInScope, PERM } from './service/access';
import { statistics } from './statistics';

/** 法治督察与督办 (`inspection`): the server declaration. */
export const inspectionModule = defineModule({
  manifest,
  ...roles,
  routes: inspectionRoutes,
  numbering: {
    order: { pattern: '{unit}督办〔{year}〕{seq}号', label: '督办单文号' },
  },
  attachmentOwners: {
    // Evidence of rectification: the ordered unit adds it while it has to rectify; the office at any time.
    supervision_order: {
      read: async ({ ctx, ownerId }) => void (await getOrderInScope(ctx, ownerId, ctx.db, PERM.read)),
      write: async ({ ctx, ownerId }) => {
      const row = await getOrderInScope(ctx, ownerId, ctx.db, PERM.read);
      const office = (await orderInScope(ctx, ownerId, PERM.issue)) || (await orderInScope(ctx, ownerId, PERM.verify));
      const unit = ['issued', 'returned'].includes(row.status) && (await orderInScope(ctx, ownerId, PERM.rectify));
      if (!office && !unit) throw new AppError('FORBIDDEN', '只有被督办单位在整改期间或督察办公室可以上传附件');
      },
    },
  },
  entities: {
    supervision_order: { path: 'orders', handlerPermission: 'rectify', table: 'supervision_order', titleSql: "r.order_no || ' ' || r.title" },
  },
  statistics,
  seedDemo: demoSeed,
  seedDemoAfter: ['disclosure', 'demonstration'],
});
