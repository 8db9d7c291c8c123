// The random-inspection module's browser side: routes under /random-inspection/….
import type { ModuleUi } from '../../../web/kit/module-ui';

export const randomInspectionUi: ModuleUi = {
  key: 'random-inspection',
  routes: [],
};
