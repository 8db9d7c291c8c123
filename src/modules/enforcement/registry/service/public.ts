/**
 * 公示 on the portal (no login): active 执法主体, their active 裁量基准 (行政处罚法第三十四条: 裁量基准应当
 * 向社会公布) and the published 四张清单 / 首违不罚 entries. Only public fields; no personal data.
 */
import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { inOrgSubtree, type Ctx } from '../../../../kernel';
import { LEVEL_OPTIONS, LIST_KIND_OPTIONS, labelOfOption } from '../registry-machine';
import { discretionBenchmark, enforcementBody, enforcementItem, enforcementListEntry } from '../schema';
import { bodyNameSql, orgNameSql, qc } from './access';

interface PublicQuery {
  orgId?: number | undefined;
  bodyId?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export const publicBodies = async (ctx: Ctx, q: { orgId?: number | undefined }) => {
  const items = await ctx.db
    .select({
      id: enforcementBody.id,
      name: enforcementBody.name,
      kind: enforcementBody.kind,
      legalBasis: enforcementBody.legalBasis,
      orgName: orgNameSql(enforcementBody.orgId),
      benchmarks: sql<number>`(select count(*)::int from discretion_benchmark d join enforcement_item i on i.id = d.item_id where i.body_id = ${qc(enforcementBody.id)} and d.status = 'active' and i.status = 'active')`,
      listEntries: sql<number>`(select count(*)::int from enforcement_list_entry l join enforcement_item i on i.id = l.item_id where i.body_id = ${qc(enforcementBody.id)} and l.status = 'active' and l.published)`,
    })
    .from(enforcementBody)
    .where(and(eq(enforcementBody.status, 'active'), q.orgId ? inOrgSubtree(enforcementBody.orgId, q.orgId) : undefined))
    .orderBy(asc(enforcementBody.orgId), asc(enforcementBody.id))
    .limit(500);
  return { items };
};

export const publicBenchmarks = async (ctx: Ctx, q: PublicQuery) => {
  const where = and(
    eq(discretionBenchmark.status, 'active'),
    eq(enforcementItem.status, 'active'),
    sql`${qc(enforcementItem.bodyId)} in (select b.id from enforcement_body b where b.status = 'active')`,
    q.bodyId ? eq(enforcementItem.bodyId, q.bodyId) : undefined,
    q.orgId ? inOrgSubtree(enforcementItem.orgId, q.orgId) : undefined,
    q.q ? or(ilike(enforcementItem.name, `%${q.q}%`), ilike(discretionBenchmark.circumstance, `%${q.q}%`)) : undefined,
  );
  const [{ total }] = (await ctx.db.select({ total: count() }).from(discretionBenchmark).innerJoin(enforcementItem, eq(enforcementItem.id, discretionBenchmark.itemId)).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select({
      id: discretionBenchmark.id,
      bodyName: bodyNameSql(enforcementItem.bodyId),
      itemCode: enforcementItem.code,
      itemName: enforcementItem.name,
      legalBasis: enforcementItem.legalBasis,
      circumstance: discretionBenchmark.circumstance,
      level: discretionBenchmark.level,
      fineMinFen: discretionBenchmark.fineMinFen,
      fineMaxFen: discretionBenchmark.fineMaxFen,
      measures: discretionBenchmark.measures,
      madeBy: discretionBenchmark.madeBy,
      madeDate: discretionBenchmark.madeDate,
    })
    .from(discretionBenchmark)
    .innerJoin(enforcementItem, eq(enforcementItem.id, discretionBenchmark.itemId))
    .where(where)
    .orderBy(asc(enforcementItem.bodyId), asc(enforcementItem.code), asc(discretionBenchmark.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: Number(total), items: rows.map((r) => ({ ...r, levelLabel: labelOfOption(LEVEL_OPTIONS, r.level) })) };
};

export const publicListEntries = async (ctx: Ctx, q: PublicQuery) => {
  const where = and(
    eq(enforcementListEntry.status, 'active'),
    eq(enforcementListEntry.published, true),
    eq(enforcementItem.status, 'active'),
    q.bodyId ? eq(enforcementItem.bodyId, q.bodyId) : undefined,
    q.orgId ? inOrgSubtree(enforcementItem.orgId, q.orgId) : undefined,
    q.q ? or(ilike(enforcementItem.name, `%${q.q}%`), ilike(enforcementListEntry.condition, `%${q.q}%`)) : undefined,
  );
  const [{ total }] = (await ctx.db.select({ total: count() }).from(enforcementListEntry).innerJoin(enforcementItem, eq(enforcementItem.id, enforcementListEntry.itemId)).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select({
      id: enforcementListEntry.id,
      bodyName: bodyNameSql(enforcementItem.bodyId),
      itemName: enforcementItem.name,
      listKind: enforcementListEntry.listKind,
      condition: enforcementListEntry.condition,
      basis: enforcementListEntry.basis,
      publishedDate: enforcementListEntry.publishedDate,
    })
    .from(enforcementListEntry)
    .innerJoin(enforcementItem, eq(enforcementItem.id, enforcementListEntry.itemId))
    .where(where)
    .orderBy(asc(enforcementListEntry.listKind), asc(enforcementItem.bodyId), asc(enforcementListEntry.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: Number(total), items: rows.map((r) => ({ ...r, listKindLabel: labelOfOption(LIST_KIND_OPTIONS, r.listKind) })) };
};
