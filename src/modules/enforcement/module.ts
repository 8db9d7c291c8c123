import { defineModule } from '../../kernel';
import { casesPart } from './cases/module-part';
import { manifest } from './manifest';
import { roles } from './roles';
import { registryPart } from './registry/module-part';
import { reviewPart } from './review/module-part';
import { enforcementPublicRoutes, enforcementRoutes } from './routes';

const parts = [registryPart, casesPart, reviewPart];

/** 行政执法监督 (`enforcement`): the server declaration, merged from its three areas. */
export const enforcementModule = defineModule({
  manifest,
  ...roles,
  routes: enforcementRoutes,
  publicRoutes: enforcementPublicRoutes,
  numbering: Object.assign({}, ...parts.map((p) => p.numbering ?? {})) as NonNullable<typeof registryPart.numbering>,
  attachmentOwners: Object.assign({}, ...parts.map((p) => p.attachmentOwners ?? {})) as NonNullable<typeof registryPart.attachmentOwners>,
  entities: Object.assign({}, ...parts.map((p) => p.entities ?? {})) as NonNullable<typeof registryPart.entities>,
  statistics: parts.flatMap((p) => p.statistics ?? []),
  subscribes: Object.assign({}, ...parts.map((p) => p.subscribes ?? {})) as NonNullable<typeof casesPart.subscribes>,
  riskSignals: {
    label: '行政执法监督',
    permission: 'read',
    list: async (args) => (await Promise.all(parts.map((p) => p.riskSignals?.(args) ?? []))).flat(),
  },
  seedDemo: async (ctx, dir) => {
    for (const p of parts) await p.seedDemo?.(ctx, dir);
  },
});
