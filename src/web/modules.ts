// The business modules whose pages the shell mounts (under `/<key>/…`). Adding a module's UI is one
// line here; its menu entries come from the server (GET /api/auth/me → menu).
import { disclosureUi } from '../modules/disclosure/ui';
import type { ModuleUi } from './kit/module-ui';

export const MODULE_UIS: readonly ModuleUi[] = [disclosureUi];
