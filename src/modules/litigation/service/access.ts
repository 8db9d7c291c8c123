import { and, eq, exists, sql, type SQL } from 'drizzle-orm';
import { can, dateOutOfRange, decryptField, maskIdNumber, maskPhone, notFound, scopeWhere, type Ctx, type DbOrTx, workflowTable, permissionCodes } from '../../../kernel';
import { litigationCase, litigationSuggestion, type LitigationCaseRow, type StoredPlaintiff } from '../schema';
import { manifest } from '../manifest';

export const MODULE = manifest.key;
/** The module's permission codes, from its manifest. */
export const PERM = permissionCodes(manifest);

export const caseTable = workflowTable(litigationCase, { label: '案件', scope: (ctx, permission) => caseScope(ctx, permission) });

export const suggestionTable = workflowTable(litigationSuggestion, {
  label: '司法建议',
  // Acting on a 司法建议 needs the acting scope over its case.
  scope: (ctx, permission) => exists(ctx.db.select({ one: sql`1` }).from(litigationCase).where(and(eq(litigationCase.id, litigationSuggestion.caseId), caseScope(ctx, permission)))),
});

/** The data-scope condition on cases (by the defendant agency) for a permission (default: read). */
export const caseScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: litigationCase.orgId, owner: litigationCase.createdBy });

/** Loads one case through the actor's scope; outside scope it does not exist (404). */
export const getCaseInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<LitigationCaseRow> => {
  const [row] = await db.select().from(litigationCase).where(and(eq(litigationCase.id, id), caseScope(ctx, permission)));
  if (!row) throw notFound('行政诉讼案件');
  return row;
};

/** Whether a case lies within the actor's scope for `permission`. */
export const caseInScope = async (ctx: Ctx, id: number, permission: string, db: DbOrTx = ctx.db): Promise<boolean> => {
  if (!can(ctx.actor, permission)) return false;
  const [row] = await db.select({ id: litigationCase.id }).from(litigationCase).where(and(eq(litigationCase.id, id), caseScope(ctx, permission)));
  return Boolean(row);
};

const decryptOrNull = (ctx: Ctx, v: string | null): string | null => (v ? decryptField(ctx.services.keys.field, v) : null);

/** The case as staff see it: plaintiffs' ID numbers and phones masked. */
export const toCaseView = (ctx: Ctx, row: LitigationCaseRow, names: { orgName?: string | null } = {}) => ({
  ...row,
  orgName: names.orgName ?? null,
  plaintiffs: row.plaintiffs.map((p: StoredPlaintiff) => ({ ...p, idNumber: maskIdNumber(decryptOrNull(ctx, p.idNumber)), phone: maskPhone(decryptOrNull(ctx, p.phone)) })),
});
export type CaseView = ReturnType<typeof toCaseView>;

/** Every plaintiff's personal data in full (for the audited 查看完整信息 action). */
export const revealPlaintiffs = (ctx: Ctx, row: LitigationCaseRow) => ({
  plaintiffs: row.plaintiffs.map((p) => ({ ...p, idNumber: decryptOrNull(ctx, p.idNumber), phone: decryptOrNull(ctx, p.phone) })),
});

export { orgNameOf } from '../../../kernel';

export const orgNameSql = sql<string>`(select name from org_unit o where o.id = ${litigationCase.orgId})`;

/** A date input that must lie in [min, today]: the kernel's rule. */
export const checkWithin = dateOutOfRange;
