import { recordAudit, requirePermission, writeXlsx, type Ctx } from '../../../kernel';
import { CAUSES, caseMachine, INSTANCES, LOSS_REASONS, OUTCOMES } from '../case-machine';
import type { CaseFilter } from '../contract';
import { MODULE, PERM } from './access';
import { findCases } from './find-cases';

const label = (list: readonly { value: string; label: string }[], v: string | null) => list.find((o) => o.value === v)?.label ?? v ?? '';
const TONE: Record<string, string> = { green: '正常', yellow: '即将到期', red: '已逾期', paused: '已暂停', done: '已结束' };
export const EXPORT_LIMIT = 50_000;

/** 导出: the list with its filters and the actor's scope applied, as .xlsx (no personal data); audited. */
export const exportCases = async (ctx: Ctx, f: CaseFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items, total } = await findCases(ctx, f, { page: 1, pageSize: EXPORT_LIMIT }, PERM.export);
  type Item = (typeof items)[number];
  const buf = await writeXlsx<Item>(
    '行政诉讼案件',
    [
      { header: '应诉编号', width: 24, value: (r) => r.caseNo },
      { header: '法院案号', width: 26, value: (r) => r.courtCaseNo ?? '' },
      { header: '受理法院', width: 22, value: (r) => r.courtName },
      { header: '审级', value: (r) => label(INSTANCES, r.instance) },
      { header: '被告行政机关', width: 24, value: (r) => r.orgName },
      { header: '原告', width: 20, value: (r) => r.plaintiffName },
      { header: '案由', width: 16, value: (r) => label(CAUSES, r.cause) },
      { header: '被诉行政行为', width: 36, value: (r) => r.contestedAct },
      { header: '经复议', value: (r) => (r.afterReconsideration ? '是' : '') },
      { header: '立案日期', width: 12, value: (r) => r.filedDate },
      { header: '收到副本日期', width: 12, value: (r) => r.servedDate ?? '' },
      { header: '状态', value: (r) => caseMachine.states[r.status as keyof typeof caseMachine.states]?.label ?? r.status },
      { header: '当前期限', width: 18, value: (r) => r.deadline?.label ?? '' },
      { header: '到期日', width: 12, value: (r) => r.deadline?.dueDate ?? '' },
      { header: '期限状态', value: (r) => (r.deadline ? TONE[r.deadline.tone] : '') },
      { header: '开庭次数', value: (r) => r.hearingsHeld },
      { header: '负责人出庭次数', value: (r) => r.headHearings },
      { header: '裁判结果', width: 16, value: (r) => label(OUTCOMES, r.outcome) },
      { header: '败诉', value: (r) => (r.lost ? '是' : '') },
      { header: '败诉原因', value: (r) => label(LOSS_REASONS, r.lossReason) },
      { header: '裁判日期', width: 12, value: (r) => r.judgmentDate ?? '' },
    ],
    items,
    total > items.length ? `仅导出前 ${items.length} 条，共 ${total} 条，请缩小筛选范围` : undefined,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'case.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};
