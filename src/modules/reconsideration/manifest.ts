import { defineManifest } from '../../kernel/shared/define-manifest';
import { caseMachine, letterMachine } from './case-machine';

/** 行政复议 (《行政复议法》2023): universal declaration. */
export const manifest = defineManifest({
  key: 'reconsideration',
  label: '行政复议',
  permissions: {
    read: '查看行政复议',
    register: '登记复议申请',
    handle: '办理复议案件',
    approve: '批准延期与作出决定',
    export: '导出行政复议',
  },
  menu: [
    { path: 'cases', label: '行政复议案件', permission: 'read', icon: 'AuditOutlined' },
    { path: 'board', label: '行政复议统计', permission: 'read', icon: 'BarChartOutlined' },
  ],
  machines: { case: caseMachine, letter: letterMachine },
});
