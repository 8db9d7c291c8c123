import { and, eq, gte, isNull, or } from 'drizzle-orm';
import type { Ctx, DemoOrgDirectory } from '../../../kernel';
import { addDays, localDateToInstantStart, toLocalDate } from '../../../kernel/shared/local-date';
import { loadActor } from '../../../kernel/auth/load-actor';
import { discretionBenchmark, enforcementBody, enforcementCertificate, enforcementItem, enforcementOfficer } from '../registry/schema';
import type { CaseKind } from './case-machine';
import { enforcementPublication } from './schema';
import { createCase } from './service/create-case';
import { insertCaseBatch } from './service/import-cases';
import { transitionCase, transitionPublication } from './service/transition-case';

type Input = Record<string, unknown>;
/** One step: transition name, days after filing, input (d(k) = filing day + k). */
type Step = [string, number, (d: (k: number) => string, x: Extra) => Input];
interface Extra {
  fine: number;
  level: string;
  inside: boolean;
}

const COMPANIES = ['青山县鑫源食品店', '示范市华联超市有限公司', '绿水区美味轩餐饮店', '青山县宏达建材有限公司', '示范市顺达物流有限公司', '青山县百草堂大药房', '绿水区佳佳便利店', '青山县绿源农业专业合作社', '示范市新城房地产开发有限公司', '青山县河口镇老街副食店'];
const CITIZENS = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊'];

/**
 * 告知 with a 3-working-day 陈述申辩 period. Cases decided later (day 32) are notified on day 18: fourteen calendar
 * days hold at least four working days even across 春节 or 国庆, so the decision always falls after the period
 * (第六十二条) whatever day the seed runs. The open hearing-window case is notified on day 20.
 */
const notify = (hearing: boolean): Step => {
  const k = hearing ? 20 : 18;
  return ['notify', k, (d, x) => ({ noticeDate: d(k), noticeFacts: '经查，当事人存在违法行为，有现场检查笔录、询问笔录、照片及视听资料为证。依据相关法律法规，拟作出行政处罚。', proposedPenalty: `拟处罚款 ${x.fine} 元`, hearingRightNotice: hearing ? 'yes' : 'no', statementDays: 3 })];
};
const decidePunish: Step = ['decide', 32, (d, x) => ({ decidedDate: d(32), decisionType: 'punish', decisionNo: '', decisionContent: `罚款人民币 ${x.fine} 元，责令改正违法行为。`, fineYuan: x.fine, benchmarkLevel: x.level, ...(x.inside ? {} : { discretionReason: '当事人违法持续时间长、涉案数量大，经集体讨论决定从重处罚。' }) })];
const serve = (k: number, mode = 'on_spot'): Step => ['serve', k, (d) => ({ servedDate: d(k), serviceMode: mode })];
const pay = (k: number): Step => ['execute', k, (d) => ({ executionMode: 'paid', paidDate: d(k), executionNote: '当事人已通过电子缴款缴纳罚款。' })];
const close = (k: number): Step => ['close', k, (d) => ({ closedDate: d(k), closingNote: '执行完毕，案卷已归档。' })];
const review = (k: number): Step => ['submitReview', k, () => ({ reason: '本案拟作出较大数额罚款，属重大执法决定，提请法制审核。' })];
const REVIEW_PASS: Step = ['reviewPass', 28, (d) => ({ legalReviewDate: d(28), legalReviewOpinion: '执法主体合法，程序正当，事实清楚，证据确凿，适用依据正确，裁量适当，同意。' })];

/** Plans: how many days ago the case was filed, whether it is 重大, and its steps (a `pub:` step acts on the 公示). */
const PLANS: { key: string; kind: CaseKind; back: number; major?: boolean; steps: Step[]; pub?: ('publish' | 'withdrawReq' | 'withdraw')[] }[] = [
  { key: 'registered', kind: 'penalty', back: 3, steps: [] },
  { key: 'investigating', kind: 'penalty', back: 25, steps: [['investigate', 1, () => ({ investigationNote: '现场检查，制作现场笔录并拍照录像，询问当事人。' })]] },
  { key: 'decision_overdue', kind: 'penalty', back: 100, steps: [['investigate', 2, () => ({})]] },
  { key: 'hearing_window', kind: 'penalty', back: 22, steps: [['investigate', 1, () => ({})], notify(true)] },
  { key: 'legal_review', kind: 'penalty', back: 30, major: true, steps: [['investigate', 1, () => ({})], notify(false), review(22)] },
  { key: 'publish_overdue', kind: 'penalty', back: 60, steps: [['investigate', 1, () => ({})], notify(false), decidePunish, serve(33)] },
  { key: 'payment', kind: 'penalty', back: 40, steps: [['investigate', 1, () => ({})], notify(false), decidePunish, serve(33, 'absent')], pub: ['publish'] },
  { key: 'closed_major', kind: 'penalty', back: 90, major: true, steps: [['investigate', 1, () => ({})], notify(false), review(22), REVIEW_PASS, decidePunish, serve(33), pay(40), close(45)], pub: ['publish'] },
  { key: 'closed_outside', kind: 'penalty', back: 80, steps: [['investigate', 1, () => ({})], notify(false), decidePunish, serve(32), pay(41), close(46)], pub: ['publish'] },
  { key: 'withdrawn', kind: 'penalty', back: 120, steps: [['investigate', 1, () => ({})], notify(false), decidePunish, serve(33), pay(44), close(50)], pub: ['publish', 'withdrawReq', 'withdraw'] },
  { key: 'withdrawing', kind: 'penalty', back: 70, steps: [['investigate', 1, () => ({})], notify(false), decidePunish, serve(33), pay(40), close(45)], pub: ['publish', 'withdrawReq'] },
  {
    key: 'first_minor',
    kind: 'penalty',
    back: 50,
    steps: [
      ['investigate', 1, () => ({})],
      ['decide', 10, (d) => ({ decidedDate: d(10), decisionType: 'no_penalty', decisionNo: '', decisionContent: '当事人初次违法，危害后果轻微并已及时改正，决定不予行政处罚。', noPenaltyBasis: 'FIRST_MINOR', educationRecord: '执法人员当场对当事人进行了法律法规宣传教育，当事人签署承诺书。' })],
      close(12),
    ],
    pub: ['publish'],
  },
  {
    key: 'licence',
    kind: 'licence',
    back: 30,
    steps: [
      ['investigate', 1, () => ({ investigationNote: '材料审查及现场核查。' })],
      ['decide', 8, (d) => ({ decidedDate: d(8), decisionType: 'grant', decisionNo: '', decisionContent: '申请材料齐全、符合法定形式，准予许可。' })],
      serve(9),
      close(10),
    ],
    pub: ['publish'],
  },
  { key: 'inspection', kind: 'inspection', back: 15, steps: [['decide', 0, (d) => ({ decidedDate: d(0), decisionType: 'order_correct', decisionNo: '', decisionContent: '检查发现从业人员健康证明过期，责令七日内整改。' })], close(7)], pub: ['publish'] },
  { key: 'inspection_open', kind: 'inspection', back: 40, steps: [['decide', 0, (d) => ({ decidedDate: d(0), decisionType: 'compliant', decisionNo: '', decisionContent: '检查未发现问题。' })]] },
  {
    key: 'compulsory',
    kind: 'compulsory',
    back: 35,
    steps: [['investigate', 0, () => ({})], ['decide', 1, (d) => ({ decidedDate: d(1), decisionType: 'impose', decisionNo: '', decisionContent: '对涉嫌不符合食品安全标准的食品予以查封，期限三十日。' })], serve(1), close(30)],
    pub: ['publish'],
  },
];

const titleOf = (kind: CaseKind, party: string, itemName: string): string => {
  const core = itemName.replace(/^对/, '').replace(/的?(行政)?(处罚|许可|检查|行政强制措施|强制措施|强制)$/, '');
  if (kind === 'penalty') return `${party}${core}案`;
  if (kind === 'licence') return `${party}申请${itemName.replace(/^对/, '')}`;
  if (kind === 'inspection') return `对${party}的${core || '日常监督'}检查`;
  return `对${party}${core}采取行政强制措施案`;
};

/**
 * 执法案件 demo: for each demo body with at least two certified officers and a staff account, a set of cases
 * through the real use cases in every state (overdue decision and 公示 clocks, 重大 cases with 法制审核, fines
 * outside the benchmark, withdrawn 公示), then historical closed cases (bulk, as an import would write them) up
 * to about 300 in all. Bodies come from the registry area's seed; units without a body are skipped.
 */
export const demoSeed = async (ctx: Ctx, dir: DemoOrgDirectory): Promise<void> => {
  const today = toLocalDate(ctx.now);
  const at = (d: string) => new Date(localDateToInstantStart(d).getTime() + 9 * 3_600_000);
  const bodies = await ctx.db.select().from(enforcementBody).where(eq(enforcementBody.status, 'active'));
  if (bodies.length === 0) return;
  const items = await ctx.db.select().from(enforcementItem).where(eq(enforcementItem.status, 'active'));
  const benchmarks = await ctx.db.select().from(discretionBenchmark).where(eq(discretionBenchmark.status, 'active'));
  const certified = await ctx.db
    .selectDistinct({ id: enforcementOfficer.id, bodyId: enforcementOfficer.bodyId })
    .from(enforcementOfficer)
    .innerJoin(enforcementCertificate, eq(enforcementCertificate.officerId, enforcementOfficer.id))
    .where(and(eq(enforcementOfficer.status, 'active'), eq(enforcementCertificate.kind, 'enforcement'), eq(enforcementCertificate.status, 'valid'), or(isNull(enforcementCertificate.expiresDate), gte(enforcementCertificate.expiresDate, today))));
  const hist = { org_id: [], body_id: [], item_id: [], case_no: [], kind: [], title: [], party_name: [], party_kind: [], enterprise_related: [], is_major: [], filed_date: [], decided_date: [], closed_date: [], status: [], benchmark_id: [], fine_fen: [], discretion_outside: [] } as Parameters<typeof insertCaseBatch>[1];
  let n = 0;
  let workflowCases = 0;
  const perBodyHistory = Math.max(10, Math.ceil(260 / bodies.length));
  for (const body of bodies) {
    const mine = items.filter((i) => i.bodyId === body.id || (i.bodyId === null && i.orgId === body.orgId));
    const itemFor = (kind: CaseKind) => mine.find((i) => i.kind === kind && (kind !== 'penalty' || benchmarks.some((b) => b.itemId === i.id))) ?? mine.find((i) => i.kind === kind);
    const officers = certified.filter((o) => o.bodyId === body.id).map((o) => o.id);
    const staff = dir.users.find((u) => u.orgId === body.orgId && u.roleCodes.includes('enforcement_staff')) ?? dir.users.find((u) => u.orgId === body.orgId && u.roleCodes.includes('department_liaison'));
    const reviewer = dir.users.find((u) => u.orgId === body.orgId && u.roleCodes.includes('department_liaison') && u.id !== staff?.id);
    const actor = staff ? await loadActor(ctx.db, staff.id) : null;
    const reviewerActor = reviewer ? await loadActor(ctx.db, reviewer.id) : null;
    const short = body.name.slice(0, 1);
    if (actor && officers.length >= 2) {
      for (const plan of PLANS) {
        const item = itemFor(plan.kind);
        if (!item) continue;
        if (plan.major && !reviewerActor && plan.steps.some((s) => s[0] === 'reviewPass' || s[0] === 'decide')) continue;
        const bench = benchmarks.filter((b) => b.itemId === item.id && b.fineMinFen !== null && b.fineMaxFen !== null);
        const b = bench.find((x) => x.level === 'ordinary') ?? bench[0];
        const needsFine = plan.steps.some((s) => s[0] === 'decide' && s[1] === 32);
        if (needsFine && !b) continue;
        const inside = plan.key !== 'closed_outside';
        const fine = b ? (inside ? Math.round((b.fineMinFen! + b.fineMaxFen!) / 200) : Math.round((b.fineMaxFen! * 1.5) / 100)) : 0;
        const extra: Extra = { fine, level: b?.level ?? 'ordinary', inside };
        const filed = addDays(today, -plan.back);
        const citizen = n % 4 === 3;
        const party = citizen ? CITIZENS[n % CITIZENS.length]! : COMPANIES[n % COMPANIES.length]!;
        try {
          const created = await createCase(
            { ...ctx, actor, now: at(filed) },
            {
              bodyId: body.id,
              itemId: item.id,
              kind: plan.kind,
              caseNo: null,
              title: titleOf(plan.kind, party, item.name),
              partyName: party,
              partyKind: citizen ? 'citizen' : 'legal_person',
              partyIdNumber: citizen ? '110101199003078515' : null,
              partyPhone: citizen ? `1390000${String(1000 + n).padStart(4, '0')}` : null,
              enterpriseRelated: !citizen,
              isMajor: Boolean(plan.major),
              majorGround: plan.major ? 'public_interest' : null,
              riskClass: plan.kind === 'inspection' ? (['A', 'B', 'C', 'D'] as const)[n % 4]! : null,
              officerIds: officers.slice(0, 2),
              filedDate: filed,
            },
          );
          let version = created.version;
          for (const [name, day, input] of plan.steps) {
            const on = addDays(filed, day);
            if (on > today) break;
            const by = name === 'reviewPass' ? reviewerActor! : actor;
            const body = input((k) => addDays(filed, k), extra);
            if (name === 'decide') body.decisionNo = `${short}${plan.kind === 'penalty' ? '罚' : plan.kind === 'licence' ? '许' : plan.kind === 'inspection' ? '查' : '强'}决〔${on.slice(0, 4)}〕${100 + n}号`;
            version = (await transitionCase({ ...ctx, actor: by, now: at(on) }, created.id, name, { version, input: body })).version;
          }
          const [pub] = await ctx.db.select().from(enforcementPublication).where(eq(enforcementPublication.caseId, created.id));
          if (pub && plan.pub) {
            let v = pub.version;
            const decided = pub.decidedDate;
            for (const step of plan.pub) {
              const on = step === 'publish' ? addDays(decided, 3) : step === 'withdrawReq' ? addDays(today, -1) : addDays(decided, 40);
              const when = step === 'withdraw' ? addDays(today, -1) : on;
              if (when > today) break;
              const input =
                step === 'publish'
                  ? { publishedDate: when, conclusion: `${extra.fine ? `罚款 ${extra.fine} 元` : '见决定书'}` }
                  : step === 'withdrawReq'
                    ? { changedDate: when, withdrawGround: plan.key === 'withdrawn' ? 'revoked' : 'changed', reason: '该行政处罚决定经行政复议被撤销，依法撤回公示信息。' }
                    : { withdrawnDate: when };
              const name = step === 'publish' ? 'publish' : step === 'withdrawReq' ? 'requestWithdrawal' : 'withdraw';
              v = (await transitionPublication({ ...ctx, actor, now: at(when) }, pub.id, name, { version: v, input })).version;
            }
          }
          workflowCases += 1;
        } catch (e) {
          // A body whose registry data does not fit a plan (no benchmark at that level, …) just has fewer demo cases.
          if (process.env.DEMO_DEBUG) console.warn('执法案件演示数据跳过：', plan.key, body.name, e);
        }
        n += 1;
      }
    }
    // Historical closed cases (as an import writes them).
    for (let i = 0; i < perBodyHistory && mine.length > 0; i += 1) {
      const item = mine[i % mine.length]!;
      const kind = (['penalty', 'licence', 'inspection', 'compulsory'] as const).includes(item.kind as CaseKind) ? (item.kind as CaseKind) : 'inspection';
      const filed = addDays(today, -(120 + ((i * 37) % 500)));
      const citizen = i % 5 === 4;
      const party = citizen ? CITIZENS[i % CITIZENS.length]! : COMPANIES[(i + 3) % COMPANIES.length]!;
      const bench = benchmarks.find((x) => x.itemId === item.id && x.fineMinFen !== null && x.fineMaxFen !== null);
      const fine = kind === 'penalty' && bench ? (i % 17 === 0 ? bench.fineMaxFen! * 2 : Math.round((bench.fineMinFen! + bench.fineMaxFen!) / 2)) : null;
      hist.org_id.push(body.orgId);
      hist.body_id.push(body.id);
      hist.item_id.push(item.id);
      hist.case_no.push(`${short}历〔${filed.slice(0, 4)}〕${body.id * 1000 + i}号`);
      hist.kind.push(kind);
      hist.title.push(titleOf(kind, citizen ? `${party.slice(0, 1)}某某` : party, item.name));
      hist.party_name.push(citizen ? `${party.slice(0, 1)}某某` : party);
      hist.party_kind.push(citizen ? 'citizen' : 'legal_person');
      hist.enterprise_related.push(!citizen);
      hist.is_major.push(i % 19 === 0);
      hist.filed_date.push(filed);
      hist.decided_date.push(addDays(filed, kind === 'inspection' ? 0 : 20 + (i % 60)));
      hist.closed_date.push(addDays(filed, kind === 'inspection' ? 5 : 50 + (i % 60)));
      hist.status.push('closed');
      hist.benchmark_id.push(null);
      hist.fine_fen.push(fine);
      hist.discretion_outside.push(Boolean(fine && bench && fine > bench.fineMaxFen!));
    }
  }
  if (hist.org_id.length) await ctx.db.transaction((tx) => insertCaseBatch(tx, hist, null, ctx.now));
  void workflowCases;
};
