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
  { code: 'system_admin', name: '系统管理员', scope: 'all', adminKind: 'system', permissions: ['system:org_manage', 'system:user_manage', 'system:calendar_manage', 'system:outbox_manage'] },
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
      'litigation:read',
      'litigation:export',
      'litigation:configure',
      'enforcement:read',
      'enforcement:export',
      'random-inspection:read',
      'random-inspection:export',
    ],
  },
  {
    code: 'leader',
    name: '领导（查阅）',
    scope: 'unit_and_below',
    adminKind: null,
    permissions: [
      'report:read',
      'disclosure:read',
      'demonstration:read',
      'inspection:read',
      'assessment:read',
      'reconsideration:read',
      'litigation:read',
      'enforcement:read',
      'random-inspection:read',
    ],
  },
  {
    // 各部门法制员: reports their unit's task progress, rectification and 述法/学法 records; registers and
    // handles the lawsuits against the unit; does the 法制审核 of the unit's enforcement cases and answers
    // 执法监督 notices; keeps the unit's 双随机 lists and plans.
    code: 'department_liaison',
    name: '部门法制员',
    scope: 'unit',
    adminKind: null,
    permissions: [
      'report:read',
      'demonstration:read',
      'demonstration:report',
      'inspection:read',
      'inspection:rectify',
      'assessment:read',
      'assessment:report',
      'litigation:read',
      'litigation:register',
      'litigation:handle',
      'enforcement:read',
      'enforcement:report',
      'enforcement:legalReview',
      'random-inspection:read',
      'random-inspection:manage',
      'random-inspection:record',
    ],
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
    // 司法局行政应诉科: tracks every lawsuit against the agencies of its 辖区 and sets the 三色预警 thresholds.
    code: 'litigation_coordinator',
    name: '行政应诉工作人员',
    scope: 'jurisdiction',
    adminKind: null,
    permissions: ['report:read', 'litigation:read', 'litigation:register', 'litigation:handle', 'litigation:configure', 'litigation:export'],
  },
  {
    // 司法局行政执法协调监督科: the registers (主体、人员与证件、事项与基准), 案卷评查 and 执法监督 of its 辖区.
    code: 'enforcement_supervisor',
    name: '行政执法监督人员',
    scope: 'jurisdiction',
    adminKind: null,
    permissions: [
      'report:read',
      'enforcement:read',
      'enforcement:manage',
      'enforcement:review',
      'enforcement:supervise',
      'enforcement:import',
      'enforcement:export',
      'random-inspection:read',
      'random-inspection:export',
    ],
  },
  {
    // 执法机关的执法人员: enters the unit's cases and records 双随机 inspection results.
    code: 'enforcement_staff',
    name: '执法人员（案件录入）',
    scope: 'unit',
    adminKind: null,
    permissions: ['enforcement:read', 'enforcement:report', 'enforcement:export', 'random-inspection:read', 'random-inspection:record'],
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
