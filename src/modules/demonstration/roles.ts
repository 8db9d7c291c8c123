import { defineRoles } from '../../kernel';

/** 示范创建: no roles of its own; the office runs it, liaisons report their unit's tasks, leaders read. */
export const roles = defineRoles({
  grants: {
    rule_of_law_office: ['read', 'manage', 'review', 'export', 'import'],
    leader: ['read'],
    department_liaison: ['read', 'report'],
  },
});
