import type { ModuleDefinition, RiskSignalSource } from '../../kernel';
import type { Hono } from 'hono';

/**
 * What one area of the enforcement module contributes to its server declaration; module.ts merges the
 * areas (numbering, attachment owners, entities, statistics and event subscriptions side by side; demo seeds in area order:
 * registry, cases, review).
 */
export type ModulePart = Pick<ModuleDefinition, 'numbering' | 'attachmentOwners' | 'entities' | 'statistics' | 'seedDemo' | 'subscribes'> & {
  /** The area's units at risk; module.ts lists every area's under one source. */
  riskSignals?: RiskSignalSource['list'];
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each area's own route schema
export type AreaRouter = Hono<any, any, any>;
