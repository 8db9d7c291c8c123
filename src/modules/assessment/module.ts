import { defineModule } from '../../kernel';
import { manifest } from './manifest';
import { assessmentRoutes } from './routes';

/** 法治考核 (`assessment`): the server declaration. */
export const assessmentModule = defineModule({
  manifest,
  routes: assessmentRoutes,
});
