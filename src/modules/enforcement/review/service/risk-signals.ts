import type { RiskSignal, RiskSignalSource } from '../../../../kernel';
import { findDocs } from './docs';

/**
 * 风险预警 of 执法监督: red for a body that let the reply period of a 监督通知书/意见书/决定书 pass. Scope is
 * applied in SQL by `findDocs`.
 */
export const reviewRiskSignals: RiskSignalSource['list'] = async ({ ctx, orgId }) => {
  const { items } = await findDocs(ctx, { overdue: true, orgId, kind: undefined, status: undefined, bodyId: undefined, issuedFrom: undefined, issuedTo: undefined, q: undefined }, { page: 1, pageSize: 1000 });
  const byBody = new Map<number, typeof items>();
  for (const d of items) byBody.set(d.bodyId, [...(byBody.get(d.bodyId) ?? []), d]);
  return [...byBody.values()].map((docs): RiskSignal => {
    const d = docs[0]!;
    return {
      key: `supervision-overdue:${d.bodyId}`,
      level: 'red',
      orgId: d.orgId,
      orgName: String(d.bodyName ?? ''),
      title: `${String(d.bodyName ?? '')} 逾期未回复执法监督文书`,
      reason: `${docs.length} 份执法监督文书超过回复期限未回复：${docs.map((x) => x.docNo).join('、')}`,
      link: `/enforcement/supervision?bodyId=${d.bodyId}&overdue=true`,
    };
  });
};
