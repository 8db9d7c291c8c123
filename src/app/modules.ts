import type { ModuleDefinition } from '../kernel';
import { assessmentModule } from '../modules/assessment/module';
import { demonstrationModule } from '../modules/demonstration/module';
import { disclosureModule } from '../modules/disclosure/module';
import { enforcementModule } from '../modules/enforcement/module';
import { inspectionModule } from '../modules/inspection/module';
import { litigationModule } from '../modules/litigation/module';
import { randomInspectionModule } from '../modules/random-inspection/module';
import { reconsiderationModule } from '../modules/reconsideration/module';

/** The composition root: the only file that lists every module. Adding a module is one line here. */
export const modules: ModuleDefinition[] = [
  demonstrationModule,
  inspectionModule,
  assessmentModule,
  reconsiderationModule,
  litigationModule,
  enforcementModule,
  randomInspectionModule,
  disclosureModule,
];
