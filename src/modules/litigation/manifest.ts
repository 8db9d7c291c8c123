import { defineManifest } from '../../kernel/shared/define-manifest';

/** 行政应诉: universal declaration (skeleton — the module fills in menu and machines). */
export const manifest = defineManifest({
  key: 'litigation',
  label: '行政应诉',
  permissions: {
    read: '查看行政应诉',
    register: '登记行政诉讼案件',
    handle: '办理应诉（答辩、出庭、裁判结果、司法建议回复）',
    configure: '设置三色预警阈值',
    export: '导出行政应诉',
  },
  menu: [],
  machines: {},
});
