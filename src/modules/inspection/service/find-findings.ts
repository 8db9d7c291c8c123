import { and, count, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { recordAudit, requirePermission, writeXlsx, type Ctx } from '../../../kernel';
import type { FindingFilter } from '../contract';
import { FINDING_SOURCES, FINDING_STATUSES } from '../order-machine';
import { inspectionFinding } from '../schema';
import { findingOrgName, findingScope, inSubtree, label, MODULE, PERM } from './access';

const conditions = (ctx: Ctx, f: FindingFilter, permission: string): SQL =>
  and(
    findingScope(ctx, permission),
    f.planId ? eq(inspectionFinding.planId, f.planId) : undefined,
    f.orgId ? inSubtree(sql`${inspectionFinding.orgId}`, f.orgId) : undefined,
    f.status ? eq(inspectionFinding.status, f.status) : undefined,
    f.source ? eq(inspectionFinding.source, f.source) : undefined,
    f.year ? and(gte(inspectionFinding.foundOn, `${f.year}-01-01`), lte(inspectionFinding.foundOn, `${f.year}-12-31`)) : undefined,
    f.q ? or(ilike(inspectionFinding.description, `%${f.q}%`), ilike(inspectionFinding.category, `%${f.q}%`)) : undefined,
  )!;

const listColumns = {
  id: inspectionFinding.id,
  planId: inspectionFinding.planId,
  planTitle: sql<string | null>`(select title from inspection_plan p where p.id = "inspection_finding"."plan_id")`,
  orgId: inspectionFinding.orgId,
  orgName: findingOrgName,
  description: inspectionFinding.description,
  category: inspectionFinding.category,
  requirement: inspectionFinding.requirement,
  dueDate: inspectionFinding.dueDate,
  foundOn: inspectionFinding.foundOn,
  source: inspectionFinding.source,
  status: inspectionFinding.status,
  version: inspectionFinding.version,
  orderId: sql<number | null>`(select o.id from supervision_order o where o.finding_id = "inspection_finding"."id" and o.status <> 'withdrawn' order by o.id desc limit 1)`,
  orderNo: sql<string | null>`(select o.order_no from supervision_order o where o.finding_id = "inspection_finding"."id" and o.status <> 'withdrawn' order by o.id desc limit 1)`,
};

/** 督察问题清单 within scope. */
export const findFindings = async (ctx: Ctx, f: FindingFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = conditions(ctx, f, permission);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(inspectionFinding).where(where)) as [{ total: number }];
  const items = await ctx.db
    .select(listColumns)
    .from(inspectionFinding)
    .where(where)
    .orderBy(desc(inspectionFinding.foundOn), desc(inspectionFinding.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items };
};

/** 导出问题清单 (.xlsx), audited. */
export const exportFindings = async (ctx: Ctx, f: FindingFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items } = await findFindings(ctx, f, { page: 1, pageSize: 50_000 }, PERM.export);
  type Item = (typeof items)[number];
  const buf = await writeXlsx<Item>(
    '督察问题',
    [
      { header: '单位', width: 24, value: (r) => r.orgName },
      { header: '问题描述', width: 50, value: (r) => r.description },
      { header: '问题类别', value: (r) => r.category ?? '' },
      { header: '整改要求', width: 40, value: (r) => r.requirement },
      { header: '整改期限', width: 12, value: (r) => r.dueDate ?? '' },
      { header: '发现日期', width: 12, value: (r) => r.foundOn },
      { header: '来源', value: (r) => label(FINDING_SOURCES, r.source) },
      { header: '督察计划', width: 30, value: (r) => r.planTitle ?? '' },
      { header: '状态', value: (r) => label(FINDING_STATUSES, r.status) },
      { header: '督办单文号', width: 26, value: (r) => r.orderNo ?? '' },
    ],
    items,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'finding.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};
