import { registryRiskSignals } from './service/risk-signals';
import type { ModulePart } from '../module-part';
import { seedRegistryDemo } from './demo-seed';
import { registryStatistics } from './statistics';

/** The registry area's server declaration (numbering, attachment owners, entities, statistics, demo seed). */
export const registryPart: ModulePart = {
  riskSignals: registryRiskSignals,
  entities: {
    enforcement_body: { path: 'bodies', handlerPermission: 'manage', titleSql: 'r.name', table: 'enforcement_body' },
    enforcement_officer: { path: 'officers', handlerPermission: 'manage', titleSql: 'r.name', table: 'enforcement_officer' },
    enforcement_certificate: { path: 'certificates', handlerPermission: 'manage', titleSql: 'r.cert_no', table: 'enforcement_certificate' },
  },
  statistics: registryStatistics,
  seedDemo: seedRegistryDemo,
};
