import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../context';
import type { DbOrTx } from '../db/client';
import { appUser, orgUnit, role, userRole, type DataScope } from '../db/schema';
import { widerScope } from './data-scope';

/** Loads a user's unit and roles and folds them into an Actor; null if the user is inactive or missing. */
export const loadActor = async (db: DbOrTx, userId: number): Promise<Actor | null> => {
  const [u] = await db
    .select({
      id: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      isActive: appUser.isActive,
      orgId: appUser.orgId,
      orgPath: orgUnit.path,
      orgName: orgUnit.name,
    })
    .from(appUser)
    .innerJoin(orgUnit, eq(orgUnit.id, appUser.orgId))
    .where(eq(appUser.id, userId));
  if (!u || !u.isActive) return null;
  const links = await db.select({ roleId: userRole.roleId }).from(userRole).where(eq(userRole.userId, userId));
  const roles = links.length
    ? await db.select().from(role).where(inArray(role.id, links.map((l) => l.roleId)))
    : [];
  const grants: Record<string, DataScope> = {};
  for (const r of roles) for (const p of r.permissions) grants[p] = widerScope(grants[p], r.scope);
  const adminRole = roles.find((r) => r.adminKind);
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId: u.orgId,
    orgPath: u.orgPath,
    orgName: u.orgName,
    adminKind: adminRole?.adminKind ?? null,
    grants,
    roleNames: roles.map((r) => r.name),
  };
};
