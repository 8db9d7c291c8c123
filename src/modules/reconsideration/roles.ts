import { defineRoles } from '../../kernel';

/** 行政复议: the 复议机构's handlers and its head (who approves extensions and decisions). */
export const roles = defineRoles({
  roles: [
    { code: 'reconsideration_handler', name: '行政复议工作人员', scope: 'unit_and_below', permissions: ['report:read', 'read', 'register', 'handle', 'export'] },
    { code: 'reconsideration_approver', name: '行政复议机构负责人', scope: 'unit_and_below', permissions: ['report:read', 'read', 'approve', 'export'] },
  ],
  grants: {
    rule_of_law_office: ['read', 'export'],
    leader: ['read'],
  },
  demoUsers: [
    { username: 'sz_fy', displayName: '市司法局 许复议', unit: '示范市司法局', roles: ['reconsideration_handler'] },
    { username: 'sz_fyfzr', displayName: '市司法局 沈科长', unit: '示范市司法局', roles: ['reconsideration_approver'] },
    { username: 'qs_fy', displayName: '青山县司法局 杨复议', unit: '青山县司法局', roles: ['reconsideration_handler'] },
  ],
  testUsers: {
    reconA: { unit: 'countyAJustice', roles: ['reconsideration_handler'] },
    reconApproverA: { unit: 'countyAJustice', roles: ['reconsideration_approver'] },
  },
});
