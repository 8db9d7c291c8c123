import type { MenuEntry } from '../../../kernel/shared/define-manifest';
import type { MachineDef } from '../../../kernel/shared/define-machine';
import { complaintMachine, docMachine, reviewMachine } from './review-machine';

/** The review area's menu entries (paths below /enforcement/) and workflow machines. */
export const reviewMenu: readonly MenuEntry[] = [
  { path: 'reviews', label: '案卷评查', permission: 'read', icon: 'ReconciliationOutlined' },
  { path: 'supervision', label: '执法监督文书', permission: 'read', icon: 'FileProtectOutlined' },
  { path: 'complaints', label: '执法投诉举报', permission: 'read', icon: 'SolutionOutlined' },
  { path: 'campaigns', label: '专项整治', permission: 'read', icon: 'ScheduleOutlined' },
  { path: 'supervisors', label: '特邀执法监督员', permission: 'read', icon: 'TeamOutlined' },
  { path: 'supervision-board', label: '执法监督统计', permission: 'read', icon: 'BarChartOutlined' },
];
export const reviewMachines: Record<string, MachineDef> = { review: reviewMachine, supervisionDoc: docMachine, complaint: complaintMachine };
