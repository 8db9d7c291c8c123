import type { Ctx, DemoOrgDirectory } from '../../kernel';
import { findOpenDeadlines } from '../../kernel';
import { loadActor } from '../../kernel/auth/load-actor';
import { addDays, localDateToInstantStart, toLocalDate } from '../../kernel/shared/local-date';
import { issueFromDeadline } from './service/issue-from-deadline';
import { issueOrder } from './service/issue-order';
import { recordFinding } from './service/record-finding';
import { createPlan, updatePlan } from './service/save-plan';
import { addTarget } from './service/save-target';
import { transitionOrder } from './service/transition-order';
import type { InspectionPlanRow } from './schema';

const OFFICE = '示范市委全面依法治市委员会办公室';

/** 天台-style 督察内容 of an annual inspection. */
const ANNUAL_ITEMS = [
  '学习贯彻习近平法治思想、落实党政主要负责人履行推进法治建设第一责任人职责情况',
  '法治政府建设年度报告报送和公开情况',
  '重大行政决策合法性审核、集体讨论决定等程序落实情况',
  '行政规范性文件合法性审核和备案审查情况',
  '行政执法“三项制度”落实和行政执法案卷质量情况',
  '行政复议决定履行、行政机关负责人出庭应诉和行政败诉案件整改情况',
];

const ANNUAL_TARGETS: [string, string | null][] = [
  ['青山县人民政府办公室', '重大行政决策目录未按期公开，其余事项基本落实。'],
  ['青山县自然资源局', '执法案卷存在文书不规范问题。'],
  ['青山县市场监督管理局', '法制审核人员配备不足。'],
  ['绿水区人民政府办公室', '规范性文件备案及时，未发现明显问题。'],
  ['绿水区市场监督管理局', '行政处罚裁量基准未及时更新。'],
  ['示范市公安局', null],
  ['示范市生态环境局', null],
  ['示范市住房和城乡建设局', null],
];

/** Problems found by the 巡察 (unit, category, description, requirement). */
const PATROL_FINDINGS: [string, string, string, string][] = [
  ['青山县自然资源局', '行政执法', '2026年抽查的12卷土地违法案卷中，5卷未附法制审核意见，重大执法决定法制审核制度落实不到位。', '全面排查本年度重大执法决定，补正法制审核意见，建立法制审核台账。'],
  ['青山县自然资源局', '行政执法', '执法全过程记录设备配备不足，现场检查音像记录缺失。', '配齐执法记录仪，完善音像记录归档制度。'],
  ['青山县市场监督管理局', '规范性文件', '2份行政规范性文件未经合法性审核即印发。', '对上述文件补充合法性审核，审核不通过的予以修改或废止。'],
  ['示范市公安局', '行政复议', '2件行政复议决定未按期履行，未向复议机关报告履行情况。', '立即履行复议决定，书面报告履行情况并分析原因。'],
  ['示范市公安局', '行政应诉', '行政机关负责人出庭应诉率低于全市平均水平。', '落实负责人出庭应诉制度，制定出庭应诉计划。'],
  ['绿水区市场监督管理局', '行政执法', '行政处罚裁量基准未根据新修订法规及时调整。', '修订裁量基准并向社会公布。'],
  ['示范市生态环境局', '政务公开', '行政处罚决定未在7个工作日内公示。', '建立处罚决定公示时限提醒机制，补充公示。'],
  ['示范市住房和城乡建设局', '重大行政决策', '老旧小区改造方案未开展风险评估即提交集体讨论。', '补充开展社会稳定风险评估，完善决策程序。'],
  ['青山县综合行政执法局', '行政执法', '部分执法人员未取得行政执法证件即从事执法活动。', '清理无证执法人员，组织参加执法资格考试。'],
  ['青山县公安局', '法治宣传', '“谁执法谁普法”责任清单未落实到具体科室。', '细化普法责任清单并报依法治县办备案。'],
];

type Step = { name: string; after: number; input: (issued: string) => Record<string, unknown>; by: 'office' | 'unit' };
const submit = (after: number): Step => ({
  name: 'submitRectification',
  after,
  by: 'unit',
  input: (issued) => ({
    measures: '召开专题会议研究整改，逐项制定整改措施，明确责任科室和完成时限。',
    result: '问题已整改到位，相关制度已修订印发，佐证材料见附件。',
    completedOn: addDays(issued, after),
  }),
});
const close = (after: number): Step => ({ name: 'close', after, by: 'office', input: () => ({ verificationOpinion: '经核查，整改措施落实到位，同意销号。' }) });
const ret = (after: number, newDue?: number): Step => ({
  name: 'returnForRework',
  after,
  by: 'office',
  input: (issued) => ({ reason: '整改佐证材料不全，部分问题未整改到位，请补充整改。', ...(newDue !== undefined ? { dueDate: addDays(issued, newDue) } : {}) }),
});
const interview = (after: number, returned = false): Step => ({
  name: returned ? 'recordInterviewReturned' : 'recordInterview',
  after,
  by: 'office',
  input: (issued) => ({
    interviewedOn: addDays(issued, after),
    headName: '单位主要负责人',
    participants: '市依法治市办分管副主任、督察科负责人；被督办单位主要负责人、分管负责人、法制科长',
    interviewSummary: '指出督办事项逾期未整改的问题，要求单位主要负责人亲自研究部署，十日内报送整改方案。',
  }),
});
const notice = (after: number, returned = false): Step => ({
  name: returned ? 'issueNoticeReturned' : 'issueNotice',
  after,
  by: 'office',
  input: (issued) => ({
    noticeNo: `市依法治市办通报〔${issued.slice(0, 4)}〕${after % 9 + 1}号`,
    noticeContent: '该单位对督办事项整改不力，经约谈后仍未按期完成整改，现予通报批评，责令限期整改。',
    noticePublishedOn: addDays(issued, after),
  }),
});
const withdraw = (after: number): Step => ({ name: 'withdraw', after, by: 'office', input: () => ({ reason: '经核实，该事项已由上级部门统一部署整改，撤销本督办。' }) });

interface OrderPlan {
  unit: string;
  /** Index into PATROL_FINDINGS, when the order is issued for a finding. */
  finding?: number;
  title?: string;
  back: number;
  due: number;
  steps: Step[];
}

// Units with a liaison account (qs_fzy, qs_scjg, sz_gaj, lw_scjg) get orders in every state; the others
// only the office's own acts (issue, interview, notice, withdraw).
const ORDERS: OrderPlan[] = [
  { unit: '青山县自然资源局', finding: 0, back: 6, due: 20, steps: [] },
  { unit: '青山县自然资源局', finding: 1, back: 45, due: 20, steps: [interview(26), notice(32)] },
  { unit: '青山县自然资源局', title: '土地执法案卷评查发现问题整改', back: 75, due: 20, steps: [submit(12), close(16)] },
  { unit: '青山县市场监督管理局', finding: 2, back: 28, due: 15, steps: [submit(10)] },
  { unit: '青山县市场监督管理局', title: '法制审核人员配备不足问题整改', back: 60, due: 20, steps: [submit(25), close(28)] },
  { unit: '示范市公安局', finding: 3, back: 50, due: 15, steps: [submit(12), close(15)] },
  { unit: '示范市公安局', finding: 4, back: 22, due: 10, steps: [interview(14)] },
  { unit: '绿水区市场监督管理局', finding: 5, back: 40, due: 15, steps: [submit(10), ret(14, 50)] },
  { unit: '绿水区市场监督管理局', title: '行政处罚决定公示不及时问题整改', back: 36, due: 14, steps: [submit(12), ret(16, 26), notice(30, true)] },
  { unit: '绿水区市场监督管理局', title: '法治政府建设年度报告未按期公开', back: 8, due: 11, steps: [] },
  { unit: '示范市生态环境局', finding: 6, back: 12, due: 30, steps: [] },
  { unit: '示范市住房和城乡建设局', finding: 7, back: 33, due: 20, steps: [interview(24)] },
  { unit: '青山县综合行政执法局', finding: 8, back: 18, due: 10, steps: [] },
  { unit: '青山县公安局', finding: 9, back: 30, due: 20, steps: [withdraw(4)] },
  { unit: '示范市交通运输局', title: '行政复议决定履行情况报告未报送', back: 3, due: 25, steps: [] },
];

const planFields = (p: InspectionPlanRow) => ({
  year: p.year,
  title: p.title,
  kind: p.kind,
  method: p.method,
  startDate: p.startDate,
  endDate: p.endDate,
  items: p.items,
  inspectors: p.inspectors,
});

const at = (d: string) => new Date(localDateToInstantStart(d).getTime() + 10 * 3600_000);

/**
 * 法治督察 demo: a current-year annual plan with eight targets and the six 天台-style items, a 巡察 with its
 * problem list, about fifteen 督办单 in every state (overdue ones interviewed and noticed), and one order
 * raised from an overdue 依申请公开 deadline.
 */
export const demoSeed = async (ctx: Ctx, dir: DemoOrgDirectory): Promise<void> => {
  const unitId = (name: string) => dir.units.find((u) => u.name === name)?.id;
  const officeUser = dir.users.find((u) => u.roleCodes.includes('rule_of_law_office') && u.orgId === unitId(OFFICE));
  if (!officeUser) return;
  const office = await loadActor(ctx.db, officeUser.id);
  if (!office) return;
  const today = toLocalDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const as = (actor: typeof office, day: string): Ctx => ({ ...ctx, actor, now: at(day) });

  // 年度督察 (书面自查 + 实地督察).
  const annualStart = addDays(today, -70) < `${year}-01-01` ? `${year}-01-01` : addDays(today, -70);
  const annual = await createPlan(as(office, annualStart), {
    year,
    title: `${year}年度法治政府建设督察（书面自查+实地督察）`,
    kind: 'annual',
    method: 'on_site',
    startDate: annualStart,
    endDate: `${year}-12-31`,
    items: ANNUAL_ITEMS,
    inspectors: ['市依法治市办 陈主任', '市司法局 督察科 李科长', '特邀法治督察员 王律师'],
  });
  await updatePlan(as(office, annualStart), annual.id, { ...planFields(annual), status: 'in_progress', version: annual.version });
  for (const [i, [name, conclusion]] of ANNUAL_TARGETS.entries()) {
    const orgId = unitId(name);
    if (!orgId) continue;
    const inspectedOn = conclusion ? addDays(annualStart, 10 + i * 3) : null;
    await addTarget(as(office, inspectedOn && inspectedOn <= today ? inspectedOn : annualStart), annual.id, { orgId, inspectedOn: inspectedOn && inspectedOn <= today ? inspectedOn : null, conclusion });
  }
  // Two findings of the annual inspection still waiting for a 督办单.
  for (const [name, description] of [
    ['青山县人民政府办公室', '2026年度重大行政决策事项目录未在政府网站公开。'],
    ['绿水区人民政府办公室', '法治政府建设年度报告公开时间晚于4月1日。'],
  ] as const) {
    const orgId = unitId(name);
    if (!orgId) continue;
    await recordFinding(as(office, addDays(annualStart, 20)), {
      planId: annual.id,
      orgId,
      description,
      category: '政务公开',
      requirement: '立即整改并建立公开时限台账。',
      dueDate: addDays(today, 20),
      foundOn: addDays(annualStart, 20),
      source: 'inspection',
    });
  }

  // 巡察 with its problem list.
  const patrolStart = addDays(today, -110);
  const patrol = await createPlan(as(office, patrolStart), {
    year: Number(patrolStart.slice(0, 4)),
    title: `${patrolStart.slice(0, 4)}年市委第二轮巡察法治建设专项检查`,
    kind: 'patrol',
    method: 'on_site',
    startDate: patrolStart,
    endDate: addDays(patrolStart, 20),
    items: ['法治建设第一责任人职责落实', '行政执法规范化', '规范性文件和重大决策', '复议应诉与争议化解'],
    inspectors: ['市委第二巡察组'],
  });
  await updatePlan(as(office, addDays(patrolStart, 21)), patrol.id, { ...planFields(patrol), status: 'completed', version: patrol.version });
  const findingIds: (number | undefined)[] = [];
  for (const [name, category, description, requirement] of PATROL_FINDINGS) {
    const orgId = unitId(name);
    if (!orgId) {
      findingIds.push(undefined);
      continue;
    }
    const f = await recordFinding(as(office, addDays(patrolStart, 20)), {
      planId: patrol.id,
      orgId,
      description,
      category,
      requirement,
      dueDate: null,
      foundOn: addDays(patrolStart, 18),
      source: 'patrol',
    });
    findingIds.push(f.id);
  }

  // 督办单 in every state.
  for (const plan of ORDERS) {
    const orgId = unitId(plan.unit);
    if (!orgId) continue;
    const issued = addDays(today, -plan.back);
    const findingId = plan.finding !== undefined ? findingIds[plan.finding] : undefined;
    const f = plan.finding !== undefined ? PATROL_FINDINGS[plan.finding] : undefined;
    const order = await issueOrder(as(office, issued), {
      orgId,
      findingId: findingId ?? null,
      title: plan.title ?? `巡察反馈问题整改：${f?.[1] ?? '法治建设'}`,
      content: f?.[2] ?? `经督察发现，你单位存在“${plan.title}”的问题。`,
      requirement: f?.[3] ?? '请对照问题逐项整改，按期报送整改情况及佐证材料。',
      dueDate: addDays(issued, plan.due),
    });
    let version = order.version;
    const liaison = dir.users.find((u) => u.orgId === orgId && u.roleCodes.includes('department_liaison'));
    const unitActor = liaison ? await loadActor(ctx.db, liaison.id) : null;
    for (const step of plan.steps) {
      const day = addDays(issued, step.after);
      if (day > today) break;
      const actor = step.by === 'office' ? office : unitActor;
      if (!actor) break;
      const after = await transitionOrder(as(actor, day), order.id, step.name, { version, input: step.input(issued) });
      version = after.version;
    }
  }

  // 转督办 from an overdue 依申请公开 reply deadline.
  const overdue = await findOpenDeadlines({ ...ctx, actor: office }, { tone: 'overdue', module: 'disclosure' }, { page: 1, pageSize: 50 });
  // The least urgent one, so the most urgent rows of the 逾期事项 page are left for staff to act on.
  const first = overdue.items.at(-1);
  if (first) {
    await issueFromDeadline(as(office, today), {
      clockId: first.clockId,
      requirement: '请于整改期限内依法作出答复，并报送逾期原因分析及整改措施。',
      dueDate: addDays(today, 7),
    });
  }
};
