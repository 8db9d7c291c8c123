import type { AdminKind, DataScope } from '../../kernel/db/schema';

export interface BuiltinRole {
  code: string;
  name: string;
  scope: DataScope;
  adminKind: AdminKind | null;
  permissions: string[];
}

/** Roles every deployment starts with; the security administrator may edit or add to them. */
export const BUILTIN_ROLES: BuiltinRole[] = [
  { code: 'system_admin', name: '系统管理员', scope: 'all', adminKind: 'system', permissions: ['system:org_manage', 'system:user_manage', 'system:calendar_manage'] },
  { code: 'security_admin', name: '安全管理员', scope: 'all', adminKind: 'security', permissions: ['security:role_manage', 'security:user_unlock'] },
  { code: 'audit_admin', name: '审计管理员', scope: 'all', adminKind: 'audit', permissions: ['audit:read'] },
  {
    code: 'rule_of_law_office',
    name: '依法治市（县）办工作人员',
    scope: 'all',
    adminKind: null,
    permissions: [
      'report:read',
      'disclosure:read',
      'disclosure:export',
      'demonstration:read',
      'demonstration:manage',
      'demonstration:review',
      'demonstration:export',
      'demonstration:import',
      'inspection:read',
      'inspection:manage',
      'inspection:issue',
      'inspection:verify',
      'inspection:export',
      'assessment:read',
      'assessment:manage',
      'assessment:export',
      'assessment:import',
      'reconsideration:read',
      'reconsideration:export',
    ],
  },
  {
    code: 'leader',
    name: '领导（查阅）',
    scope: 'unit_and_below',
    adminKind: null,
    permissions: ['report:read', 'disclosure:read', 'demonstration:read', 'inspection:read', 'assessment:read', 'reconsideration:read'],
  },
  {
    // 各部门法制员: reports their unit's task progress, rectification and 述法/学法 records.
    code: 'department_liaison',
    name: '部门法制员',
    scope: 'unit',
    adminKind: null,
    permissions: ['report:read', 'demonstration:read', 'demonstration:report', 'inspection:read', 'inspection:rectify', 'assessment:read', 'assessment:report'],
  },
  {
    code: 'reconsideration_handler',
    name: '行政复议工作人员',
    scope: 'unit_and_below',
    adminKind: null,
    permissions: ['report:read', 'reconsideration:read', 'reconsideration:register', 'reconsideration:handle', 'reconsideration:export'],
  },
  {
    code: 'reconsideration_approver',
    name: '行政复议机构负责人',
    scope: 'unit_and_below',
    adminKind: null,
    permissions: ['report:read', 'reconsideration:read', 'reconsideration:approve', 'reconsideration:export'],
  },
  {
    code: 'disclosure_handler',
    name: '政府信息公开工作人员',
    scope: 'unit_and_below',
    adminKind: null,
    permissions: ['disclosure:read', 'disclosure:register', 'disclosure:handle', 'disclosure:export', 'disclosure:import', 'report:read'],
  },
  {
    code: 'disclosure_approver',
    name: '政府信息公开工作机构负责人',
    scope: 'unit_and_below',
    adminKind: null,
    permissions: ['disclosure:read', 'disclosure:approveExtension', 'disclosure:export', 'report:read'],
  },
];
