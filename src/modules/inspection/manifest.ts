import { defineManifest } from '../../kernel/shared/define-manifest';

/** 法治督察: universal declaration (skeleton — the module fills in menu and machines). */
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
  menu: [],
  machines: {},
});
