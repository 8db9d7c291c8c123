/** 执法主体人员看板 and the registry settings (training target, 法制审核 ratio, certificate validity). */
import { and, count, eq, sql } from 'drizzle-orm';
import { inOrgSubtree, orgUnit, queryRows, recordAudit, requirePermission, type Ctx } from '../../../../kernel';
import type { SettingsInput } from '../contract';
import { BODY_KIND_OPTIONS, ITEM_KIND_OPTIONS } from '../registry-machine';
import { enforcementItem, enforcementRegistrySetting } from '../schema';
import { registryStatistics } from '../statistics';
import { currentYear, MODULE, PERM, requireOrgForWrite, scopeOn, settingsForOrg, staleVersion, qc } from './access';
import { findBodies } from './bodies';

export const registryBoard = async (ctx: Ctx, q: { year?: number | undefined; orgId?: number | undefined }) => {
  requirePermission(ctx, PERM.read);
  const year = q.year ?? currentYear(ctx);
  const figures = [];
  for (const s of registryStatistics) figures.push({ id: s.id, label: s.label, unit: s.unit, value: await s.compute({ ctx, year, orgId: q.orgId }) });
  const { items: bodies } = await findBodies(ctx, { orgId: q.orgId, entrustExpired: undefined }, { page: 1, pageSize: 500 });
  const byKind = BODY_KIND_OPTIONS.map((k) => ({ kind: k.value, label: k.label, count: bodies.filter((b) => b.kind === k.value && b.status === 'active').length }));
  const itemsByKind = await ctx.db
    .select({ kind: enforcementItem.kind, n: count() })
    .from(enforcementItem)
    .where(and(scopeOn(ctx, enforcementItem.orgId), eq(enforcementItem.status, 'active'), q.orgId ? inOrgSubtree(enforcementItem.orgId, q.orgId) : undefined))
    .groupBy(enforcementItem.kind);
  const certsByMonth = await queryRows<{ month: number; issued: number; revoked: number }>(
    ctx.db,
    sql`select m.month, (select count(*)::int from enforcement_certificate c where ${scopeOn(ctx, sql`c.org_id`)} ${q.orgId ? sql`and ${inOrgSubtree(sql`c.org_id`, q.orgId)}` : sql``}
          and extract(year from c.issued_date) = ${year} and extract(month from c.issued_date) = m.month) as issued,
        (select count(*)::int from enforcement_certificate c where ${scopeOn(ctx, sql`c.org_id`)} ${q.orgId ? sql`and ${inOrgSubtree(sql`c.org_id`, q.orgId)}` : sql``}
          and c.status = 'revoked' and extract(year from c.status_date) = ${year} and extract(month from c.status_date) = m.month) as revoked
        from generate_series(1, 12) as m(month) order by m.month`,
  );
  return {
    year,
    figures,
    byKind,
    itemsByKind: ITEM_KIND_OPTIONS.map((k) => ({ kind: k.value, label: k.label, count: Number(itemsByKind.find((i) => i.kind === k.value)?.n ?? 0) })),
    certsByMonth: certsByMonth.map((r) => ({ month: Number(r.month), issued: Number(r.issued), revoked: Number(r.revoked) })),
    bodies: bodies
      .filter((b) => b.status !== 'revoked')
      .map((b) => ({
        id: b.id,
        name: b.name,
        orgName: b.orgName,
        kind: b.kind,
        status: b.status,
        officers: b.officers,
        legalReviewers: b.legalReviewers,
        validCertificates: b.validCertificates,
        items: b.items,
        legalReviewerRatio: b.legalReviewerRatio,
        legalReviewerBelow: b.legalReviewerBelow,
        legalReviewerMinPercent: b.legalReviewerMinPercent,
        confirmedThisYear: b.confirmedThisYear,
        entrustExpired: b.entrustExpired,
      })),
  };
};

/** The settings that apply to a unit (default: the actor's 辖区 unit). */
export const getSettings = async (ctx: Ctx, orgId?: number) => {
  const actor = requirePermission(ctx, PERM.read);
  const id = orgId ?? (await ctx.db.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.path, actor.jurisdictionPath)))[0]?.id ?? actor.orgId;
  const [org] = await ctx.db.select({ id: orgUnit.id, name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, id));
  const s = await settingsForOrg(ctx.db, id);
  return { trainingHoursTarget: s.trainingHoursTarget, legalReviewerMinPercent: s.legalReviewerMinPercent, certValidityYears: s.certValidityYears, orgId: id, orgName: org?.name ?? '', appliesFromOrgId: s.orgId, version: s.orgId === id ? s.version : null };
};

/** Sets the registry settings of a jurisdiction unit within the actor's manage scope (version → 409). */
export const putSettings = async (ctx: Ctx, input: SettingsInput) => {
  await requireOrgForWrite(ctx, input.orgId, PERM.manage, 'orgId');
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(enforcementRegistrySetting).where(eq(enforcementRegistrySetting.orgId, input.orgId));
    const values = { trainingHoursTarget: input.trainingHoursTarget, legalReviewerMinPercent: input.legalReviewerMinPercent, certValidityYears: input.certValidityYears };
    let row;
    if (existing) {
      if (input.version !== existing.version) throw staleVersion();
      [row] = await tx
        .update(enforcementRegistrySetting)
        .set({ ...values, version: sql`${qc(enforcementRegistrySetting.version)} + 1`, updatedAt: ctx.now })
        .where(and(eq(enforcementRegistrySetting.id, existing.id), eq(enforcementRegistrySetting.version, existing.version)))
        .returning();
      if (!row) throw staleVersion();
    } else {
      [row] = await tx.insert(enforcementRegistrySetting).values({ orgId: input.orgId, ...values }).returning();
    }
    await recordAudit(tx, ctx, { action: 'settings.update', module: MODULE, entityType: 'enforcement_registry_setting', entityId: row!.id, before: existing ?? null, after: row });
    return row!;
  });
};

