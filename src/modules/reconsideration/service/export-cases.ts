import { recordAudit, requirePermission, writeXlsx, type Ctx } from '../../../kernel';
import { caseMachine, CHANNELS, DECISION_TYPES, FIELDS, PROCEDURES } from '../case-machine';
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
    '行政复议案件',
    [
      { header: '案号', width: 24, value: (r) => r.caseNo },
      { header: '申请人', width: 16, value: (r) => r.applicantName },
      { header: '被申请人', width: 24, value: (r) => r.respondentName },
      { header: '行政复议机构', width: 20, value: (r) => r.orgName },
      { header: '被申请行政行为', width: 36, value: (r) => r.actName },
      { header: '案件领域', value: (r) => label(FIELDS, r.field) },
      { header: '申请渠道', value: (r) => label(CHANNELS, r.channel) },
      { header: '收到日期', width: 12, value: (r) => r.receivedDate },
      { header: '超过申请期限', value: (r) => (r.applicationLate ? '是' : '') },
      { header: '受理日期', width: 12, value: (r) => r.acceptedDate ?? (r.deemedAcceptedOn ? `${r.deemedAcceptedOn}（视为受理）` : '') },
      { header: '程序', value: (r) => label(PROCEDURES, r.procedure) },
      { header: '状态', value: (r) => caseMachine.states[r.status as keyof typeof caseMachine.states]?.label ?? r.status },
      { header: '当前期限', width: 18, value: (r) => r.deadline?.label ?? '' },
      { header: '到期日', width: 12, value: (r) => r.deadline?.dueDate ?? '' },
      { header: '期限状态', value: (r) => (r.deadline ? TONE[r.deadline.tone] : '') },
      { header: '决定类型', width: 16, value: (r) => label(DECISION_TYPES, r.decisionType) },
      { header: '决定书文号', width: 26, value: (r) => r.decisionNo ?? '' },
      { header: '决定日期', width: 12, value: (r) => r.decisionDate ?? '' },
    ],
    items,
    total > items.length ? `仅导出前 ${items.length} 条，共 ${total} 条，请缩小筛选范围` : undefined,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'case.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};
