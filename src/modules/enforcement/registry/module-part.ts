import type { ModulePart } from '../module-part';

/** The registry area's server declaration (numbering, attachment owners, entities, statistics, demo seed). */
export const registryPart: ModulePart = {};
