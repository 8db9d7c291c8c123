import { defineManifest } from '../../kernel/shared/define-manifest';
import { orderMachine } from './order-machine';

/** 法治督察与督办: universal declaration. */
export const manifest = defineManifest({
  key: 'inspection',
  label: '法治督察',
  permissions: {
    read: '查看法治督察',
    manage: '制定督察计划与记录问题',
    issue: '签发督办单',
    rectify: '报送整改情况',
    verify: '核查销号与约谈通报',
    export: '导出法治督察',
  },
  menu: [
    { path: 'plans', label: '督察计划', permission: 'manage', icon: 'ScheduleOutlined' },
    { path: 'findings', label: '督察问题', permission: 'read', icon: 'ProfileOutlined' },
    { path: 'orders', label: '督办单', permission: 'read', icon: 'FileProtectOutlined' },
    { path: 'overdue', label: '逾期事项', permission: 'issue', icon: 'CalendarOutlined' },
    { path: 'notices', label: '约谈通报', permission: 'verify', icon: 'AuditOutlined' },
    { path: 'board', label: '督办看板', permission: 'read', icon: 'BarChartOutlined' },
  ],
  machines: { order: orderMachine },
});
