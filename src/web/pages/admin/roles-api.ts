// Roles and permissions of 安全管理员's API, cached for the session.
import { api } from '../../api-client';
import { cached, clearCache } from '../../kit/cache';

export interface RoleRow {
  id: number;
  code: string;
  name: string;
  scope: string;
  adminKind: string | null;
  permissions: string[];
  isBuiltin?: boolean;
  version: number;
}

export interface PermissionRow {
  code: string;
  label: string;
  module: string;
  moduleLabel: string;
}

const itemsOf = <T>(res: { items: T[] } | T[]): T[] => (Array.isArray(res) ? res : (res.items ?? []));

/** GET /api/security/roles (silent: callers decide what a failure means). */
export const loadRoles = (): Promise<RoleRow[]> =>
  cached('roles', async () => itemsOf(await api.get<{ items: RoleRow[] } | RoleRow[]>('/api/security/roles', undefined, { silent: true })));

export const loadPermissions = (): Promise<PermissionRow[]> =>
  cached('permissions', async () => itemsOf(await api.get<{ items: PermissionRow[] } | PermissionRow[]>('/api/security/permissions')));

export const forgetRoles = (): void => clearCache('roles');
