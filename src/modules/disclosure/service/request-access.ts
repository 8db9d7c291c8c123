import { and, eq, sql, type SQL } from 'drizzle-orm';
import { can, decryptField, maskAddress, maskEmail, maskIdNumber, maskPhone, notFound, scopeWhere, type Ctx, type DbOrTx, workflowTable, permissionCodes } from '../../../kernel';
import { disclosureRequest, type DisclosureRequestRow } from '../schema';
import { manifest } from '../manifest';

export const MODULE = manifest.key;
/** The module's permission codes, from its manifest. */
export const PERM = permissionCodes(manifest);

export const requestTable = workflowTable(disclosureRequest, { label: '申请', scope: (ctx, permission) => requestScope(ctx, permission) });

/** The data-scope condition on requests for a permission (default: read). */
export const requestScope = (ctx: Ctx, permission: string = PERM.read): SQL =>
  scopeWhere(ctx.actor, permission, { org: disclosureRequest.orgId, owner: disclosureRequest.createdBy });

/** Loads one request through the actor's scope; outside scope it does not exist (404). */
export const getRequestInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<DisclosureRequestRow> => {
  const [row] = await db.select().from(disclosureRequest).where(and(eq(disclosureRequest.id, id), requestScope(ctx, permission)));
  if (!row) throw notFound('申请');
  return row;
};

/**
 * Whether a request lies within the actor's scope for `permission`: seeing a record (read scope) is not
 * enough to act on it when the acting permission has a narrower scope.
 */
export const requestInScope = async (ctx: Ctx, id: number, permission: string, db: DbOrTx = ctx.db): Promise<boolean> => {
  if (!can(ctx.actor, permission)) return false;
  const [row] = await db.select({ id: disclosureRequest.id }).from(disclosureRequest).where(and(eq(disclosureRequest.id, id), requestScope(ctx, permission)));
  return Boolean(row);
};

const decryptOrNull = (ctx: Ctx, v: string | null): string | null => (v ? decryptField(ctx.services.keys.field, v) : null);

/** The request as staff see it: personal data masked. */
export const toRequestView = (ctx: Ctx, row: DisclosureRequestRow, orgName?: string) => ({
  ...row,
  orgName: orgName ?? null,
  applicantIdNumber: maskIdNumber(decryptOrNull(ctx, row.applicantIdNumber)),
  applicantPhone: maskPhone(decryptOrNull(ctx, row.applicantPhone)),
  applicantAddress: maskAddress(decryptOrNull(ctx, row.applicantAddress)),
  applicantEmail: maskEmail(decryptOrNull(ctx, row.applicantEmail)),
});

/** The applicant's personal data in full (for the audited 查看完整信息 action). */
export const revealApplicant = (ctx: Ctx, row: DisclosureRequestRow) => ({
  applicantIdNumber: decryptOrNull(ctx, row.applicantIdNumber),
  applicantPhone: decryptOrNull(ctx, row.applicantPhone),
  applicantAddress: decryptOrNull(ctx, row.applicantAddress),
  applicantEmail: decryptOrNull(ctx, row.applicantEmail),
});

export { orgNameOf } from '../../../kernel';

/** The unit name of a request, for views. */
export const orgNameSql = sql<string>`(select name from org_unit o where o.id = ${disclosureRequest.orgId})`;
