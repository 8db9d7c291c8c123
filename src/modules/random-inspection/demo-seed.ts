import type { Actor, Ctx, DemoOrgDirectory } from '../../kernel';
import { addDays, localDateToInstantStart, toLocalDate } from '../../kernel/shared/local-date';
import { loadActor } from '../../kernel/auth/load-actor';
import { withCheckChar } from './credit-code';
import type { PlanInput } from './contract';
import { riInspector, riItem, riTarget } from './schema';
import { addRules } from './service/pools';
import { createPlan, getPlanDetail } from './service/plans';
import { findResults, transitionResult } from './service/results';
import { transitionPlan } from './service/transition-plan';

const UNITS: { name: string; region: string; targets: number; items: { name: string; kind: 'general' | 'key'; basis: string; ratio: number; freq: number }[]; industries: string[] }[] = [
  {
    name: '青山县市场监督管理局',
    region: '330921',
    targets: 600,
    industries: ['食品销售', '餐饮服务', '药品零售', '特种设备使用', '网络交易'],
    items: [
      { name: '企业公示信息检查', kind: 'general', basis: '《企业信息公示暂行条例》第十五条；《企业公示信息抽查办法》第四条', ratio: 3, freq: 1 },
      { name: '食品经营者经营条件和行为检查', kind: 'key', basis: '《食品安全法》第一百一十条', ratio: 10, freq: 2 },
      { name: '特种设备使用单位检查', kind: 'key', basis: '《特种设备安全法》第五十七条', ratio: 8, freq: 1 },
    ],
  },
  {
    name: '青山县自然资源局',
    region: '330921',
    targets: 400,
    industries: ['采矿业', '建筑业', '房地产开发', '农业'],
    items: [
      { name: '土地利用和土地管理情况检查', kind: 'general', basis: '《土地管理法》第六十七条', ratio: 5, freq: 1 },
      { name: '矿产资源开发利用情况检查', kind: 'key', basis: '《矿产资源法》第五十七条', ratio: 10, freq: 1 },
    ],
  },
  {
    name: '绿水区市场监督管理局',
    region: '330902',
    targets: 500,
    industries: ['食品销售', '餐饮服务', '化妆品经营', '计量器具使用'],
    items: [
      { name: '企业公示信息检查', kind: 'general', basis: '《企业信息公示暂行条例》第十五条', ratio: 3, freq: 1 },
      { name: '计量器具使用情况检查', kind: 'general', basis: '《计量法》第二十条', ratio: 5, freq: 1 },
    ],
  },
  {
    name: '示范市市场监督管理局',
    region: '330900',
    targets: 300,
    industries: ['工业产品生产', '检验检测', '认证机构'],
    items: [{ name: '工业产品生产许可证获证企业检查', kind: 'key', basis: '《工业产品生产许可证管理条例》第三十八条', ratio: 10, freq: 1 }],
  },
  {
    name: '示范市生态环境局',
    region: '330900',
    targets: 260,
    industries: ['化工', '印染', '电镀', '污水处理'],
    items: [{ name: '排污单位排污许可执行情况检查', kind: 'key', basis: '《排污许可管理条例》第三十三条', ratio: 10, freq: 2 }],
  },
];
const WORDS = ['恒信', '华盛', '金桥', '瑞丰', '宏远', '青禾', '绿源', '东方', '兴隆', '博远', '鑫达', '明辉', '永安', '新希望', '同创', '汇通', '德润', '嘉禾', '天成', '锦程'];
const FORMS = ['有限公司', '股份有限公司', '商贸有限公司', '科技有限公司', '经营部', '食品店'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建华', '丽娟', '志强', '海燕', '国栋', '晓明', '春梅', '伟东'];
const GRADE_OF = (i: number) => (i % 20 < 7 ? 'A' : i % 20 < 15 ? 'B' : i % 20 < 19 ? 'C' : 'D');

/** 一单两库、细则 and 2026 plans in every state for five departments; results awaiting publication and one overdue. */
export const demoSeed = async (ctx: Ctx, dir: DemoOrgDirectory): Promise<void> => {
  const today = toLocalDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const yearStart = `${year}-01-05`;
  const on = (back: number) => {
    const d = addDays(today, -back);
    return d < yearStart ? yearStart : d;
  };
  const at = (d: string) => new Date(localDateToInstantStart(d).getTime() + 10 * 3600_000);
  const office = dir.users.find((u) => u.roleCodes.includes('rule_of_law_office'));
  const base = office ? await loadActor(ctx.db, office.id) : null;
  if (!base) return;
  const unit = new Map<string, { id: number; items: number[]; inspectors: number[]; actor: Actor; staff: Actor }>();
  let n = 0;
  let unitNo = 0;
  for (const u of UNITS) {
    unitNo += 1;
    const org = dir.units.find((x) => x.name === u.name);
    if (!org) continue;
    const liaison = dir.users.find((x) => x.orgId === org.id && x.roleCodes.includes('department_liaison'));
    const staffUser = dir.users.find((x) => x.orgId === org.id && x.roleCodes.includes('enforcement_staff'));
    // Units without a demo account act through a stand-in with the module's rights over the unit only.
    const standIn: Actor = { ...base, displayName: `${u.name} 法制员`, orgId: org.id, orgPath: org.path, orgName: org.name, grants: { 'random-inspection:read': 'unit', 'random-inspection:manage': 'unit', 'random-inspection:record': 'unit' } };
    const actor = (liaison && (await loadActor(ctx.db, liaison.id))) || standIn;
    const staff = (staffUser && (await loadActor(ctx.db, staffUser.id))) || actor;
    const items = await ctx.db
      .insert(riItem)
      .values(u.items.map((i) => ({ orgId: org.id, name: i.name, kind: i.kind, legalBasis: i.basis, targetType: 'enterprise' as const, ratioPercent: i.ratio, frequencyPerYear: i.freq })))
      .returning({ id: riItem.id });
    const targets = Array.from({ length: u.targets }, (_, i) => {
      n += 1;
      const individual = i % 9 === 8;
      return {
        orgId: org.id,
        name: `${u.region === '330921' ? '青山县' : u.region === '330902' ? '绿水区' : '示范市'}${WORDS[i % WORDS.length]}${WORDS[(Math.floor(i / WORDS.length) + 1 + i) % WORDS.length]}${individual ? FORMS[5] : FORMS[Math.floor(i / 400) % 4]}`,
        creditCode: withCheckChar(`${individual ? '92' : '91'}${u.region}MA${String(n).padStart(7, '0')}`),
        type: individual ? ('individual' as const) : ('enterprise' as const),
        industry: u.industries[i % u.industries.length]!,
        region: u.region === '330921' ? ['城关镇', '河口镇'][i % 2]! : u.region === '330902' ? '滨江街道' : '市本级',
        creditGrade: GRADE_OF(i) as 'A',
      };
    });
    const inserted: { id: number; creditCode: string }[] = [];
    for (let i = 0; i < targets.length; i += 500) inserted.push(...(await ctx.db.insert(riTarget).values(targets.slice(i, i + 500)).returning({ id: riTarget.id, creditCode: riTarget.creditCode })));
    const inspectors = await ctx.db
      .insert(riInspector)
      .values(
        Array.from({ length: 8 }, (_, i) => ({
          orgId: org.id,
          name: `${SURNAMES[(unitNo * 4 + i) % SURNAMES.length]}${GIVEN[(unitNo + i) % GIVEN.length]}`,
          certificateNo: `${u.region}-${String(n % 1000).padStart(3, '0')}${i}`,
          expertise: u.industries[i % u.industries.length]!,
          // Some inspectors declared relatives or former employers among the targets.
          conflictCodes: i % 3 === 0 ? [inserted[i * 5]!.creditCode, inserted[i * 5 + 1]!.creditCode] : [],
          active: i !== 7,
        })),
      )
      .returning({ id: riInspector.id });
    unit.set(u.name, { id: org.id, items: items.map((i) => i.id), inspectors: inspectors.map((i) => i.id), actor, staff });
    await addRules({ ...ctx, actor, now: at(on(300)) }, { orgId: org.id, title: `${u.name}“双随机、一公开”抽查工作细则`, content: `第一条 为规范${u.name}随机抽查工作，根据《国务院办公厅关于推广随机抽查规范事中事后监管的通知》，制定本细则。\n第二条 抽查事项清单、检查对象名录库和执法检查人员名录库实行动态管理。\n第三条 抽取采用摇号方式，随机种子和名录快照留存备查；检查人员与检查对象有利害关系的，应当回避。\n第四条 抽查结果自形成之日起二十个工作日内通过国家企业信用信息公示系统公示。`, effectiveDate: on(300) });
  }
  const U = (name: string) => unit.get(name);
  const qsScjg = U('青山县市场监督管理局');
  const qsZrzy = U('青山县自然资源局');
  const lw = U('绿水区市场监督管理局');
  const cityScjg = U('示范市市场监督管理局');
  const cityHb = U('示范市生态环境局');
  if (!qsScjg || !qsZrzy || !lw || !cityScjg || !cityHb) return;

  interface Spec {
    lead: typeof qsScjg;
    partner?: typeof qsScjg;
    title: string;
    graded: boolean;
    ratio?: number;
    back: number;
    state: 'draft' | 'published' | 'drawn' | 'in_progress' | 'finished';
    /** For in_progress plans: how many results to record (the rest stay pending), how many to publish, and an overdue one. */
    record?: number;
    publish?: number;
    overdue?: boolean;
  }
  const specs: Spec[] = [
    { lead: qsScjg, partner: qsZrzy, title: `${year}年度青山县市场监管与自然资源部门联合抽查（第一批）`, graded: true, back: 120, state: 'finished' },
    { lead: qsScjg, partner: qsZrzy, title: `${year}年度青山县食品经营与用地情况联合抽查（第二批）`, graded: true, back: 50, state: 'in_progress', record: 12, publish: 6, overdue: true },
    { lead: qsScjg, title: `${year}年度青山县企业公示信息抽查`, graded: true, back: 20, state: 'drawn' },
    { lead: qsScjg, title: `${year}年度青山县特种设备使用单位专项抽查`, graded: true, back: 5, state: 'draft' },
    { lead: qsZrzy, title: `${year}年度青山县矿产资源开发利用抽查`, graded: true, back: 15, state: 'published' },
    { lead: lw, title: `${year}年度绿水区企业公示信息抽查`, graded: false, ratio: 3, back: 90, state: 'in_progress', record: 10, publish: 10 },
    { lead: lw, title: `${year}年度绿水区计量器具使用情况抽查`, graded: true, back: 40, state: 'in_progress', record: 4, publish: 2 },
    { lead: cityScjg, partner: cityHb, title: `${year}年度示范市工业产品与排污许可联合抽查`, graded: true, back: 70, state: 'in_progress', record: 15, publish: 8 },
    { lead: cityHb, title: `${year}年度示范市排污许可执行情况抽查`, graded: false, ratio: 8, back: 30, state: 'drawn' },
  ];
  for (const s of specs) {
    const start = on(s.back);
    const c = (actor: Actor, d: string): Ctx => ({ ...ctx, actor, now: at(d) });
    const input: PlanInput = {
      orgId: s.lead.id,
      year,
      title: s.title,
      batch: s.back > 60 ? '第一批' : '第二批',
      kind: s.partner ? 'joint' : 'single',
      graded: s.graded,
      gradeRatios: { A: 1, B: 2, C: 5, D: 10 },
      ratioPercent: s.ratio ?? 3,
      targetType: 'enterprise',
      scope: '辖区内登记在册的市场主体，按信用风险分类结果差异化确定抽查比例',
      startDate: start,
      endDate: `${year}-12-31`,
      itemIds: s.lead.items.slice(0, 2),
      participants: s.partner ? [{ orgId: s.partner.id, itemIds: s.partner.items.slice(0, 1) }] : [],
    };
    const plan = await createPlan(c(s.lead.actor, start), input);
    if (s.state === 'draft') continue;
    const v = (await transitionPlan(c(s.lead.actor, start), plan.id, 'publish', { version: plan.version, input: { filedDate: start, filedWith: s.lead.id === cityScjg.id || s.lead.id === cityHb.id ? '示范省对口主管部门' : '示范市对口主管部门' } })).version;
    if (s.state === 'published') continue;
    await transitionPlan(c(s.lead.actor, addDays(start, 1)), plan.id, 'draw', { version: v, input: {} });
    if (s.state === 'drawn') continue;
    const results = (await findResults(c(s.lead.actor, today), { planId: plan.id }, { page: 1, pageSize: 5000 }, 'random-inspection:read')).items;
    const units = [s.lead, ...(s.partner ? [s.partner] : [])];
    for (const u of units) {
      const mine = results.filter((r) => r.orgId === u.id);
      const toRecord = s.state === 'finished' ? mine.length : Math.min(s.record ?? 0, mine.length);
      for (let i = 0; i < toRecord; i += 1) {
        const r = mine[i]!;
        const overdue = s.overdue && u === s.lead && i === 0;
        const willPublish = !overdue && (s.state === 'finished' || i < (s.publish ?? 0));
        // Published results were formed soon after the start; the rest recently (awaiting publication), one 45 days ago (overdue).
        const resultDay = overdue ? on(45) : willPublish ? addDays(start, 3 + (i % 10)) : on(2 + (i % 6));
        const outcome = i % 7 === 3 ? 'rectify' : i % 11 === 5 ? 'case_opened' : i % 13 === 9 ? 'not_found' : 'no_problem';
        const rec = await transitionResult(c(u.staff, resultDay > today ? today : resultDay), r.id, 'record', {
          version: r.version,
          input: { outcome, resultDate: resultDay > today ? today : resultDay, notes: outcome === 'rectify' ? '现场发现进货查验记录不全，已当场责令限期整改。' : outcome === 'case_opened' ? '发现涉嫌违法行为，已移交立案查处。' : '现场检查未发现违法违规问题。' } },
        );
        if (willPublish) {
          const pubDay = addDays(resultDay, 2 + (i % 5)) > today ? today : addDays(resultDay, 2 + (i % 5));
          await transitionResult(c(u.staff, pubDay), r.id, 'publish', { version: rec.version, input: { publishedDate: pubDay } });
        }
      }
    }
    if (s.state === 'finished') {
      const { record } = await getPlanDetail(c(s.lead.actor, today), plan.id);
      await transitionPlan(c(s.lead.actor, addDays(start, 30)), plan.id, 'finish', { version: record.version, input: { finishedDate: addDays(start, 30) } });
    }
  }
};
