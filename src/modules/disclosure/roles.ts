import { defineRoles } from '../../kernel';

/** 政府信息公开申请: the 政府信息公开工作机构's handlers and its head (who approves extensions). */
export const roles = defineRoles({
  roles: [
    {
      code: 'disclosure_handler',
      name: '政府信息公开工作人员',
      scope: 'unit_and_below',
      permissions: ['read', 'register', 'handle', 'export', 'import', 'report:read'],
    },
    { code: 'disclosure_approver', name: '政府信息公开工作机构负责人', scope: 'unit_and_below', permissions: ['read', 'approveExtension', 'export', 'report:read'] },
  ],
  grants: {
    rule_of_law_office: ['read', 'export'],
    leader: ['read'],
  },
  demoUsers: [
    { username: 'sz_gk', displayName: '市政府办 林公开', unit: '示范市人民政府办公室', roles: ['disclosure_handler'] },
    { username: 'sz_fzr', displayName: '市政府办 何科长', unit: '示范市人民政府办公室', roles: ['disclosure_approver'] },
    { username: 'qs_gk', displayName: '青山县政府办 王公开', unit: '青山县人民政府办公室', roles: ['disclosure_handler'] },
    { username: 'qs_fzr', displayName: '青山县政府办 赵科长', unit: '青山县人民政府办公室', roles: ['disclosure_approver'] },
    { username: 'qs_zrz', displayName: '青山县自然资源局 周法制员', unit: '青山县自然资源局', roles: ['disclosure_handler'] },
    { username: 'cg_gk', displayName: '城关镇 孙办事员', unit: '城关镇', roles: ['disclosure_handler'] },
    { username: 'lw_gk', displayName: '绿水区政府办 吴公开', unit: '绿水区人民政府办公室', roles: ['disclosure_handler'] },
  ],
  testUsers: {
    handlerA: { unit: 'countyAGov', roles: ['disclosure_handler'] },
    approverA: { unit: 'countyAGov', roles: ['disclosure_approver'] },
    deptA: { unit: 'countyADept', roles: ['disclosure_handler'] },
    townA: { unit: 'townA', roles: ['disclosure_handler'] },
    handlerB: { unit: 'countyBGov', roles: ['disclosure_handler'] },
  },
});
