import { defineModule } from '../../kernel';
import { manifest } from './manifest';
import { randomInspectionRoutes } from './routes';

/** 双随机一公开 (`random-inspection`): the server declaration. */
export const randomInspectionModule = defineModule({
  manifest,
  routes: randomInspectionRoutes,
});
