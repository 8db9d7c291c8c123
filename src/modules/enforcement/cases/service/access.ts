import { and, eq, sql, type SQL } from 'drizzle-orm';
import { can, decryptField, maskIdNumber, maskName, maskPhone, notFound, scopeWhere, type Ctx, type DbOrTx, workflowTable, permissionCodes } from '../../../../kernel';
import { enforcementCase, enforcementPublication, type EnforcementCaseRow, type EnforcementPublicationRow } from '../schema';
import { manifest } from '../../manifest';

export const MODULE = manifest.key;
/** The module's permission codes, from its manifest. */
export const PERM = permissionCodes(manifest);

export const caseTable = workflowTable(enforcementCase, { label: '案件', scope: (ctx, permission) => caseScope(ctx, permission) });

export const publicationTable = workflowTable(enforcementPublication, { label: '公示记录', scope: (ctx, permission) => publicationScope(ctx, permission) });

/** The data-scope condition on cases (by the body's unit) for a permission (default: read). */
export const caseScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: enforcementCase.orgId });
export const publicationScope = (ctx: Ctx, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org: enforcementPublication.orgId });

/** Loads one case through the actor's scope; outside scope it does not exist (404). */
export const getCaseInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<EnforcementCaseRow> => {
  const [row] = await db.select().from(enforcementCase).where(and(eq(enforcementCase.id, id), caseScope(ctx, permission)));
  if (!row) throw notFound('执法案件');
  return row;
};

/** Whether a case lies within the actor's scope for `permission`. */
export const caseInScope = async (ctx: Ctx, id: number, permission: string, db: DbOrTx = ctx.db): Promise<boolean> => {
  if (!can(ctx.actor, permission)) return false;
  const [row] = await db.select({ id: enforcementCase.id }).from(enforcementCase).where(and(eq(enforcementCase.id, id), caseScope(ctx, permission)));
  return Boolean(row);
};

export const getPublicationInScope = async (ctx: Ctx, id: number, db: DbOrTx = ctx.db, permission: string = PERM.read): Promise<EnforcementPublicationRow> => {
  const [row] = await db.select().from(enforcementPublication).where(and(eq(enforcementPublication.id, id), publicationScope(ctx, permission)));
  if (!row) throw notFound('公示记录');
  return row;
};

const decryptOrNull = (ctx: Ctx, v: string | null): string | null => (v ? decryptField(ctx.services.keys.field, v) : null);

/** The case as staff see it: the party's personal data masked. */
export const toCaseView = (ctx: Ctx, row: EnforcementCaseRow) => ({
  ...row,
  partyIdNumber: maskIdNumber(decryptOrNull(ctx, row.partyIdNumber)),
  partyPhone: maskPhone(decryptOrNull(ctx, row.partyPhone)),
});

export const revealParty = (ctx: Ctx, row: EnforcementCaseRow) => ({ partyIdNumber: decryptOrNull(ctx, row.partyIdNumber), partyPhone: decryptOrNull(ctx, row.partyPhone) });

/** The 公示 target: natural persons' names masked (the portal never shows personal data). */
export const publicTargetName = (row: Pick<EnforcementCaseRow, 'partyKind' | 'partyName'>): string => (row.partyKind === 'citizen' ? (maskName(row.partyName) ?? '') : row.partyName);

export const bodyNameSql = sql<string>`(select b.name from enforcement_body b where b.id = ${enforcementCase.bodyId})`;
export const itemNameSql = sql<string>`(select i.name from enforcement_item i where i.id = ${enforcementCase.itemId})`;
