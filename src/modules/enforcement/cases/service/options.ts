import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import { requirePermission, scopeWhere, toLocalDate, type Ctx } from '../../../../kernel';
import { discretionBenchmark, enforcementBody, enforcementCertificate, enforcementItem, enforcementOfficer } from '../../registry/schema';
import { PERM } from './access';

/** What the registration form offers: active bodies in the actor's report scope, their active items and their officers holding a valid 执法证. */
export const caseOptions = async (ctx: Ctx) => {
  requirePermission(ctx, PERM.report);
  const today = toLocalDate(ctx.now);
  const bodies = await ctx.db
    .select({ id: enforcementBody.id, name: enforcementBody.name, orgId: enforcementBody.orgId })
    .from(enforcementBody)
    .where(and(scopeWhere(ctx.actor, PERM.report, { org: enforcementBody.orgId }), eq(enforcementBody.status, 'active')))
    .orderBy(asc(enforcementBody.name));
  const ids = bodies.map((b) => b.id);
  const orgIds = [...new Set(bodies.map((b) => b.orgId))];
  const items = orgIds.length
    ? await ctx.db
        .select({ id: enforcementItem.id, bodyId: enforcementItem.bodyId, orgId: enforcementItem.orgId, code: enforcementItem.code, name: enforcementItem.name, kind: enforcementItem.kind })
        .from(enforcementItem)
        .where(and(inArray(enforcementItem.orgId, orgIds), eq(enforcementItem.status, 'active')))
        .orderBy(asc(enforcementItem.code))
    : [];
  const officers = ids.length
    ? await ctx.db
        .selectDistinct({ id: enforcementOfficer.id, bodyId: enforcementOfficer.bodyId, name: enforcementOfficer.name })
        .from(enforcementOfficer)
        .innerJoin(enforcementCertificate, eq(enforcementCertificate.officerId, enforcementOfficer.id))
        .where(
          and(
            inArray(enforcementOfficer.bodyId, ids),
            eq(enforcementOfficer.status, 'active'),
            eq(enforcementCertificate.kind, 'enforcement'),
            eq(enforcementCertificate.status, 'valid'),
            or(isNull(enforcementCertificate.expiresDate), gte(enforcementCertificate.expiresDate, today)),
          ),
        )
        .orderBy(asc(enforcementOfficer.id))
    : [];
  const benched = items.length
    ? new Set(
        (await ctx.db.selectDistinct({ itemId: discretionBenchmark.itemId }).from(discretionBenchmark).where(and(inArray(discretionBenchmark.itemId, items.map((i) => i.id)), eq(discretionBenchmark.status, 'active')))).map((b) => b.itemId),
      )
    : new Set<number>();
  return {
    bodies: bodies.map((b) => ({
      id: b.id,
      name: b.name,
      items: items.filter((i) => (i.bodyId ?? null) === b.id || (i.bodyId === null && i.orgId === b.orgId)).map(({ id, code, name, kind }) => ({ id, code, name, kind, hasBenchmark: benched.has(id) })),
      officers: officers.filter((o) => o.bodyId === b.id).map(({ id, name }) => ({ id, name })),
    })),
  };
};
