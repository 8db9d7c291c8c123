import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../context';
import { queryRows, type DbOrTx } from '../db/client';
import type { AdminKind, DataScope } from '../db/schema';
import { widerScope } from './data-scope';

interface RoleGrant {
  name: string;
  scope: DataScope;
  adminKind: AdminKind | null;
  permissions: string[];
}

export interface ActorRow {
  user_id: number;
  username: string;
  display_name: string;
  is_active: boolean;
  org_id: number;
  org_path: string;
  jurisdiction_path: string | null;
  org_name: string;
  roles: RoleGrant[] | null;
}

/**
 * The columns (over alias `u` of app_user) that make an Actor: user, unit, 辖区 and roles in one round trip.
 * The 辖区 is found among the unit's ancestors, whose ids the materialized path lists (primary-key lookups).
 */
export const actorColumns = sql`u.id as user_id, u.username, u.display_name, u.is_active, u.org_id, o.path as org_path, o.name as org_name,
  (select j.path from org_unit j where j.id = any(string_to_array(trim(both '/' from o.path), '/')::int[]) and j.kind in ('city', 'county', 'town') order by j.depth desc limit 1) as jurisdiction_path,
  (select json_agg(json_build_object('name', r.name, 'scope', r.scope, 'adminKind', r.admin_kind, 'permissions', r.permissions) order by r.id)
     from user_role ur join role r on r.id = ur.role_id where ur.user_id = u.id) as roles`;

/** Folds a row selected with `actorColumns` into an Actor; null if the account is disabled. */
export const actorFromRow = (row: ActorRow): Actor | null => {
  if (!row.is_active) return null;
  const roles = row.roles ?? [];
  const grants: Record<string, DataScope> = {};
  for (const r of roles) for (const p of r.permissions) grants[p] = widerScope(grants[p], r.scope);
  return {
    id: row.user_id,
    username: row.username,
    displayName: row.display_name,
    orgId: row.org_id,
    orgPath: row.org_path,
    jurisdictionPath: row.jurisdiction_path ?? row.org_path,
    orgName: row.org_name,
    adminKind: roles.find((r) => r.adminKind)?.adminKind ?? null,
    grants,
    roleNames: roles.map((r) => r.name),
  };
};

const selectActor = (where: SQL) =>
  sql`select ${actorColumns} from app_user u join org_unit o on o.id = u.org_id where ${where}`;

/** Loads a user's unit and roles and folds them into an Actor; null if the user is inactive or missing. */
export const loadActor = async (db: DbOrTx, userId: number): Promise<Actor | null> => {
  const [row] = await queryRows<ActorRow>(db, selectActor(sql`u.id = ${userId}`));
  return row ? actorFromRow(row) : null;
};
