// The demonstration module's browser side: routes under /demonstration/….
import type { ModuleUi } from '../../../web/kit/module-ui';

export const demonstrationUi: ModuleUi = {
  key: 'demonstration',
  routes: [],
};
