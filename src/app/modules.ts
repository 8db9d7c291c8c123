import type { ModuleDefinition } from '../kernel';
import { disclosureModule } from '../modules/disclosure/module';

/** The composition root: the only file that lists every module. Adding a module is one line here. */
export const modules: ModuleDefinition[] = [disclosureModule];
