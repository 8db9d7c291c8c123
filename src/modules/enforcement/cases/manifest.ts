import type { MenuEntry } from '../../../kernel/shared/define-manifest';
import type { MachineDef } from '../../../kernel/shared/define-machine';
import { caseMachine, publicationMachine } from './case-machine';

/** The cases area's menu entries (paths below /enforcement/) and workflow machines. */
export const casesMenu: readonly MenuEntry[] = [
  { path: 'cases', label: '执法案件', permission: 'read', icon: 'FileProtectOutlined' },
  { path: 'cases-board', label: '执法案件分析', permission: 'read', icon: 'BarChartOutlined' },
];
export const casesMachines: Record<string, MachineDef> = { case: caseMachine, publication: publicationMachine };
