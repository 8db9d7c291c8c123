// The business modules whose pages the shell mounts (under `/<key>/…`). Adding a module's UI is one
// line here; its menu entries come from the server (GET /api/auth/me → menu).
import { assessmentUi } from '../modules/assessment/ui';
import { demonstrationUi } from '../modules/demonstration/ui';
import { disclosureUi } from '../modules/disclosure/ui';
import { enforcementUi } from '../modules/enforcement/ui';
import { inspectionUi } from '../modules/inspection/ui';
import { litigationUi } from '../modules/litigation/ui';
import { randomInspectionUi } from '../modules/random-inspection/ui';
import { reconsiderationUi } from '../modules/reconsideration/ui';
import type { ModuleUi } from './kit/module-ui';

export const MODULE_UIS: readonly ModuleUi[] = [
  demonstrationUi,
  inspectionUi,
  assessmentUi,
  reconsiderationUi,
  litigationUi,
  enforcementUi,
  randomInspectionUi,
  disclosureUi,
];
