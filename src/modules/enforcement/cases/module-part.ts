import type { ModulePart } from '../module-part';

/** The cases area's server declaration (numbering, attachment owners, entities, statistics, demo seed). */
export const casesPart: ModulePart = {};
