import type { StatisticDef } from '../../kernel';
import { aggregate } from './service/ratios';

const SECTION = '双随机一公开';

/** Figures of 双随机一公开, each computed in SQL within the reader's scope and `orgId`'s subtree (plans by year). */
export const statistics: StatisticDef[] = [
  { id: 'random-inspection.plans', section: SECTION, label: '抽查计划（任务）数', unit: '件', compute: async ({ ctx, year, orgId }) => (await aggregate(ctx, year, orgId)).plans },
  { id: 'random-inspection.joint_plans', section: SECTION, label: '部门联合抽查计划（任务）数', unit: '件', compute: async ({ ctx, year, orgId }) => (await aggregate(ctx, year, orgId)).jointPlans },
  { id: 'random-inspection.joint_ratio', section: SECTION, label: '联合检查任务比例', unit: '%', compute: async ({ ctx, year, orgId }) => (await aggregate(ctx, year, orgId)).jointRatio },
  { id: 'random-inspection.graded_ratio', section: SECTION, label: '分类分级检查比例', unit: '%', compute: async ({ ctx, year, orgId }) => (await aggregate(ctx, year, orgId)).gradedRatio },
  { id: 'random-inspection.inspections', section: SECTION, label: '抽查检查户次', unit: '次', compute: async ({ ctx, year, orgId }) => (await aggregate(ctx, year, orgId)).inspections },
  { id: 'random-inspection.problems_found', section: SECTION, label: '发现问题（责令整改、立案查处）', unit: '件', compute: async ({ ctx, year, orgId }) => (await aggregate(ctx, year, orgId)).problems },
  { id: 'random-inspection.publication_on_time_rate', section: SECTION, label: '抽查结果按时公示率', unit: '%', compute: async ({ ctx, year, orgId }) => (await aggregate(ctx, year, orgId)).onTimeRate },
];
