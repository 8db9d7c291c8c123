import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { can, decryptField, maskAddress, maskIdNumber, maskPhone, notFound, scopeWhere, type Ctx, type DbOrTx, workflowTable, permissionCodes } from '../../../kernel';
import { reconsiderationCase, reconsiderationLetter, type ReconsiderationCaseRow, type StoredParty } from '../schema';
import { manifest } from '../manifest';

export const MODULE = manifest.key;
/** The module's permission codes, from its manifest. */
export const PERM = permissionCodes(manifest);

export const caseTable = workflowTable(reconsiderationCase, { label: '案件', scope: (ctx, permission) => caseScope(ctx, permission) });

export const letterTable = workflowTable(reconsiderationLetter, {
  label: '文书',
  // Acting on a letter needs the acting scope over its case.
  scope: (ctx, permission) =>
    exists(ctx.db.select({ one: sql`1` }).from(reconsiderationCase).where(and(eq(reconsiderationCase.id, reconsiderationLetter.caseId), caseScope(ctx, permission)))),
});

/** The data-scope condition on cases (by the 复议机构's unit) for a permission (default: read). */
export const caseScope = (ctx: Ctx, permission: string = PERM.read): SQL =>
  scopeWhere(ctx.actor, permission, { org: reconsiderationCase.orgId, owner: reconsiderationCase.createdBy });

/** Loads one case through the actor's scope; outside scope it does not exist (404). */
export const getCaseInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<ReconsiderationCaseRow> => {
  const [row] = await db.select().from(reconsiderationCase).where(and(eq(reconsiderationCase.id, id), caseScope(ctx, permission)));
  if (!row) throw notFound('行政复议案件');
  return row;
};

/** Whether a case lies within the actor's scope for `permission` (acting may need a narrower scope than reading). */
export const caseInScope = async (ctx: Ctx, id: number, permission: string, db: DbOrTx = ctx.db): Promise<boolean> => {
  if (!can(ctx.actor, permission)) return false;
  const [row] = await db.select({ id: reconsiderationCase.id }).from(reconsiderationCase).where(and(eq(reconsiderationCase.id, id), caseScope(ctx, permission)));
  return Boolean(row);
};

const decryptOrNull = (ctx: Ctx, v: string | null): string | null => (v ? decryptField(ctx.services.keys.field, v) : null);

const maskParty = (ctx: Ctx, p: StoredParty) => ({
  ...p,
  idNumber: maskIdNumber(decryptOrNull(ctx, p.idNumber)),
  phone: maskPhone(decryptOrNull(ctx, p.phone)),
  address: maskAddress(decryptOrNull(ctx, p.address)),
});
const revealParty = (ctx: Ctx, p: StoredParty) => ({
  ...p,
  idNumber: decryptOrNull(ctx, p.idNumber),
  phone: decryptOrNull(ctx, p.phone),
  address: decryptOrNull(ctx, p.address),
});

/** The case as staff see it: personal data of every party masked. */
export const toCaseView = (ctx: Ctx, row: ReconsiderationCaseRow, names: { orgName?: string | null; respondentName?: string | null } = {}) => ({
  ...row,
  orgName: names.orgName ?? null,
  respondentName: names.respondentName ?? null,
  applicants: row.applicants.map((p) => maskParty(ctx, p)),
  thirdParties: row.thirdParties.map((p) => maskParty(ctx, p)),
  agent: row.agent ? maskParty(ctx, row.agent) : null,
});

/** Every party's personal data in full (for the audited 查看完整信息 action). */
export const revealParties = (ctx: Ctx, row: ReconsiderationCaseRow) => ({
  applicants: row.applicants.map((p) => revealParty(ctx, p)),
  thirdParties: row.thirdParties.map((p) => revealParty(ctx, p)),
  agent: row.agent ? revealParty(ctx, row.agent) : null,
});

export { orgNameOf } from '../../../kernel';

export const orgNameSql = sql<string>`(select name from org_unit o where o.id = ${reconsiderationCase.orgId})`;
export const respondentNameSql = sql<string>`(select name from org_unit o where o.id = ${reconsiderationCase.respondentOrgId})`;
