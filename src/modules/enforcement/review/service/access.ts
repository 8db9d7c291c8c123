import { and, eq, sql, type SQL } from 'drizzle-orm';
import { AppError, can, notFound, orgInScope, orgUnit, scopeWhere, type Actor, type Ctx, type DbOrTx, workflowTable, permissionCodes } from '../../../../kernel';
import { enforcementBody } from '../../registry/schema';
import {
  enforcementCampaign,
  enforcementComplaint,
  enforcementReview,
  enforcementReviewFile,
  enforcementSupervisionDoc,
  enforcementSupervisor,
} from '../schema';
import { manifest } from '../../manifest';

export const MODULE = manifest.key;
/** The module's permission codes, from its manifest. */
export const PERM = permissionCodes(manifest);

/** A review is run by its organiser (the unit that set it up). */
export const reviewTable = workflowTable(enforcementReview, { label: '评查活动' });
/** A 监督文书 is replied to by the body's unit and closed by the supervisor, both within their scope over that unit. */
export const docTable = workflowTable(enforcementSupervisionDoc, { label: '文书' });
export const complaintTable = workflowTable(enforcementComplaint, { label: '投诉举报' });

/** Reviews: the organiser's scope, or a file of the review in the actor's scope (a body sees the campaigns it is reviewed in). */
export const reviewScope = (ctx: Ctx, permission: string = PERM.read): SQL =>
  sql`(${scopeWhere(ctx.actor, permission, { org: enforcementReview.orgId })} or exists (select 1 from enforcement_review_file f where f.review_id = ${sql.raw('"enforcement_review"."id"')} and ${scopeWhere(
    ctx.actor,
    permission,
    { org: sql`f.org_id` },
  )}))`;

/** Files: the reviewed body's scope or the organiser's scope. */
export const fileScope = (ctx: Ctx, permission: string = PERM.read): SQL =>
  sql`(${scopeWhere(ctx.actor, permission, { org: enforcementReviewFile.orgId })} or ${scopeWhere(ctx.actor, permission, {
    org: sql`(select r.org_id from enforcement_review r where r.id = ${enforcementReviewFile.reviewId})`,
  })})`;

export const docScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: enforcementSupervisionDoc.orgId });
export const complaintScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: enforcementComplaint.orgId });
export const campaignScope = (ctx: Ctx, permission: string = PERM.read): SQL =>
  sql`(${scopeWhere(ctx.actor, permission, { org: enforcementCampaign.orgId })} or exists (select 1 from enforcement_body b where b.id in (select (jsonb_array_elements_text(${sql.raw('"enforcement_campaign"."body_ids"')}))::int) and ${scopeWhere(
    ctx.actor,
    permission,
    { org: sql`b.org_id` },
  )}))`;
export const supervisorScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: enforcementSupervisor.orgId });

export const getReviewInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read) => {
  const [row] = await db.select().from(enforcementReview).where(and(eq(enforcementReview.id, id), reviewScope(ctx, permission)));
  if (!row) throw notFound('评查活动');
  return row;
};

/** The organiser's scope over a review (to run it: sheet, sampling, scoring, transitions). */
export const reviewOrganiserInScope = async (ctx: Ctx, id: number, db: DbOrTx, permission: string = PERM.review): Promise<boolean> => {
  if (!can(ctx.actor, permission)) return false;
  const [row] = await db
    .select({ id: enforcementReview.id })
    .from(enforcementReview)
    .where(and(eq(enforcementReview.id, id), scopeWhere(ctx.actor, permission, { org: enforcementReview.orgId })));
  return Boolean(row);
};

export const getDocInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read) => {
  const [row] = await db.select().from(enforcementSupervisionDoc).where(and(eq(enforcementSupervisionDoc.id, id), docScope(ctx, permission)));
  if (!row) throw notFound('执法监督文书');
  return row;
};

export const getComplaintInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read) => {
  const [row] = await db.select().from(enforcementComplaint).where(and(eq(enforcementComplaint.id, id), complaintScope(ctx, permission)));
  if (!row) throw notFound('投诉举报');
  return row;
};

/** A body that the actor may act on under `permission` (writes into the body's unit); 404 otherwise. */
export const bodyForWrite = async (ctx: Ctx, actor: Actor, bodyId: number, permission: string, db: DbOrTx = ctx.db) => {
  const [hit] = await db
    .select({ id: enforcementBody.id, orgId: enforcementBody.orgId, name: enforcementBody.name, path: orgUnit.path })
    .from(enforcementBody)
    .innerJoin(orgUnit, eq(orgUnit.id, enforcementBody.orgId))
    .where(eq(enforcementBody.id, bodyId));
  if (!hit || !orgInScope(actor, permission, { id: hit.orgId, path: hit.path })) throw new AppError('VALIDATION_FAILED', '执法主体不存在或不在您的监督范围内', { details: { fields: [{ path: 'bodyId', message: '执法主体不存在或不在您的监督范围内' }] } });
  return hit;
};

/** Whether the acting permission's scope covers a record of unit `orgId`. */
export const actsOn = async (ctx: Ctx, permission: string, orgId: number, db: DbOrTx = ctx.db): Promise<boolean> => {
  if (!ctx.actor || !can(ctx.actor, permission)) return false;
  const [org] = await db.select({ id: orgUnit.id, path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, orgId));
  return Boolean(org && orgInScope(ctx.actor, permission, org));
};

export const orgNameSql = (col: SQL | { getSQL(): SQL }) => sql<string>`(select o.name from org_unit o where o.id = ${col})`;
export const bodyNameSql = (col: SQL | { getSQL(): SQL }) => sql<string>`(select b.name from enforcement_body b where b.id = ${col})`;

export { orgNameOf } from '../../../../kernel';

export const bodyNameOf = async (db: DbOrTx, bodyId: number): Promise<string | null> => {
  const [b] = await db.select({ name: enforcementBody.name }).from(enforcementBody).where(eq(enforcementBody.id, bodyId));
  return b?.name ?? null;
};

export const labelOf = (list: readonly { value: string; label: string }[], v: string | null | undefined): string => list.find((o) => o.value === v)?.label ?? v ?? '';
