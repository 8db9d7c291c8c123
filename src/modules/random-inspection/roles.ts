import { defineRoles } from '../../kernel';

/**
 * 双随机、一公开: no roles of its own. Each department's 法制员 keeps the unit's lists and plans, 执法人员
 * record inspection results, the 执法监督 staff and the office read across the 辖区.
 */
export const roles = defineRoles({
  grants: {
    rule_of_law_office: ['read', 'export'],
    leader: ['read'],
    department_liaison: ['read', 'manage', 'record'],
    enforcement_supervisor: ['read', 'export'],
    enforcement_staff: ['read', 'record'],
  },
});
