/** Shared pieces of the registry area: permissions, scope conditions, loading in scope, settings, names. */
import { and, eq, getTableName, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError, notFound, orgInScope, orgUnit, requirePermission, scopeWhere, toLocalDate, type Ctx, type DbOrTx, workflowTable, permissionCodes } from '../../../../kernel';
import { DEFAULT_SETTINGS } from '../registry-machine';
import { enforcementBody, enforcementCertificate, enforcementItem, enforcementOfficer, enforcementRegistrySetting } from '../schema';
import { manifest } from '../../manifest';

export const MODULE = manifest.key;
/** The module's permission codes, from its manifest. */
export const PERM = permissionCodes(manifest);

/** The actor's scope over records whose unit is `org`. */
export const scopeOn = (ctx: Ctx, org: AnyPgColumn | SQL, permission: string = PERM.read): SQL => scopeWhere(ctx.actor, permission, { org });

export const bodyTable = workflowTable(enforcementBody, { label: '执法主体' });
export const officerTable = workflowTable(enforcementOfficer, { label: '执法人员' });
export const certificateTable = workflowTable(enforcementCertificate, { label: '执法证件' });

export const getBodyInScope = async (ctx: Ctx, id: number, permission: string = PERM.read, db: DbOrTx = ctx.db) => {
  requirePermission(ctx, permission);
  const [row] = await db.select().from(enforcementBody).where(and(eq(enforcementBody.id, id), scopeOn(ctx, enforcementBody.orgId, permission)));
  if (!row) throw notFound('执法主体');
  return row;
};
export const getOfficerInScope = async (ctx: Ctx, id: number, permission: string = PERM.read, db: DbOrTx = ctx.db) => {
  requirePermission(ctx, permission);
  const [row] = await db.select().from(enforcementOfficer).where(and(eq(enforcementOfficer.id, id), scopeOn(ctx, enforcementOfficer.orgId, permission)));
  if (!row) throw notFound('执法人员');
  return row;
};
export const getCertificateInScope = async (ctx: Ctx, id: number, permission: string = PERM.read, db: DbOrTx = ctx.db) => {
  requirePermission(ctx, permission);
  const [row] = await db.select().from(enforcementCertificate).where(and(eq(enforcementCertificate.id, id), scopeOn(ctx, enforcementCertificate.orgId, permission)));
  if (!row) throw notFound('执法证件');
  return row;
};
export const getItemInScope = async (ctx: Ctx, id: number, permission: string = PERM.read, db: DbOrTx = ctx.db) => {
  requirePermission(ctx, permission);
  const [row] = await db.select().from(enforcementItem).where(and(eq(enforcementItem.id, id), scopeOn(ctx, enforcementItem.orgId, permission)));
  if (!row) throw notFound('执法事项');
  return row;
};

/** Whether the actor may act with `permission` on a record of unit `orgId` (for offering actions). */
export const mayActOn = async (ctx: Ctx, orgId: number, permission: string): Promise<boolean> => {
  if (!ctx.actor || !ctx.actor.grants[permission]) return false;
  const [org] = await ctx.db.select({ id: orgUnit.id, path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, orgId));
  return Boolean(org && orgInScope(ctx.actor, permission, org));
};

/** A unit the actor may write into with `permission`, or a 422 on `field`. */
export const requireOrgForWrite = async (ctx: Ctx, orgId: number, permission: string, field: string, db: DbOrTx = ctx.db) => {
  const actor = requirePermission(ctx, permission);
  const [org] = await db.select().from(orgUnit).where(eq(orgUnit.id, orgId));
  if (!org || !org.isActive) throw new AppError('VALIDATION_FAILED', '单位不存在', { details: { fields: [{ path: field, message: '单位不存在或已停用' }] } });
  if (!orgInScope(actor, permission, org)) throw notFound('单位');
  return org;
};

/** A version-checked update that changed nothing: stale (409) — the record exists, as the caller loaded it. */
export const staleVersion = (): AppError => new AppError('CONFLICT', '记录已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });

/** A column with its table name, for correlated subqueries in select lists (drizzle leaves select-list columns unqualified). */
export const qc = (column: AnyPgColumn): SQL => sql.raw(`"${getTableName(column.table)}"."${column.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`);
export const orgNameSql = (column: AnyPgColumn) => sql<string>`(select o.name from org_unit o where o.id = ${qc(column)})`;
export const bodyNameSql = (column: AnyPgColumn) => sql<string>`(select b.name from enforcement_body b where b.id = ${qc(column)})`;

export interface RegistrySettings {
  trainingHoursTarget: number;
  legalReviewerMinPercent: number;
  certValidityYears: number;
  /** The unit whose setting applies (null: the defaults). */
  orgId: number | null;
  version: number | null;
}

/** Every setting row with its unit's path, deepest first. */
export const loadSettingRows = async (db: DbOrTx) => {
  const rows = await db
    .select({
      orgId: enforcementRegistrySetting.orgId,
      path: orgUnit.path,
      trainingHoursTarget: enforcementRegistrySetting.trainingHoursTarget,
      legalReviewerMinPercent: enforcementRegistrySetting.legalReviewerMinPercent,
      certValidityYears: enforcementRegistrySetting.certValidityYears,
      version: enforcementRegistrySetting.version,
    })
    .from(enforcementRegistrySetting)
    .innerJoin(orgUnit, eq(orgUnit.id, enforcementRegistrySetting.orgId));
  return rows.sort((a, b) => b.path.length - a.path.length);
};

/** The settings that apply to a unit (by path): the deepest jurisdiction setting above it, else the defaults. */
export const settingsFor = (rows: Awaited<ReturnType<typeof loadSettingRows>>, path: string): RegistrySettings => {
  const hit = rows.find((r) => path.startsWith(r.path));
  return hit
    ? { trainingHoursTarget: hit.trainingHoursTarget, legalReviewerMinPercent: hit.legalReviewerMinPercent, certValidityYears: hit.certValidityYears, orgId: hit.orgId, version: hit.version }
    : { ...DEFAULT_SETTINGS, orgId: null, version: null };
};

export const settingsForOrg = async (db: DbOrTx, orgId: number): Promise<RegistrySettings> => {
  const [org] = await db.select({ path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, orgId));
  return settingsFor(await loadSettingRows(db), org?.path ?? '');
};

/** Paths of units by id (for settings lookups of many rows). */
export const pathsOf = async (db: DbOrTx, ids: number[]): Promise<Map<number, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: orgUnit.id, path: orgUnit.path }).from(orgUnit).where(inArray(orgUnit.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.path]));
};

export const currentYear = (ctx: Ctx): number => Number(toLocalDate(ctx.now).slice(0, 4));
