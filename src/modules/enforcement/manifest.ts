import { defineManifest } from '../../kernel/shared/define-manifest';
import { casesMachines, casesMenu } from './cases/manifest';
import { registryMachines, registryMenu } from './registry/manifest';
import { reviewMachines, reviewMenu } from './review/manifest';

/**
 * 行政执法监督: universal declaration. The module has three areas, each with its own folder
 * (registry 主体/人员/证件/事项/基准, cases 案件与三项制度/公示, review 案卷评查与执法监督); each area
 * declares its menu entries and machines in `<area>/manifest.ts`.
 */
export const manifest = defineManifest({
  key: 'enforcement',
  label: '行政执法监督',
  permissions: {
    read: '查看行政执法',
    manage: '维护执法主体、人员证件、执法事项与裁量基准',
    report: '录入执法案件、回复执法监督文书',
    legalReview: '法制审核',
    review: '案卷评查',
    supervise: '签发执法监督文书、处理投诉举报与专项整治',
    import: '导入行政执法数据',
    export: '导出行政执法数据',
  },
  menu: [...registryMenu, ...casesMenu, ...reviewMenu],
  machines: { ...registryMachines, ...casesMachines, ...reviewMachines },
});
