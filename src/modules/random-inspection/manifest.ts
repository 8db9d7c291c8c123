import { defineManifest } from '../../kernel/shared/define-manifest';
import { planMachine, resultMachine } from './plan-machine';

/** 双随机、一公开: universal declaration. */
export const manifest = defineManifest({
  key: 'random-inspection',
  label: '双随机一公开',
  permissions: {
    read: '查看双随机抽查',
    manage: '维护一单两库与抽查计划、抽取',
    record: '录入检查结果',
    export: '导出双随机抽查',
  },
  menu: [
    { path: 'plans', label: '抽查计划', permission: 'read', icon: 'ScheduleOutlined' },
    { path: 'results', label: '检查结果', permission: 'read', icon: 'FileDoneOutlined' },
    { path: 'pools', label: '一单两库一细则', permission: 'read', icon: 'ContainerOutlined' },
    { path: 'board', label: '双随机比例看板', permission: 'read', icon: 'BarChartOutlined' },
  ],
  machines: { plan: planMachine, result: resultMachine },
});
