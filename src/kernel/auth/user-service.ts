import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { AppError, notFound, validationError } from '../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import { can, requirePermission } from './data-scope';
import type { Ctx } from '../context';
import type { DbOrTx } from '../db/client';
import { appUser, orgUnit, role, userRole, type AdminKind, type DataScope } from '../db/schema';
import { checkPasswordPolicy, hashPassword } from './password';
import { destroyUserSessions } from './session-store';

const ADMIN_AREA: Record<AdminKind, string> = { system: 'system:', security: 'security:', audit: 'audit:' };
const ADMIN_PREFIXES = Object.values(ADMIN_AREA);

/**
 * 三权分立: an admin role holds only the permissions of its own area; a business role holds none of
 * the admin areas. Returns the problems found.
 */
export const checkRolePermissions = (adminKind: AdminKind | null, permissions: string[], known: Set<string>): string[] => {
  const problems: string[] = [];
  for (const p of permissions) {
    if (!known.has(p)) problems.push(`未知权限 ${p}`);
    else if (adminKind && !p.startsWith(ADMIN_AREA[adminKind])) problems.push(`管理员角色不能包含业务或其他管理权限 ${p}`);
    else if (!adminKind && ADMIN_PREFIXES.some((prefix) => p.startsWith(prefix))) problems.push(`业务角色不能包含管理权限 ${p}`);
  }
  return problems;
};

/** 三权分立: at most one admin role per account, and never together with a business role. */
export const checkRoleCombination = (roles: { adminKind: AdminKind | null }[]): string | null => {
  const admin = roles.filter((r) => r.adminKind);
  if (admin.length > 1) return '系统管理员、安全管理员、审计管理员不能由同一账号兼任';
  if (admin.length === 1 && roles.length > 1) return '管理员账号不能同时持有业务角色';
  return null;
};

export interface UserListFilter {
  orgId?: number | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** 用户列表 with roles, for the system administrator. */
export const listUsers = async (ctx: Ctx, f: UserListFilter) => {
  // The security administrator needs the list to unlock accounts and reset MFA; it holds no business data.
  if (!can(ctx.actor, 'security:user_unlock')) requirePermission(ctx, 'system:user_manage');
  const where = and(
    f.orgId ? sql`${appUser.orgId} in (select id from org_unit where path like (select path from org_unit where id = ${f.orgId}) || '%')` : undefined,
    f.q ? or(ilike(appUser.username, `%${f.q}%`), ilike(appUser.displayName, `%${f.q}%`)) : undefined,
  );
  const [{ total }] = (await ctx.db.select({ total: count() }).from(appUser).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select({
      id: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      orgId: appUser.orgId,
      orgName: orgUnit.name,
      isActive: appUser.isActive,
      lockedUntil: appUser.lockedUntil,
      totpEnabled: appUser.totpEnabled,
      version: appUser.version,
      roleIds: sql<number[]>`coalesce((select array_agg(ur.role_id order by ur.role_id) from user_role ur where ur.user_id = ${appUser.id}), '{}')`,
      roleNames: sql<string[]>`coalesce((select array_agg(r.name order by r.id) from user_role ur join role r on r.id = ur.role_id where ur.user_id = ${appUser.id}), '{}')`,
    })
    .from(appUser)
    .innerJoin(orgUnit, eq(orgUnit.id, appUser.orgId))
    .where(where)
    .orderBy(asc(appUser.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    total: Number(total),
    items: rows.map(({ lockedUntil, ...r }) => ({ ...r, locked: Boolean(lockedUntil && lockedUntil > ctx.now) })),
  };
};

const loadRoles = async (db: DbOrTx, roleIds: number[]) => {
  if (roleIds.length === 0) return [];
  const rows = await db.select().from(role).where(inArray(role.id, roleIds));
  if (rows.length !== new Set(roleIds).size) throw validationError([{ path: 'roleIds', message: '包含不存在的角色' }]);
  return rows;
};

export interface CreateUserInput {
  username: string;
  displayName: string;
  orgId: number;
  roleIds: number[];
  password: string;
}

/** Creates an account with an initial password the user must change at first login. */
export const insertUser = async (tx: DbOrTx, input: CreateUserInput & { mustChangePassword?: boolean }) => {
  const roles = await loadRoles(tx, input.roleIds);
  const combination = checkRoleCombination(roles);
  if (combination) throw validationError([{ path: 'roleIds', message: combination }]);
  const [org] = await tx.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
  if (!org) throw validationError([{ path: 'orgId', message: '单位不存在' }]);
  const [user] = await tx
    .insert(appUser)
    .values({
      username: input.username,
      displayName: input.displayName,
      orgId: input.orgId,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: input.mustChangePassword ?? true,
    })
    .returning();
  if (input.roleIds.length) await tx.insert(userRole).values(input.roleIds.map((roleId) => ({ userId: user!.id, roleId })));
  return user!;
};

/** 新增用户. */
export const createUser = async (ctx: Ctx, input: CreateUserInput) => {
  requirePermission(ctx, 'system:user_manage');
  const problems = checkPasswordPolicy(input.password, input.username);
  if (problems.length) throw validationError(problems.map((message) => ({ path: 'password', message })));
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.username, input.username));
    if (existing) throw validationError([{ path: 'username', message: '用户名已存在' }]);
    const user = await insertUser(tx, input);
    await recordAudit(tx, ctx, {
      action: 'user.create',
      module: 'system',
      entityType: 'app_user',
      entityId: user.id,
      after: { username: user.username, displayName: user.displayName, orgId: user.orgId, roleIds: input.roleIds },
    });
    return { id: user.id };
  });
};

/** 修改用户: unit, roles (三权分立 checked), name, enabled; disabling ends the user's sessions. */
export const updateUser = async (
  ctx: Ctx,
  id: number,
  input: { displayName?: string | undefined; orgId?: number | undefined; roleIds?: number[] | undefined; isActive?: boolean | undefined; version: number },
) => {
  requirePermission(ctx, 'system:user_manage');
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(appUser).where(eq(appUser.id, id));
    if (!current) throw notFound('用户');
    if (current.version !== input.version) throw new AppError('CONFLICT', '用户信息已被他人修改，请刷新后重试');
    if (input.orgId !== undefined) {
      const [org] = await tx.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
      if (!org) throw validationError([{ path: 'orgId', message: '单位不存在' }]);
    }
    const beforeRoles = (await tx.select({ roleId: userRole.roleId }).from(userRole).where(eq(userRole.userId, id))).map((r) => r.roleId);
    if (input.roleIds) {
      const roles = await loadRoles(tx, input.roleIds);
      const combination = checkRoleCombination(roles);
      if (combination) throw validationError([{ path: 'roleIds', message: combination }]);
      if (id === ctx.actor?.id) throw validationError([{ path: 'roleIds', message: '不能修改自己的角色' }]);
      await tx.delete(userRole).where(eq(userRole.userId, id));
      if (input.roleIds.length) await tx.insert(userRole).values(input.roleIds.map((roleId) => ({ userId: id, roleId })));
    }
    const [row] = await tx
      .update(appUser)
      .set({
        displayName: input.displayName ?? current.displayName,
        orgId: input.orgId ?? current.orgId,
        isActive: input.isActive ?? current.isActive,
        version: current.version + 1,
      })
      .where(and(eq(appUser.id, id), eq(appUser.version, current.version)))
      .returning();
    if (!row) throw new AppError('CONFLICT', '用户信息已被他人修改，请刷新后重试');
    // Privilege or status changes end existing sessions so they take effect at once.
    if (input.roleIds || input.isActive === false || input.orgId !== undefined) await destroyUserSessions(tx, id);
    await recordAudit(tx, ctx, {
      action: 'user.update',
      module: 'system',
      entityType: 'app_user',
      entityId: id,
      before: { displayName: current.displayName, orgId: current.orgId, isActive: current.isActive, roleIds: beforeRoles },
      after: { displayName: row.displayName, orgId: row.orgId, isActive: row.isActive, roleIds: input.roleIds ?? beforeRoles },
    });
    return { id };
  });
};

/** 解锁账号 (安全管理员). */
export const unlockUser = async (ctx: Ctx, id: number) => {
  requirePermission(ctx, 'security:user_unlock');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(appUser).set({ lockedUntil: null, failedAttempts: 0 }).where(eq(appUser.id, id)).returning({ id: appUser.id });
    if (!row) throw notFound('用户');
    await recordAudit(tx, ctx, { action: 'user.unlock', module: 'security', entityType: 'app_user', entityId: id });
  });
};

/** 重置双因素认证 (安全管理员): the user enrols again at next login. */
export const resetUserMfa = async (ctx: Ctx, id: number) => {
  requirePermission(ctx, 'security:user_unlock');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(appUser)
      .set({ totpSecret: null, totpEnabled: false, totpLastStep: null })
      .where(eq(appUser.id, id))
      .returning({ id: appUser.id });
    if (!row) throw notFound('用户');
    await destroyUserSessions(tx, id);
    await recordAudit(tx, ctx, { action: 'user.reset_mfa', module: 'security', entityType: 'app_user', entityId: id });
  });
};

export interface RoleInput {
  code: string;
  name: string;
  scope: DataScope;
  adminKind: AdminKind | null;
  permissions: string[];
}

/** 新增或修改角色 (安全管理员), enforcing 三权分立 on the permission set. */
export const saveRole = async (ctx: Ctx, id: number | null, input: RoleInput & { version?: number | undefined }) => {
  requirePermission(ctx, 'security:role_manage');
  const known = new Set(ctx.services.registry.permissions().map((p) => p.code));
  const problems = checkRolePermissions(input.adminKind, input.permissions, known);
  if (problems.length) throw validationError(problems.map((message) => ({ path: 'permissions', message })));
  return ctx.db.transaction(async (tx) => {
    if (id === null) {
      const [row] = await tx.insert(role).values({ ...input, permissions: [...new Set(input.permissions)] }).returning();
      await recordAudit(tx, ctx, { action: 'role.create', module: 'security', entityType: 'role', entityId: row!.id, after: row });
      return row!;
    }
    const [current] = await tx.select().from(role).where(eq(role.id, id));
    if (!current) throw notFound('角色');
    if (input.version !== current.version) throw new AppError('CONFLICT', '角色已被他人修改，请刷新后重试');
    if (current.adminKind !== input.adminKind) throw validationError([{ path: 'adminKind', message: '不能改变角色的管理员类别' }]);
    const [row] = await tx
      .update(role)
      .set({ name: input.name, scope: input.scope, permissions: [...new Set(input.permissions)], version: current.version + 1 })
      .where(and(eq(role.id, id), eq(role.version, current.version)))
      .returning();
    if (!row) throw new AppError('CONFLICT', '角色已被他人修改，请刷新后重试');
    await recordAudit(tx, ctx, { action: 'role.update', module: 'security', entityType: 'role', entityId: id, before: current, after: row });
    return row;
  });
};
