// The reconsideration module's browser side: routes under /reconsideration/….
import type { ModuleUi } from '../../../web/kit/module-ui';

export const reconsiderationUi: ModuleUi = {
  key: 'reconsideration',
  routes: [],
};
