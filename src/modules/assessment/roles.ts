import { defineRoles } from '../../kernel';

/** 法治考核: the office runs the assessment, liaisons report 述法 and 学法 records, leaders read. */
export const roles = defineRoles({
  grants: {
    rule_of_law_office: ['read', 'manage', 'export', 'import'],
    leader: ['read'],
    department_liaison: ['read', 'report'],
  },
});
