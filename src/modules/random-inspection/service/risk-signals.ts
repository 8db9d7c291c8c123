import { toLocalDate, type RiskSignal, type RiskSignalSource } from '../../../kernel';
import { unitRatios } from './ratios';

/**
 * 风险预警 of 双随机: red for a unit with results past the 20-working-day publication period, yellow for a
 * unit below its 分类分级 or 联合检查 target this year. Scope is applied in SQL by `unitRatios`.
 */
export const riskSignals: RiskSignalSource = {
  label: '双随机一公开',
  permission: 'read',
  list: async ({ ctx, orgId }) => {
    const year = Number(toLocalDate(ctx.now).slice(0, 4));
    const out: RiskSignal[] = [];
    for (const u of await unitRatios(ctx, year, orgId)) {
      if (u.overdue > 0) {
        out.push({ key: `publication-overdue:${u.orgId}`, level: 'red', orgId: u.orgId, orgName: u.orgName, title: `${u.orgName} 抽查结果逾期未公示`, reason: `${u.overdue} 条检查结果超过 20 个工作日未公示`, link: `/random-inspection/results?orgId=${u.orgId}&overdue=true` });
      }
      const below: string[] = [];
      if (u.belowGraded) below.push(`分类分级检查比例 ${u.gradedRatio}%（目标 ${u.gradedTarget}%）`);
      if (u.belowJoint) below.push(`联合检查任务比例 ${u.jointRatio}%（目标 ${u.jointTarget}%）`);
      if (below.length) out.push({ key: `ratio-below:${u.orgId}`, level: 'yellow', orgId: u.orgId, orgName: u.orgName, title: `${u.orgName} 双随机比例未达标`, reason: below.join('；'), link: `/random-inspection/board?orgId=${u.orgId}` });
    }
    return out;
  },
};
