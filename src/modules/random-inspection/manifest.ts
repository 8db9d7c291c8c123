import { defineManifest } from '../../kernel/shared/define-manifest';

/** 双随机一公开: universal declaration (skeleton — the module fills in menu and machines). */
export const manifest = defineManifest({
  key: 'random-inspection',
  label: '双随机一公开',
  permissions: {
    read: '查看双随机抽查',
    manage: '维护一单两库与抽查计划、抽取',
    record: '录入检查结果',
    export: '导出双随机抽查',
  },
  menu: [],
  machines: {},
});
