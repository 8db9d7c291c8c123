import { defineManifest } from '../../kernel/shared/define-manifest';
import { assignmentMachine } from './assignment-machine';

/** 示范创建: universal declaration. */
export const manifest = defineManifest({
  key: 'demonstration',
  label: '示范创建',
  permissions: {
    read: '查看示范创建',
    manage: '维护指标体系与分解任务',
    report: '填报任务进展',
    review: '审核进展与销号',
    export: '导出示范创建',
    import: '导入示范创建',
  },
  menu: [
    { path: 'indicators', label: '示范创建指标体系', permission: 'read', icon: 'ApartmentOutlined' },
    { path: 'assignments', label: '任务分解落实', permission: 'read', icon: 'ScheduleOutlined' },
    { path: 'board', label: '挂图作战', permission: 'read', icon: 'ProfileOutlined' },
  ],
  machines: { assignment: assignmentMachine },
});
