import { requirePermission, writeXlsx, recordAudit, type Ctx } from '../../../kernel';
import type { RequestFilter } from '../contract';
import { CHANNELS, REPLY_TYPES, requestMachine } from '../request-machine';
import { findRequests } from './find-requests';
import { MODULE, PERM } from './request-access';

const label = (list: readonly { value: string; label: string }[], v: string | null) => list.find((o) => o.value === v)?.label ?? v ?? '';
const TONE: Record<string, string> = { green: '正常', yellow: '即将到期', red: '已逾期', paused: '已暂停', done: '已结束' };
export const EXPORT_LIMIT = 50_000;

/** 导出: the list with its filters and the actor's scope applied, as .xlsx; the export is audited. */
export const exportRequests = async (ctx: Ctx, f: RequestFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items, total } = await findRequests(ctx, f, { page: 1, pageSize: EXPORT_LIMIT }, PERM.export);
  type Item = (typeof items)[number];
  const buf = await writeXlsx<Item>(
    '依申请公开',
    [
      { header: '登记号', width: 26, value: (r) => r.requestNo },
      { header: '申请人', width: 16, value: (r) => r.applicantName },
      { header: '申请渠道', value: (r) => label(CHANNELS, r.channel) },
      { header: '收到日期', width: 12, value: (r) => r.receivedDate },
      { header: '承办单位', width: 24, value: (r) => r.orgName },
      { header: '申请内容', width: 40, value: (r) => r.content },
      { header: '状态', value: (r) => requestMachine.states[r.status as keyof typeof requestMachine.states]?.label ?? r.status },
      { header: '答复期限', width: 12, value: (r) => r.deadline?.dueDate ?? '' },
      { header: '期限状态', value: (r) => (r.deadline ? TONE[r.deadline.tone] : '') },
      { header: '延长工作日', value: (r) => r.extensionDays ?? '' },
      { header: '答复类型', width: 24, value: (r) => label(REPLY_TYPES, r.replyType) },
      { header: '答复日期', width: 12, value: (r) => r.repliedDate ?? '' },
      { header: '答复书文号', width: 26, value: (r) => r.replyNo ?? '' },
    ],
    items,
    total > items.length ? `仅导出前 ${items.length} 条，共 ${total} 条，请缩小筛选范围` : undefined,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'request.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};
