import { recordAudit, requirePermission, writeXlsx, type Ctx } from '../../../kernel';
import { assignmentMachine } from '../assignment-machine';
import type { AssignmentFilter } from '../contract';
import { MODULE, PERM } from './access';
import { findAssignments } from './find-assignments';

const TONE: Record<string, string> = { green: '正常', yellow: '即将到期', red: '已逾期', paused: '已暂停', done: '已结束' };
export const EXPORT_LIMIT = 50_000;

/** 导出: the filtered assignments within the export scope, as .xlsx; the export is audited. */
export const exportAssignments = async (ctx: Ctx, f: AssignmentFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items, total } = await findAssignments(ctx, f, { page: 1, pageSize: EXPORT_LIMIT }, PERM.export);
  type Item = (typeof items)[number];
  const buf = await writeXlsx<Item>(
    '示范创建任务',
    [
      { header: '指标编码', width: 10, value: (r) => r.indicatorCode },
      { header: '三级指标', width: 36, value: (r) => r.indicatorName },
      { header: '任务', width: 36, value: (r) => r.title },
      { header: '责任单位', width: 24, value: (r) => r.orgName },
      { header: '分工', value: (r) => (r.role === 'lead' ? '牵头' : '配合') },
      { header: '状态', value: (r) => assignmentMachine.states[r.status as keyof typeof assignmentMachine.states]?.label ?? r.status },
      { header: '完成时限', width: 12, value: (r) => r.dueDate },
      { header: '期限状态', value: (r) => (r.deadline ? TONE[r.deadline.tone] : '') },
      { header: '完成进度（%）', value: (r) => r.progressPercent ?? '' },
      { header: '自评分', value: (r) => r.selfScore ?? '' },
      { header: '评分', value: (r) => r.score ?? '' },
    ],
    items,
    total > items.length ? `仅导出前 ${items.length} 条，共 ${total} 条，请缩小筛选范围` : undefined,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'assignment.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};
