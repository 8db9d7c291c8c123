import { recordAudit, requirePermission, writeXlsx, type Ctx } from '../../../../kernel';
import { caseMachine, DECISION_TYPES, KINDS, publicationMachine } from '../case-machine';
import type { CaseFilter } from '../contract';
import { MODULE, PERM } from './access';
import { findCases } from './find-cases';

const label = (list: readonly { value: string; label: string }[], v: string | null) => list.find((o) => o.value === v)?.label ?? v ?? '';
const TONE: Record<string, string> = { green: '正常', yellow: '即将到期', red: '已逾期', paused: '已暂停', done: '已结束' };
export const EXPORT_LIMIT = 50_000;

/** 导出: the list with its filters and the actor's scope applied, as .xlsx (party ID numbers and phones never exported); audited. */
export const exportCases = async (ctx: Ctx, f: CaseFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items, total } = await findCases(ctx, f, { page: 1, pageSize: EXPORT_LIMIT }, PERM.export);
  type Item = (typeof items)[number];
  const buf = await writeXlsx<Item>(
    '行政执法案件',
    [
      { header: '案件编号', width: 24, value: (r) => r.caseNo },
      { header: '执法主体', width: 24, value: (r) => r.bodyName },
      { header: '案件类型', value: (r) => label(KINDS, r.kind) },
      { header: '案件名称', width: 40, value: (r) => r.title },
      { header: '执法事项', width: 30, value: (r) => r.itemName ?? '' },
      { header: '当事人', width: 20, value: (r) => r.partyName },
      { header: '涉企', value: (r) => (r.enterpriseRelated ? '是' : '') },
      { header: '重大', value: (r) => (r.isMajor ? '是' : '') },
      { header: '立案日期', width: 12, value: (r) => r.filedDate },
      { header: '状态', value: (r) => caseMachine.states[r.status as keyof typeof caseMachine.states]?.label ?? r.status },
      { header: '决定类型', width: 16, value: (r) => label(DECISION_TYPES, r.decisionType) },
      { header: '决定书文号', width: 24, value: (r) => r.decisionNo ?? '' },
      { header: '决定日期', width: 12, value: (r) => r.decidedDate ?? '' },
      { header: '罚款（元）', value: (r) => (r.fineFen === null ? '' : r.fineFen / 100) },
      { header: '超出裁量基准', value: (r) => (r.discretionOutside ? '是' : '') },
      { header: '法制审核', value: (r) => (r.legalReviewResult === 'passed' ? '通过' : r.legalReviewResult === 'returned' ? '退回补充' : '') },
      { header: '公示', value: (r) => (r.publicationStatus ? (publicationMachine.states[r.publicationStatus as keyof typeof publicationMachine.states]?.label ?? '') : '') },
      { header: '结案日期', width: 12, value: (r) => r.closedDate ?? '' },
      { header: '当前期限', width: 18, value: (r) => r.deadline?.label ?? '' },
      { header: '到期日', width: 12, value: (r) => r.deadline?.dueDate ?? '' },
      { header: '期限状态', value: (r) => (r.deadline ? (TONE[r.deadline.tone] ?? '') : '') },
    ],
    items,
    total > items.length ? `仅导出前 ${items.length} 条，共 ${total} 条，请缩小筛选范围` : undefined,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'case.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};
