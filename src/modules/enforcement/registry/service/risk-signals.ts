import type { RiskSignal, RiskSignalSource } from '../../../../kernel';
import { findBodies } from './bodies';

/**
 * 风险预警 of the registry: yellow for an active body whose 法制审核 staff fall below the set share of its
 * officers (118号: in principle ≥5%). Scope is applied in SQL by `findBodies`.
 */
export const registryRiskSignals: RiskSignalSource['list'] = async ({ ctx, orgId }) => {
  const { items } = await findBodies(ctx, { orgId, status: 'active', kind: undefined, unconfirmedYear: undefined, entrustExpired: undefined, q: undefined }, { page: 1, pageSize: 1000 });
  return items
    .filter((b) => b.legalReviewerBelow)
    .map(
      (b): RiskSignal => ({
        key: `legal-reviewer-ratio:${b.id}`,
        level: 'yellow',
        orgId: b.orgId,
        orgName: String(b.orgName ?? ''),
        title: `${String(b.name)} 法制审核人员比例不足`,
        reason: `法制审核人员 ${b.legalReviewers} 人，占执法人员 ${b.officers} 人的 ${b.legalReviewerRatio ?? 0}%，低于 ${b.legalReviewerMinPercent}%`,
        link: `/enforcement/bodies/${b.id}`,
      }),
    );
};
