import type { ModuleDefinition } from '../kernel';
import { assessmentModule } from '../modules/assessment/module';
import { demonstrationModule } from '../modules/demonstration/module';
import { disclosureModule } from '../modules/disclosure/module';
import { inspectionModule } from '../modules/inspection/module';
import { reconsiderationModule } from '../modules/reconsideration/module';

/** The composition root: the only file that lists every module. Adding a module is one line here. */
export const modules: ModuleDefinition[] = [demonstrationModule, inspectionModule, assessmentModule, reconsiderationModule, disclosureModule];
