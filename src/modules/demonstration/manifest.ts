import { defineManifest } from '../../kernel/shared/define-manifest';

/** 示范创建: universal declaration (skeleton — the module fills in menu and machines). */
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
  menu: [],
  machines: {},
});
