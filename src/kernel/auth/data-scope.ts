import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import { AppError } from '../errors/app-error';
import type { Actor, Ctx } from '../context';
import type { DataScope } from '../db/schema';

const RANK: Record<DataScope, number> = { own: 1, unit: 2, unit_and_below: 3, jurisdiction: 4, all: 5 };

/** The broader of two scopes. */
export const widerScope = (a: DataScope | undefined, b: DataScope): DataScope => (a && RANK[a] >= RANK[b] ? a : b);

/** Whether the actor's scope for `wider` covers at least what its scope for `narrower` covers. */
export const scopeCovers = (actor: Actor | null, wider: string, narrower: string): boolean => {
  const a = actor?.grants[wider];
  const b = actor?.grants[narrower];
  if (!a || !b) return false;
  // `own` (records I created) is not nested in the unit scopes: a record I created may belong to another unit.
  if (a === 'all' || a === b) return true;
  if (a === 'jurisdiction') return b === 'unit' || b === 'unit_and_below';
  return a === 'unit_and_below' && b === 'unit';
};

/** Whether the actor holds `permission` at any scope. */
export const can = (actor: Actor | null, permission: string): boolean => Boolean(actor?.grants[permission]);

/** Throws FORBIDDEN unless the actor holds `permission`. */
export const requirePermission = (ctx: Ctx, permission: string): Actor => {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  if (!can(ctx.actor, permission)) throw new AppError('FORBIDDEN', '您没有此项操作的权限');
  return ctx.actor;
};

export interface ScopeColumns {
  /** The unit a record belongs to (承办单位). */
  org: AnyColumn | SQL;
  /** The user who created or owns it, for the `own` scope. */
  owner?: AnyColumn | SQL;
}

/**
 * 数据权限: the SQL condition limiting a set query to the records the actor may see under
 * `permission`. Compose it into every list, search, export, count and statistic.
 */
export const scopeWhere = (actor: Actor | null, permission: string, cols: ScopeColumns): SQL => {
  const scope = actor?.grants[permission];
  if (!actor || !scope) return sql`false`;
  switch (scope) {
    case 'all':
      return sql`true`;
    case 'unit_and_below':
      return sql`${cols.org} in (select ou.id from org_unit ou where ou.path like ${`${actor.orgPath}%`})`;
    case 'jurisdiction':
      return sql`${cols.org} in (select ou.id from org_unit ou where ou.path like ${`${actor.jurisdictionPath}%`})`;
    case 'unit':
      return sql`${cols.org} = ${actor.orgId}`;
    case 'own':
      return cols.owner ? sql`${cols.owner} = ${actor.id}` : sql`false`;
  }
};

/** Whether a unit (by path) lies within the actor's scope for `permission`: used for writes into a unit. */
export const orgInScope = (actor: Actor, permission: string, org: { id: number; path: string }): boolean => {
  const scope = actor.grants[permission];
  if (!scope) return false;
  if (scope === 'all') return true;
  if (scope === 'unit_and_below') return org.path.startsWith(actor.orgPath);
  if (scope === 'jurisdiction') return org.path.startsWith(actor.jurisdictionPath);
  return org.id === actor.orgId;
};

/** `column` names a unit in the subtree of `orgId` (the unit itself and everything below it). */
export const inOrgSubtree = (column: AnyColumn | SQL, orgId: number): SQL =>
  sql`${column} in (select ou.id from org_unit ou where ou.path like (select p.path from org_unit p where p.id = ${orgId}) || '%')`;
