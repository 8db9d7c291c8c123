// The litigation module's browser side: routes under /litigation/….
import type { ModuleUi } from '../../../web/kit/module-ui';

export const litigationUi: ModuleUi = {
  key: 'litigation',
  routes: [],
};
