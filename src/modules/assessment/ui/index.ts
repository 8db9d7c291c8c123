// The assessment module's browser side: routes under /assessment/….
import type { ModuleUi } from '../../../web/kit/module-ui';

export const assessmentUi: ModuleUi = {
  key: 'assessment',
  routes: [],
};
