import { defineModule } from '../../kernel';
import { manifest } from './manifest';
import { demonstrationRoutes } from './routes';

/** 示范创建 (`demonstration`): the server declaration. */
export const demonstrationModule = defineModule({
  manifest,
  routes: demonstrationRoutes,
});
