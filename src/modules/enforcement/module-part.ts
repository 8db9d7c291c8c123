import type { ModuleDefinition } from '../../kernel';
import type { Hono } from 'hono';

/**
 * What one area of the enforcement module contributes to its server declaration; module.ts merges the
 * areas (numbering, attachment owners, entities and statistics side by side; demo seeds in area order:
 * registry, cases, review).
 */
export type ModulePart = Pick<ModuleDefinition, 'numbering' | 'attachmentOwners' | 'entities' | 'statistics' | 'seedDemo'>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each area's own route schema
export type AreaRouter = Hono<any, any, any>;
