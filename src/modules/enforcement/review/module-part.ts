import type { ModulePart } from '../module-part';

/** The review area's server declaration (numbering, attachment owners, entities, statistics, demo seed). */
export const reviewPart: ModulePart = {};
