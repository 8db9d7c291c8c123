import type { Ctx, DemoOrgDirectory } from '../../kernel';
import { addDays, localDateToInstantStart, toLocalDate } from '../../kernel/shared/local-date';
import { loadActor } from '../../kernel/auth/load-actor';
import type { ItemInput } from './contract';
import { submitDutyReport, transitionDutyReport } from './service/duty-reports';
import { createExam, saveExamResult } from './service/exams';
import { addItem } from './service/items';
import { computeAutoScores, saveScores } from './service/scores';
import { changeSchemeStatus, createScheme, setTargets } from './service/schemes';
import { createStudySession } from './service/study-sessions';

const TARGETS = [
  '青山县自然资源局',
  '青山县市场监督管理局',
  '示范市公安局',
  '绿水区市场监督管理局',
  '青山县人民政府办公室',
  '绿水区人民政府办公室',
  '示范市人民政府办公室',
  '示范市生态环境局',
  '青山县公安局',
  '示范市住房和城乡建设局',
];

const ITEMS: ItemInput[] = [
  { sortOrder: 1, name: '履行推进法治建设第一责任人职责', maxScore: 15, scorer: 'office', rule: '党政主要负责人专题研究法治建设不少于2次，述职述法按时报送；缺一项扣3分', statisticId: null, autoRule: null, penalty: null },
  { sortOrder: 2, name: '规范性文件合法性审核', maxScore: 15, scorer: 'office', rule: '规范性文件合法性审核率100%，备案及时率100%；未经审核出台的每件扣5分', statisticId: null, autoRule: null, penalty: null },
  { sortOrder: 3, name: '重大行政决策程序执行', maxScore: 10, scorer: 'office', rule: '公众参与、专家论证、风险评估、合法性审查、集体讨论决定五项程序齐全', statisticId: null, autoRule: null, penalty: null },
  { sortOrder: 4, name: '行政执法“三项制度”落实', maxScore: 15, scorer: 'third_party', rule: '由第三方评估机构抽查执法案卷，按案卷评查得分折算', statisticId: null, autoRule: null, penalty: null },
  { sortOrder: 5, name: '政府信息公开按期答复率', maxScore: 10, scorer: 'auto', rule: '按依申请公开按期答复率计分：得分 = 10 × 按期答复率', statisticId: 'disclosure.on_time_rate', autoRule: 'rate', penalty: null },
  { sortOrder: 6, name: '行政机关负责人出庭应诉', maxScore: 10, scorer: 'office', rule: '负责人出庭应诉率达到100%；每缺席一次扣2分', statisticId: null, autoRule: null, penalty: null },
  { sortOrder: 7, name: '领导干部学法用法', maxScore: 10, scorer: 'office', rule: '学法考试参考率、通过率“两个百分百”；常务会议学法每年不少于4次', statisticId: null, autoRule: null, penalty: null },
  { sortOrder: 8, name: '法治建设社会满意度（民主测评）', maxScore: 15, scorer: 'democratic', rule: '由评议小组现场测评：得分 = 满分 ×（满意 + 0.6 × 基本满意）÷ 总票数', statisticId: null, autoRule: null, penalty: null },
];

const TOPICS = [
  ['《中华人民共和国行政复议法》（2023年修订）解读', 'center_group', '市司法局 许明'],
  ['《重大行政决策程序暂行条例》专题学习', 'executive_meeting', '市政府法律顾问 周律师'],
  ['《优化营商环境条例》与公平竞争审查', 'lecture', '省委党校 王教授'],
  ['旁听行政诉讼案件庭审（某房屋征收补偿案）', 'court_hearing', '市中级人民法院'],
  ['《中华人民共和国民法典》物权编', 'center_group', '县法律顾问 李律师'],
  ['《行政处罚法》与行政执法“三项制度”', 'lecture', '市司法局 沈科长'],
  ['习近平法治思想专题学习', 'center_group', '县委党校 陈老师'],
  ['《政府信息公开条例》实务', 'executive_meeting', '市政府办 林科长'],
] as const;

/** The 2026 scheme with scores, 述职述法 in every state, ~30 学法 sessions and an exam with results. */
export const demoSeed = async (ctx: Ctx, dir: DemoOrgDirectory): Promise<void> => {
  const officeUser = dir.users.find((u) => u.roleCodes.includes('rule_of_law_office'));
  const liaisonUser = dir.users.find((u) => u.roleCodes.includes('department_liaison'));
  if (!officeUser || !liaisonUser) return;
  const office = await loadActor(ctx.db, officeUser.id);
  const liaison = await loadActor(ctx.db, liaisonUser.id);
  if (!office || !liaison) return;
  const today = toLocalDate(ctx.now);
  const at = (d: string) => new Date(localDateToInstantStart(d).getTime() + 10 * 3600_000);
  const asOffice = (d: string): Ctx => ({ ...ctx, actor: office, now: at(d) });
  // A unit's own 法制员 (or, for units without a demo account, a stand-in with the same role in that unit).
  const asUnit = async (unit: { id: number; path: string; name: string }, d: string): Promise<Ctx> => {
    const own = dir.users.find((u) => u.orgId === unit.id && u.roleCodes.includes('department_liaison'));
    const actor = own ? await loadActor(ctx.db, own.id) : { ...liaison, orgId: unit.id, orgPath: unit.path, jurisdictionPath: unit.path, orgName: unit.name, displayName: `${unit.name} 法制员` };
    return { ...ctx, actor, now: at(d) };
  };
  const units = TARGETS.map((n) => dir.units.find((u) => u.name === n)).filter((u): u is NonNullable<typeof u> => Boolean(u));
  const year = Number(today.slice(0, 4));

  // 考核方案 2026: drafted in spring, published, most units scored.
  const created = addDays(today, -200);
  let scheme = await createScheme(asOffice(created), {
    year,
    title: `${year}年度法治建设考核方案`,
    weightInTarget: 15,
    dutyReportDueDate: addDays(today, -3),
    note: '法治建设纳入目标责任制考核，分值占比提高到15%。自动取数项目于年底统一取数。',
  });
  let version = scheme.version;
  for (const item of ITEMS) version = (await addItem(asOffice(created), scheme.id, item, version)).schemeVersion;
  version = (await setTargets(asOffice(created), scheme.id, units.map((u) => u.id), version)).version;
  scheme = await changeSchemeStatus(asOffice(addDays(created, 2)), scheme.id, 'published', version);

  // 述职述法: every state; 青山县自然资源局 and 示范市住房和城乡建设局 have not reported (past the due date).
  const plans: Record<string, 'submitted' | 'reviewed' | 'returned' | 'resubmitted' | 'none'> = {
    青山县自然资源局: 'none',
    青山县市场监督管理局: 'submitted',
    示范市公安局: 'returned',
    绿水区市场监督管理局: 'reviewed',
    青山县人民政府办公室: 'reviewed',
    绿水区人民政府办公室: 'resubmitted',
    示范市人民政府办公室: 'reviewed',
    示范市生态环境局: 'submitted',
    青山县公安局: 'reviewed',
    示范市住房和城乡建设局: 'none',
  };
  const names = ['张志强', '李建华', '王海燕', '刘国栋', '陈立新', '杨晓明', '赵红梅', '周文斌', '吴建军', '郑丽娟'];
  for (const [i, unit] of units.entries()) {
    const plan = plans[unit.name] ?? 'none';
    if (plan === 'none') continue;
    const d = addDays(today, -30 + i * 2);
    const unitCtx = await asUnit(unit, d);
    const report = await submitDutyReport(unitCtx, {
      orgId: unit.id,
      year,
      reporterName: names[i % names.length]!,
      reporterTitle: unit.name.endsWith('局') ? '党组书记、局长' : '党组书记、主任',
      form: i % 3 === 0 ? 'on_site' : 'written',
      reportDate: d,
      summary: `今年以来，本人认真履行推进法治建设第一责任人职责，坚持把法治建设与业务工作同部署、同推进、同督促、同考核、同奖惩。主持召开党组会议专题研究法治建设${2 + (i % 3)}次，组织领导班子集体学法${4 + (i % 4)}次；严格落实重大行政决策程序和规范性文件合法性审核制度，全年审核规范性文件${3 + i}件、重大行政决策${1 + (i % 2)}件；全面推行行政执法“三项制度”，带头出庭应诉。`,
      problems: '一是部分执法人员法治意识有待提高；二是法律顾问参与决策的深度不够。',
      plans: '一是加强执法人员培训；二是完善法律顾问参与重大决策机制；三是持续抓好“关键少数”学法用法。',
    });
    let v = report.version;
    const review = async (on: string) =>
      transitionDutyReport(asOffice(on), report.id, 'review', { version: v, input: { rating: i % 2 ? 'fairly_good' : 'good', reviewComment: '报告内容全面，履职情况具体，问题查找准确。' } });
    if (plan === 'reviewed') await review(addDays(d, 3));
    if (plan === 'returned' || plan === 'resubmitted') {
      v = (await transitionDutyReport(asOffice(addDays(d, 2)), report.id, 'returnForRevision', { version: v, input: { reason: '请补充本单位行政复议纠错和行政诉讼败诉情况及整改措施。' } })).version;
    }
    if (plan === 'resubmitted') {
      await transitionDutyReport(await asUnit(unit, addDays(d, 5)), report.id, 'resubmit', {
        version: v,
        input: { summary: `${report.summary}全年行政复议被纠错${i % 3}件、行政诉讼败诉${i % 2}件，均已逐案分析原因并完成整改。`, problems: report.problems, plans: report.plans },
      });
    }
  }

  // 领导干部学法: three a unit, spread over the year.
  for (const [i, unit] of units.entries()) {
    for (let k = 0; k < 3; k += 1) {
      const [topic, form, lecturer] = TOPICS[(i + k * 3) % TOPICS.length]!;
      const d = addDays(today, -20 - ((i * 37 + k * 71) % 300));
      await createStudySession(await asUnit(unit, d), {
        orgId: unit.id,
        date: d,
        topic,
        form,
        lecturer,
        attendeeCount: 8 + ((i + k) % 12),
        attendees: '领导班子成员、中层干部',
        durationHours: [1, 1.5, 2, 3][(i + k) % 4]!,
      });
    }
  }

  // 学法考试: most units 100%/100%, a few not.
  const examDate = addDays(today, -40);
  const justice = dir.units.find((u) => u.name === '示范市司法局') ?? units[0]!;
  const exam = await createExam(asOffice(addDays(examDate, -20)), { title: `${Number(examDate.slice(0, 4))}年度领导干部学法用法考试`, year: Number(examDate.slice(0, 4)), examDate, orgId: justice.id });
  for (const [i, unit] of units.entries()) {
    const eligible = 10 + (i % 6);
    const participated = i % 4 === 3 ? eligible - 1 : eligible;
    const passed = i % 5 === 4 ? participated - 1 : participated;
    await saveExamResult(await asUnit(unit, addDays(examDate, 3)), exam.id, { orgId: unit.id, eligible, participated, passed });
  }

  // 评分: every hand-scored item for all but the last two units; 民主测评 for all; then 自动取数.
  const scoreDay = addDays(today, -2);
  const entries = [];
  const grid = ITEMS.map((it, idx) => ({ ...it, idx }));
  const { items } = await import('./service/scores').then((m) => m.getScoreGrid(asOffice(scoreDay), scheme.id));
  for (const [i, unit] of units.entries()) {
    for (const it of grid) {
      const item = items.find((x) => x.name === it.name)!;
      if (it.scorer === 'auto') continue;
      if (it.scorer === 'democratic') {
        const satisfied = 20 + ((i * 7) % 15);
        entries.push({ itemId: item.id, orgId: unit.id, satisfied, basicallySatisfied: 8 - (i % 5), dissatisfied: i % 4, note: '县委依法治县委员会全体会议现场测评', evidence: null });
        continue;
      }
      if (i >= units.length - 2) continue;
      const lost = ((i * 3 + it.idx * 5) % 7) * 0.5;
      entries.push({ itemId: item.id, orgId: unit.id, score: Math.max(0, it.maxScore - lost), note: lost > 0 ? `扣 ${lost} 分：${it.rule?.split('；')[0] ?? ''}未完全达标` : '全部达标', evidence: it.scorer === 'third_party' ? '第三方评估报告（2026年11月）' : '年度考核检查记录' });
    }
  }
  await saveScores(asOffice(scoreDay), scheme.id, entries);
  await computeAutoScores(asOffice(scoreDay), scheme.id);

  // A draft scheme for next year, so the draft state shows too.
  const next = await createScheme(asOffice(addDays(today, -1)), { year: year + 1, title: `${year + 1}年度法治建设考核方案（征求意见稿）`, weightInTarget: 15, dutyReportDueDate: null, note: '拟增加“法治督察整改”考核项目。' });
  await addItem(asOffice(addDays(today, -1)), next.id, ITEMS[0]!, next.version);
};
