import { defineModule } from '../../kernel';
import { manifest } from './manifest';
import { reconsiderationRoutes } from './routes';

/** 行政复议 (`reconsideration`): the server declaration. */
export const reconsiderationModule = defineModule({
  manifest,
  routes: reconsiderationRoutes,
});
