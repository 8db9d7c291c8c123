import { defineManifest } from '../../kernel/shared/define-manifest';
import { requestMachine } from './request-machine';

/** 政府信息公开申请: universal declaration. */
export const manifest = defineManifest({
  key: 'disclosure',
  label: '政府信息公开',
  permissions: {
    read: '查看依申请公开',
    register: '登记依申请公开',
    handle: '办理依申请公开',
    approveExtension: '批准延长答复期限',
    export: '导出依申请公开',
    import: '导入依申请公开',
  },
  menu: [{ path: 'requests', label: '依申请公开', permission: 'read', icon: 'FileSearchOutlined' }],
  machines: { request: requestMachine },
});
