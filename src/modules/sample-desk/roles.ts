import { defineRoles } from '../../kernel';

/** Who works with 示例台账: its own handler role, read access for the office and leaders, and accounts. */
export const roles = defineRoles({
  roles: [{ code: 'sample_desk_handler', name: '示例台账工作人员', scope: 'unit_and_below', permissions: ['report:read', 'read', 'register', 'handle'] }],
  grants: {
    rule_of_law_office: ['read'],
    leader: ['read'],
  },
  demoUsers: [{ username: 'sample_desk_sz', displayName: '市司法局 示例台账工作人员', unit: '示范市司法局', roles: ['sample_desk_handler'] }],
  testUsers: {
    sampleDeskA: { unit: 'countyAGov', roles: ['sample_desk_handler'] },
    sampleDeskB: { unit: 'countyBGov', roles: ['sample_desk_handler'] },
  },
});
