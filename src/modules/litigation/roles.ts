import { defineRoles } from '../../kernel';

/**
 * 行政应诉: 司法局行政应诉科 tracks every lawsuit against the agencies of its 辖区 and sets the 三色预警
 * thresholds; each department's 法制员 registers and handles the lawsuits against the unit.
 */
export const roles = defineRoles({
  roles: [
    { code: 'litigation_coordinator', name: '行政应诉工作人员', scope: 'jurisdiction', permissions: ['report:read', 'read', 'register', 'handle', 'configure', 'export'] },
  ],
  grants: {
    rule_of_law_office: ['read', 'export', 'configure'],
    leader: ['read'],
    department_liaison: ['read', 'register', 'handle'],
  },
  demoUsers: [
    { username: 'sz_ys', displayName: '市司法局 罗应诉', unit: '示范市司法局', roles: ['litigation_coordinator'] },
    { username: 'qs_ys', displayName: '青山县司法局 马应诉', unit: '青山县司法局', roles: ['litigation_coordinator'] },
  ],
  testUsers: {
    litigationA: { unit: 'countyAJustice', roles: ['litigation_coordinator'] },
  },
});
