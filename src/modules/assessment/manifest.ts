import { defineManifest } from '../../kernel/shared/define-manifest';
import { dutyReportMachine } from './duty-report-machine';

/** 法治考核: 考核方案与评分、述职述法、领导干部学法与学法考试. */
export const manifest = defineManifest({
  key: 'assessment',
  label: '法治考核',
  permissions: {
    read: '查看法治考核',
    manage: '制定考核方案与评分',
    report: '报送述职述法与学法记录',
    export: '导出法治考核',
    import: '导入法治考核',
  },
  menu: [
    { path: 'schemes', label: '考核方案', permission: 'read', icon: 'ProfileOutlined' },
    { path: 'duty-reports', label: '述职述法', permission: 'read', icon: 'SolutionOutlined' },
    { path: 'study-sessions', label: '领导干部学法', permission: 'read', icon: 'BookOutlined' },
    { path: 'exams', label: '学法考试', permission: 'read', icon: 'FormOutlined' },
  ],
  machines: { dutyReport: dutyReportMachine },
});
