import { defineManifest } from '../../kernel/shared/define-manifest';

/** 法治考核: universal declaration (skeleton — the module fills in menu and machines). */
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
  menu: [],
  machines: {},
});
