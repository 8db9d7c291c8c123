import type { Ctx, DemoOrgDirectory } from '../../kernel';
import { addDays, localDateToInstantStart, toLocalDate } from '../../kernel/shared/local-date';
import { loadActor } from '../../kernel/auth/load-actor';
import { indicator } from './schema';
import { DEMO_INDICATORS } from './demo-indicators';
import { insertEdition } from './service/editions';
import { insertTask } from './service/create-task';
import { transitionAssignment } from './service/transition-assignment';

type Step = { name: string; after: number; by: 'unit' | 'office'; input: Record<string, unknown> };

// What happens to a liaison unit's assignment, in days after the task was assigned.
const PLANS: Record<string, (due: number) => Step[]> = {
  fresh: () => [],
  submitted: () => [{ name: 'report', after: 12, by: 'unit', input: { progressSummary: '已制定工作方案，完成事项梳理，相关制度文件已印发。', progressPercent: 80, selfScore: 90 } }],
  returned: () => [
    { name: 'report', after: 10, by: 'unit', input: { progressSummary: '已完成台账整理。', progressPercent: 60 } },
    { name: 'returnForRevision', after: 13, by: 'office', input: { reason: '佐证材料不全，请补充会议纪要和公开网页截图。' } },
  ],
  approved: () => [
    { name: 'report', after: 8, by: 'unit', input: { progressSummary: '阶段性工作已完成，正在推进第二阶段。', progressPercent: 50 } },
    { name: 'approveProgress', after: 10, by: 'office', input: { comment: '阶段性进展符合要求，请继续推进。' } },
  ],
  closed: () => [
    { name: 'report', after: 15, by: 'unit', input: { progressSummary: '各项措施已全部落实，佐证材料已上传。', progressPercent: 100, selfScore: 95 } },
    { name: 'close', after: 18, by: 'office', input: { score: 92, comment: '任务完成，材料齐全，予以销号。' } },
  ],
  closedLow: () => [
    { name: 'report', after: 20, by: 'unit', input: { progressSummary: '主要措施已落实，个别事项仍在完善。', progressPercent: 100, selfScore: 85 } },
    { name: 'close', after: 22, by: 'office', input: { score: 78, comment: '基本完成，部分佐证不够充分。' } },
  ],
  closedLate: (due) => [
    { name: 'report', after: due + 6, by: 'unit', input: { progressSummary: '因系统改造延误，现已全部完成。', progressPercent: 100, selfScore: 80 } },
    { name: 'close', after: due + 8, by: 'office', input: { score: 70, comment: '逾期完成，予以销号。' } },
  ],
  cancelled: () => [{ name: 'cancel', after: 5, by: 'office', input: { reason: '任务调整，并入其他措施统一推进。' } }],
  // Never reported: lies past its due date (red on every page).
  overdue: () => [],
};

// [三级 code, task, measures, lead unit, co-units, days ago assigned, days to due, plan of the liaison units]
const TASKS: [string, string, string, string, string[], number, number, keyof typeof PLANS][] = [
  ['1.1.1', '推行政务服务“一网通办”', '梳理依申请政务服务事项，压缩承诺办结时限至法定时限的40%以内', '示范市人民政府办公室', ['青山县自然资源局', '青山县市场监督管理局'], 60, 90, 'submitted'],
  ['1.1.1', '不动产登记“一窗受理”', '推行不动产登记、交易和缴税一窗受理、并行办理', '青山县自然资源局', [], 70, 40, 'closed'],
  ['1.1.2', '清理变相审批事项', '全面排查以备案、登记、年检等名义变相设定的许可', '示范市市场监督管理局', ['示范市公安局', '绿水区市场监督管理局'], 50, 80, 'returned'],
  ['1.1.3', '行政审批中介服务事项清单管理', '公布保留的中介服务事项清单，明确时限、收费标准', '示范市人民政府办公室', ['青山县市场监督管理局'], 80, 30, 'closedLate'],
  ['1.2.1', '公平竞争审查全覆盖', '对新出台政策措施开展公平竞争审查，建立审查台账', '绿水区市场监督管理局', ['青山县市场监督管理局'], 40, 60, 'approved'],
  ['1.2.2', '推行涉企“综合查一次”', '制定年度涉企联合检查计划，减少重复检查', '青山县市场监督管理局', ['青山县综合行政执法局'], 90, 45, 'closed'],
  ['2.1.1', '规范性文件合法性审核全覆盖', '建立合法性审核台账，未经审核不得印发', '示范市司法局', ['示范市公安局'], 75, 40, 'closedLow'],
  ['2.1.2', '规范性文件报备“应备尽备”', '按时报送备案，做到报备率、及时报备率、规范率均达100%', '青山县司法局', ['青山县自然资源局'], 100, 50, 'overdue'],
  ['2.2.1', '开展规范性文件专项清理', '对现行有效的规范性文件全面清理并公布结果', '示范市司法局', ['绿水区市场监督管理局'], 30, 60, 'fresh'],
  ['3.1.1', '公布年度重大行政决策事项目录', '组织各部门申报决策事项，经政府常务会议审定后公布', '示范市人民政府办公室', ['青山县人民政府办公室', '绿水区人民政府办公室'], 45, 30, 'fresh'],
  ['3.1.2', '重大决策公众参与', '决策草案公开征求意见不少于30日，专家论证意见书面留存', '示范市自然资源和规划局', ['青山县自然资源局'], 35, 70, 'submitted'],
  ['3.2.1', '决策合法性审查', '重大行政决策草案提交前由司法行政部门出具审查意见', '示范市司法局', [], 60, 50, 'fresh'],
  ['3.2.2', '开展重大决策后评估', '选取2项已实施的重大决策委托第三方开展后评估', '示范市生态环境局', ['示范市公安局'], 20, 100, 'fresh'],
  ['4.1.1', '行政执法公示平台建设', '执法主体、人员、依据、结果信息在平台集中公示', '示范市司法局', ['示范市公安局', '青山县市场监督管理局', '绿水区市场监督管理局'], 55, 45, 'closed'],
  ['4.1.2', '执法全过程记录规范化', '配齐执法记录仪，制定音像记录事项清单', '示范市公安局', ['青山县综合行政执法局'], 65, 35, 'closedLow'],
  ['4.1.3', '重大执法决定法制审核目录', '公布重大执法决定法制审核目录清单，审核率100%', '青山县自然资源局', ['青山县市场监督管理局'], 25, 50, 'submitted'],
  ['4.2.1', '执法人员年度轮训', '组织执法人员参加不少于60学时的年度培训', '示范市司法局', ['示范市公安局', '绿水区市场监督管理局'], 85, 40, 'overdue'],
  ['4.2.2', '制定“首违不罚”清单', '市场监管、生态环境领域公布不予处罚、减轻处罚清单', '示范市市场监督管理局', ['绿水区市场监督管理局', '青山县市场监督管理局'], 40, 45, 'approved'],
  ['5.1.1', '修订突发事件总体应急预案', '按程序修订总体应急预案并组织演练', '示范市人民政府办公室', ['示范市公安局'], 15, 120, 'fresh'],
  ['6.1.1', '行政复议决定履行监督', '建立复议决定履行情况跟踪台账', '示范市司法局', ['青山县自然资源局'], 50, 20, 'closedLate'],
  ['6.1.2', '负责人出庭应诉', '行政机关负责人出庭应诉率达到100%', '青山县司法局', ['青山县自然资源局', '青山县市场监督管理局'], 45, 75, 'returned'],
  ['7.1.1', '依申请公开按期答复', '规范依申请公开登记、办理、答复全流程，杜绝逾期答复', '青山县人民政府办公室', ['青山县自然资源局'], 40, 55, 'approved'],
  ['7.1.2', '按时发布政府信息公开年度报告', '1月31日前发布上一年度年度报告', '绿水区人民政府办公室', ['绿水区市场监督管理局'], 30, 80, 'fresh'],
  ['7.2.1', '行政执法案卷评查', '每半年组织一次案卷评查并通报结果', '示范市司法局', ['示范市公安局', '青山县自然资源局'], 95, 45, 'cancelled'],
  ['9.1.2', '法治政府建设年度报告', '3月1日前报告并向社会公开上一年度法治政府建设情况', '示范市司法局', ['青山县市场监督管理局'], 70, 30, 'closed'],
  ['10.1.2', '法律顾问和公职律师全覆盖', '各部门聘请法律顾问，符合条件的设立公职律师', '示范市司法局', ['示范市公安局', '绿水区市场监督管理局'], 10, 90, 'fresh'],
];

/** The 2021 edition (confirmed rows + placeholders) and ~25 tasks in every state across city and county units. */
export const demoSeed = async (ctx: Ctx, dir: DemoOrgDirectory): Promise<void> => {
  const office = dir.users.find((u) => u.roleCodes.includes('rule_of_law_office'));
  if (!office) return;
  const officeActor = await loadActor(ctx.db, office.id);
  if (!officeActor) return;
  const officeCtx: Ctx = { ...ctx, actor: officeActor };
  const today = toLocalDate(ctx.now);
  const at = (d: string) => new Date(localDateToInstantStart(d).getTime() + 10 * 3600_000);
  const ids = new Map<string, number>();
  await ctx.db.transaction(async (tx) => {
    const edition = await insertEdition(tx, officeCtx, { code: '2021', name: '市县法治政府建设示范指标体系（2021年版）', note: '仅一级指标1、二级指标1.1及其三级指标已核实；其余为待替换的示意内容，请导入申报指南。', isCurrent: true });
    for (const [i, d] of DEMO_INDICATORS.entries()) {
      const level = d.code.split('.').length;
      const parentCode = d.code.split('.').slice(0, -1).join('.');
      const [row] = await tx
        .insert(indicator)
        .values({
          editionId: edition.id,
          parentId: parentCode ? ids.get(parentCode)! : null,
          level,
          code: d.code,
          sortOrder: i,
          name: d.name,
          standard: d.standard ?? null,
          evidenceRequired: d.evidence ?? null,
          maxScore: level === 3 ? (d.score ?? null) : null,
          confirmed: d.confirmed ?? false,
          statisticId: d.statisticId ?? null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: indicator.id });
      ids.set(d.code, row!.id);
    }
  });
  const unitId = (name: string) => dir.units.find((u) => u.name === name)?.id;
  const liaisons = new Map<number, number>();
  for (const u of dir.users) if (u.roleCodes.includes('department_liaison')) liaisons.set(u.orgId, u.id);
  for (const [code, title, measures, lead, co, back, dueIn, plan] of TASKS) {
    const leadOrgId = unitId(lead);
    if (!leadOrgId || !ids.has(code)) continue;
    const assigned = addDays(today, -back);
    const dueDate = addDays(assigned, dueIn);
    const createCtx: Ctx = { ...officeCtx, now: at(assigned) };
    const { assignments } = await ctx.db.transaction((tx) =>
      insertTask(tx, { ...createCtx, db: tx }, {
        indicatorId: ids.get(code)!,
        title,
        measures,
        evidenceRequired: null,
        dueDate,
        leadOrgId,
        coOrgIds: co.map(unitId).filter((v): v is number => v !== undefined),
      }),
    );
    for (const a of assignments) {
      const liaison = liaisons.get(a.orgId);
      if (!liaison) continue;
      const unitActor = await loadActor(ctx.db, liaison);
      let version = a.version;
      for (const step of PLANS[plan]!(dueIn)) {
        const on = addDays(assigned, step.after);
        if (on > today) break;
        const actor = step.by === 'unit' ? unitActor : officeActor;
        const updated = await transitionAssignment({ ...ctx, actor, now: at(on) }, a.id, step.name, { version, input: step.input });
        version = updated.version;
      }
    }
  }
};
