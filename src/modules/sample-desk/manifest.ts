import { defineManifest } from '../../kernel/shared/define-manifest';
import { recordMachine } from './record-machine';

/** 示例台账 (`sample-desk`): universal declaration (labels, permissions, menu, machines). */
export const manifest = defineManifest({
  key: 'sample-desk',
  label: '示例台账',
  permissions: {
    read: '查看示例台账',
    register: '登记示例台账',
    handle: '办理示例台账',
  },
  menu: [{ path: 'records', label: '示例台账', permission: 'read', icon: 'FileTextOutlined' }],
  machines: { record: recordMachine },
});
