import type { AdminKind, DataScope } from '../../kernel/db/schema';
import type { ModuleDefinition } from '../../kernel/module/define-module';
import { permissionCode } from '../../kernel/shared/define-manifest';

export interface BuiltinRole {
  code: string;
  name: string;
  scope: DataScope;
  adminKind: AdminKind | null;
  permissions: string[];
}

/**
 * The kernel's roles: the three administrators of 等保 三级 and the roles every module shares. A shared
 * role holds only kernel permissions here; each module grants it its own (`grants` in the module's
 * declaration), so the role's full permission list is the sum over the deployed modules.
 */
export const KERNEL_ROLES: readonly BuiltinRole[] = [
  { code: 'system_admin', name: '系统管理员', scope: 'all', adminKind: 'system', permissions: ['system:org_manage', 'system:user_manage', 'system:calendar_manage', 'system:outbox_manage'] },
  { code: 'security_admin', name: '安全管理员', scope: 'all', adminKind: 'security', permissions: ['security:role_manage', 'security:user_unlock'] },
  { code: 'audit_admin', name: '审计管理员', scope: 'all', adminKind: 'audit', permissions: ['audit:read'] },
  // 依法治市（县）办: oversees every module's work across the jurisdiction.
  { code: 'rule_of_law_office', name: '依法治市（县）办工作人员', scope: 'all', adminKind: null, permissions: ['report:read'] },
  // 领导: reads everything of the unit and the units below it.
  { code: 'leader', name: '领导（查阅）', scope: 'unit_and_below', adminKind: null, permissions: ['report:read'] },
  // 各部门法制员: reports and handles the unit's own part of each module's work.
  { code: 'department_liaison', name: '部门法制员', scope: 'unit', adminKind: null, permissions: ['report:read'] },
];

/**
 * Roles every deployment starts with (the security administrator may edit or add to them): the kernel's,
 * then each module's own roles in module order, with every module's grants added to the roles they name.
 */
export const builtinRoles = (modules: readonly ModuleDefinition[]): BuiltinRole[] => {
  const roles: BuiltinRole[] = KERNEL_ROLES.map((r) => ({ ...r, permissions: [...r.permissions] }));
  const full = (moduleKey: string, code: string) => (code.includes(':') ? code : permissionCode(moduleKey, code));
  for (const m of modules) {
    for (const r of m.roles ?? []) {
      if (roles.some((x) => x.code === r.code)) throw new Error(`内置角色 ${r.code} 重复（模块 ${m.manifest.key}）`);
      roles.push({ code: r.code, name: r.name, scope: r.scope, adminKind: null, permissions: r.permissions.map((p) => full(m.manifest.key, p)) });
    }
  }
  for (const m of modules) {
    for (const [code, granted] of Object.entries(m.grants ?? {})) {
      const target = roles.find((r) => r.code === code);
      if (!target) continue; // the module declaring that role is not deployed
      for (const p of granted) {
        const perm = full(m.manifest.key, p);
        if (!target.permissions.includes(perm)) target.permissions.push(perm);
      }
    }
  }
  return roles;
};
