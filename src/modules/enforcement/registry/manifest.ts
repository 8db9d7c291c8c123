import type { MenuEntry } from '../../../kernel/shared/define-manifest';
import type { MachineDef } from '../../../kernel/shared/define-machine';
import { bodyMachine, certificateMachine, officerMachine } from './registry-machine';

/** The registry area's menu entries (paths below /enforcement/) and workflow machines. */
export const registryMenu: readonly MenuEntry[] = [
  { path: 'bodies', label: '执法主体', permission: 'read', icon: 'BankOutlined' },
  { path: 'officers', label: '执法人员', permission: 'read', icon: 'TeamOutlined' },
  { path: 'certificates', label: '执法证件', permission: 'read', icon: 'SafetyCertificateOutlined' },
  { path: 'items', label: '执法事项与裁量基准', permission: 'read', icon: 'BookOutlined' },
  { path: 'lists', label: '四张清单', permission: 'read', icon: 'ProfileOutlined' },
  { path: 'registry-board', label: '执法主体人员统计', permission: 'read', icon: 'BarChartOutlined' },
];
export const registryMachines: Record<string, MachineDef> = { body: bodyMachine, officer: officerMachine, certificate: certificateMachine };
