import { defineModule } from '../../kernel';
import { demoSeed } from './demo-seed';
import { manifest } from './manifest';
import { roles } from './roles';
import { randomInspectionPublicRoutes } from './public-routes';
import { randomInspectionRoutes } from './routes';
import { AppError } from '../../kernel';
import { getPlanInScope, getResultInScope, leadsPlan, mayRecordResult, PERM } from './service/access';
import { riskSignals } from './service/risk-signals';
import { statistics } from './statistics';

/** 双随机、一公开 (`random-inspection`): the server declaration. */
export const randomInspectionModule = defineModule({
  manifest,
  ...roles,
  routes: randomInspectionRoutes,
  publicRoutes: randomInspectionPublicRoutes,
  numbering: {
    plan: { pattern: '{unit}抽查〔{year}〕{seq}号', label: '抽查计划编号' },
  },
  attachmentOwners: {
    // 计划文件（方案、报备材料）: read by every participating unit, uploaded by the lead unit's planners.
    random_inspection_plan: {
      read: async ({ ctx, ownerId }) => void (await getPlanInScope(ctx, ownerId)),
      write: async ({ ctx, ownerId }) => {
        await getPlanInScope(ctx, ownerId);
        if (!(await leadsPlan(ctx, ownerId, PERM.manage))) throw new AppError('NOT_FOUND', '抽查计划不存在或无权上传');
      },
    },
    // 检查结果的附件（检查记录、照片）: read through the plan, uploaded by the unit that recorded it.
    random_inspection_result: {
      read: async ({ ctx, ownerId }) => void (await getResultInScope(ctx, ownerId)),
      write: async ({ ctx, ownerId }) => {
        await getResultInScope(ctx, ownerId);
        if (!(await mayRecordResult(ctx, ownerId))) throw new AppError('NOT_FOUND', '检查结果不存在或不在您的数据范围内');
      },
    },
  },
  entities: {
    random_inspection_result: {
      path: 'results',
      handlerPermission: 'record',
      table: 'random_inspection_result',
      titleSql: "'抽查结果公示：' || (select i.target_name from random_inspection_inspection i where i.id = r.inspection_id)",
    },
  },
  statistics,
  riskSignals,
  seedDemo: demoSeed,
});
