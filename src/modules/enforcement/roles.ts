import { defineRoles } from '../../kernel';

/**
 * 行政执法监督: 司法局行政执法协调监督科 keeps the registers (主体、人员与证件、事项与基准), 案卷评查 and
 * 执法监督 of its 辖区; 执法机关的执法人员 enter the unit's cases; each department's 法制员 does the
 * 法制审核 of the unit's cases and answers 执法监督 notices.
 */
export const roles = defineRoles({
  roles: [
    {
      code: 'enforcement_supervisor',
      name: '行政执法监督人员',
      scope: 'jurisdiction',
      permissions: ['report:read', 'read', 'manage', 'review', 'supervise', 'import', 'export'],
    },
    { code: 'enforcement_staff', name: '执法人员（案件录入）', scope: 'unit', permissions: ['read', 'report', 'export'] },
  ],
  grants: {
    rule_of_law_office: ['read', 'export'],
    leader: ['read'],
    department_liaison: ['read', 'report', 'legalReview'],
  },
  demoUsers: [
    { username: 'sz_zfjd', displayName: '市司法局 田监督', unit: '示范市司法局', roles: ['enforcement_supervisor'] },
    { username: 'qs_zfjd', displayName: '青山县司法局 邓监督', unit: '青山县司法局', roles: ['enforcement_supervisor'] },
    { username: 'qs_zfry', displayName: '青山县市场监管局 孙执法', unit: '青山县市场监督管理局', roles: ['enforcement_staff'] },
    { username: 'lw_zfry', displayName: '绿水区市场监管局 曹执法', unit: '绿水区市场监督管理局', roles: ['enforcement_staff'] },
  ],
  testUsers: {
    supervisorA: { unit: 'countyAJustice', roles: ['enforcement_supervisor'] },
    staffA: { unit: 'countyADept', roles: ['enforcement_staff'] },
    staffB: { unit: 'countyBGov', roles: ['enforcement_staff'] },
  },
});
