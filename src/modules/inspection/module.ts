import { defineModule } from '../../kernel';
import { manifest } from './manifest';
import { inspectionRoutes } from './routes';

/** 法治督察 (`inspection`): the server declaration. */
export const inspectionModule = defineModule({
  manifest,
  routes: inspectionRoutes,
});
