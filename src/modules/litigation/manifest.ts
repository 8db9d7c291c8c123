import { defineManifest } from '../../kernel/shared/define-manifest';
import { caseMachine, suggestionMachine } from './case-machine';

/** 行政应诉 (《行政诉讼法》; 最高人民法院关于行政机关负责人出庭应诉若干问题的规定): universal declaration. */
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
  menu: [
    { path: 'cases', label: '行政诉讼案件', permission: 'read', icon: 'BankOutlined' },
    { path: 'warnings', label: '应诉三色预警', permission: 'read', icon: 'BarChartOutlined' },
    { path: 'observations', label: '旁听庭审', permission: 'read', icon: 'TeamOutlined' },
  ],
  machines: { case: caseMachine, suggestion: suggestionMachine },
});
