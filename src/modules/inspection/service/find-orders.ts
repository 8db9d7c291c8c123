import { and, count, desc, eq, gte, ilike, inArray, isNotNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { pageDeadlines, recordAudit, requirePermission, toLocalDate, writeXlsx, type Ctx } from '../../../kernel';
import type { OrderFilter } from '../contract';
import { ESCALATION_LEVELS, FINDING_SOURCES, orderMachine } from '../order-machine';
import { supervisionOrder } from '../schema';
import { inSubtree, label, MODULE, orderOrgName, orderScope, PERM } from './access';

/** Open orders past their rectification deadline (the unit has not reported in time). */
export const overdueOrder = (today: string): SQL => and(inArray(supervisionOrder.status, ['issued', 'returned']), lt(supervisionOrder.dueDate, today))!;

const conditions = (ctx: Ctx, f: OrderFilter, permission: string): SQL => {
  const today = toLocalDate(ctx.now);
  return and(
    orderScope(ctx, permission),
    f.status ? eq(supervisionOrder.status, f.status) : undefined,
    f.orgId ? inSubtree(sql`${supervisionOrder.orgId}`, f.orgId) : undefined,
    f.overdue ? overdueOrder(today) : undefined,
    f.noticed ? or(isNotNull(supervisionOrder.noticePublishedOn), isNotNull(supervisionOrder.interviewedOn)) : undefined,
    f.source ? eq(supervisionOrder.source, f.source) : undefined,
    f.year ? and(gte(supervisionOrder.issuedOn, `${f.year}-01-01`), lte(supervisionOrder.issuedOn, `${f.year}-12-31`)) : undefined,
    f.q
      ? or(ilike(supervisionOrder.orderNo, `%${f.q}%`), ilike(supervisionOrder.title, `%${f.q}%`), ilike(supervisionOrder.content, `%${f.q}%`))
      : undefined,
  )!;
};

const listColumns = {
  id: supervisionOrder.id,
  orderNo: supervisionOrder.orderNo,
  orgId: supervisionOrder.orgId,
  orgName: orderOrgName,
  title: supervisionOrder.title,
  requirement: supervisionOrder.requirement,
  dueDate: supervisionOrder.dueDate,
  issuedOn: supervisionOrder.issuedOn,
  submittedOn: supervisionOrder.submittedOn,
  closedOn: supervisionOrder.closedOn,
  source: supervisionOrder.source,
  sourceLink: supervisionOrder.sourceLink,
  sourceTitle: supervisionOrder.sourceTitle,
  status: supervisionOrder.status,
  escalationLevel: supervisionOrder.escalationLevel,
  interviewedOn: supervisionOrder.interviewedOn,
  headName: supervisionOrder.headName,
  noticeNo: supervisionOrder.noticeNo,
  noticePublishedOn: supervisionOrder.noticePublishedOn,
  noticeContent: supervisionOrder.noticeContent,
  version: supervisionOrder.version,
};

/** 督办单列表 within scope, newest first, with each order's open rectification deadline. */
export const findOrders = async (ctx: Ctx, f: OrderFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = conditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(supervisionOrder).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select(listColumns)
    .from(supervisionOrder)
    .where(where)
    .orderBy(desc(supervisionOrder.issuedOn), desc(supervisionOrder.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const deadlines = await pageDeadlines(ctx, orderMachine, 'rectification', rows.map((r) => r.id));
  return { total: Number(total), items: rows.map((r) => ({ ...r, deadline: deadlines.get(r.id) ?? null })) };
};

const stateLabel = (s: string) => orderMachine.states[s as keyof typeof orderMachine.states]?.label ?? s;

/** 导出督办单 (.xlsx) with the filters and scope applied; audited. */
export const exportOrders = async (ctx: Ctx, f: OrderFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items } = await findOrders(ctx, f, { page: 1, pageSize: 50_000 }, PERM.export);
  type Item = (typeof items)[number];
  const buf = await writeXlsx<Item>(
    '督办单',
    [
      { header: '督办单文号', width: 28, value: (r) => r.orderNo },
      { header: '被督办单位', width: 24, value: (r) => r.orgName },
      { header: '督办事项', width: 40, value: (r) => r.title },
      { header: '整改要求', width: 40, value: (r) => r.requirement },
      { header: '签发日期', width: 12, value: (r) => r.issuedOn },
      { header: '整改期限', width: 12, value: (r) => r.dueDate },
      { header: '报送日期', width: 12, value: (r) => r.submittedOn ?? '' },
      { header: '销号日期', width: 12, value: (r) => r.closedOn ?? '' },
      { header: '状态', value: (r) => stateLabel(r.status) },
      { header: '是否逾期', value: (r) => (r.deadline?.tone === 'red' ? '已逾期' : '') },
      { header: '督办层级', value: (r) => label(ESCALATION_LEVELS, r.escalationLevel) },
      { header: '来源', value: (r) => label(FINDING_SOURCES, r.source) },
      { header: '来源事项', width: 30, value: (r) => r.sourceTitle ?? '' },
      { header: '约谈日期', width: 12, value: (r) => r.interviewedOn ?? '' },
      { header: '通报文号', width: 26, value: (r) => r.noticeNo ?? '' },
    ],
    items,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'order.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};
