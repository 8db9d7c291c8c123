import { defineManifest } from '../../kernel/shared/define-manifest';

/** 行政复议: universal declaration (skeleton — the module fills in menu and machines). */
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
  menu: [],
  machines: {},
});
