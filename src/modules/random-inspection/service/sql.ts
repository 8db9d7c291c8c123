// Query helpers used across the module's services, from one place.
export { and, asc, count, desc, eq, gte, ilike, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
export { auditLog, caseTransition, inOrgSubtree } from '../../../kernel';
