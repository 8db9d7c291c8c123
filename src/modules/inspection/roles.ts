import { defineRoles } from '../../kernel';

/** 法治督察与督办: the office inspects and issues 督办单, liaisons rectify, leaders read. */
export const roles = defineRoles({
  grants: {
    rule_of_law_office: ['read', 'manage', 'issue', 'verify', 'export'],
    leader: ['read'],
    department_liaison: ['read', 'rectify'],
  },
});
