// The inspection module's browser side: routes under /inspection/….
import type { ModuleUi } from '../../../web/kit/module-ui';

export const inspectionUi: ModuleUi = {
  key: 'inspection',
  routes: [],
};
