import { defineModule } from '../../kernel';
import { manifest } from './manifest';
import { litigationRoutes } from './routes';

/** 行政应诉 (`litigation`): the server declaration. */
export const litigationModule = defineModule({
  manifest,
  routes: litigationRoutes,
});
