import type { Ctx, DemoOrgDirectory } from '../../kernel';
import { addDays, localDateToInstantStart, toLocalDate } from '../../kernel/shared/local-date';
import { loadActor } from '../../kernel/auth/load-actor';
import type { CaseField, DecisionType } from './case-machine';
import type { RegisterCaseInput } from './contract';
import { addLetter } from './service/case-records';
import { insertCase } from './service/register-case';
import { transitionCase } from './service/transition-case';

type Input = Record<string, unknown>;
interface Step {
  name: string;
  /** Days after receipt. */
  at: number;
  input: (d: (k: number) => string) => Input;
  approver?: boolean;
}

const NAMES = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周婷', '吴刚', '徐丽', '孙浩', '马超', '朱琳', '胡军', '郭芳'];
const COMPANIES = ['示范市宏达建材有限公司', '青山县绿源农业合作社', '示范市诚信物流有限公司', '青山县顺风客运有限公司'];

/** Contested acts by field, with a fitting respondent (by unit name; the first that exists is used). */
const ACTS: { field: CaseField; act: string; doc: string; respondents: string[]; request: string }[] = [
  { field: 'public_security', act: '行政处罚决定书（罚款五百元、行政拘留五日）', doc: '公（治）行罚决字', respondents: ['示范市公安局', '青山县公安局'], request: '请求撤销被申请人作出的行政处罚决定' },
  { field: 'market_regulation', act: '行政处罚决定书（没收违法所得并处罚款）', doc: '市监处罚', respondents: ['示范市市场监督管理局', '青山县市场监督管理局'], request: '请求变更罚款数额' },
  { field: 'natural_resources', act: '责令限期拆除违法建筑决定', doc: '自然资罚', respondents: ['示范市自然资源和规划局', '青山县自然资源局'], request: '请求确认被申请人的责令拆除决定违法' },
  { field: 'land_expropriation', act: '征收土地补偿安置方案批复', doc: '征补', respondents: ['示范市自然资源和规划局', '青山县人民政府办公室'], request: '请求撤销征收补偿安置方案中涉及申请人房屋的部分' },
  { field: 'social_security', act: '不予认定工伤决定书', doc: '人社工伤认', respondents: ['示范市人力资源和社会保障局', '青山县人民政府办公室'], request: '请求撤销不予认定工伤决定，责令重新作出认定' },
  { field: 'transport', act: '道路运输行政处罚决定书', doc: '交罚', respondents: ['示范市交通运输局', '青山县综合行政执法局'], request: '请求撤销行政处罚决定' },
  { field: 'other', act: '政府信息公开申请答复书', doc: '依申复', respondents: ['示范市人民政府办公室', '青山县人民政府办公室'], request: '请求责令被申请人重新答复' },
];

const opened = (type: DecisionType, main: string): Step[] => [
  { name: 'accept', at: 1, input: (d) => ({ acceptedDate: d(1) }) },
  { name: 'sendCopy', at: 4, input: (d) => ({ copySentDate: d(3), copyServedDate: d(4) }) },
  { name: 'receiveAnswer', at: 14, input: (d) => ({ answerReceivedDate: d(14), answerSummary: '被申请人认为其行政行为认定事实清楚、证据确凿、程序合法，并提交了证据材料和法律依据。' }) },
  {
    name: 'draftDecision',
    at: 40,
    input: () => ({
      decisionType: type,
      decisionFacts: '经审理查明，被申请人作出行政行为时调查了相关事实，但部分证据未经申请人质证。',
      decisionReasons: '本机关认为，被申请人的行政行为应依法予以审查，结合在案证据，作出如下决定。',
      decisionMain: main,
    }),
  },
  { name: 'approveDecision', at: 45, input: (d) => ({ decisionDate: d(45) }), approver: true },
];
const answered: Step[] = opened('uphold', '').slice(0, 3);

/** Each plan: how long ago the case was received and the transitions it went through. */
const PLANS: Record<string, { back: number; steps: Step[]; approval?: boolean; letter?: boolean }> = {
  received: { back: 1, steps: [] },
  // Nobody acted within the 5-working-day review: shows 视为受理 and a red review deadline.
  deemed: { back: 12, steps: [] },
  awaiting_correction: { back: 5, steps: [{ name: 'requestCorrection', at: 2, input: (d) => ({ correctionItems: '1. 申请人身份证明复印件；2. 被申请行政行为的决定书复印件', correctionNoticeDate: d(2) }) }] },
  abandoned: {
    back: 60,
    steps: [
      { name: 'requestCorrection', at: 2, input: (d) => ({ correctionItems: '请写明具体的行政复议请求', correctionNoticeDate: d(2) }) },
      { name: 'markAbandoned', at: 30, input: () => ({ reason: '申请人收到补正通知后无正当理由逾期未补正' }) },
    ],
  },
  declined: { back: 40, steps: [{ name: 'decline', at: 3, input: (d) => ({ declinedDate: d(3), reason: '申请人与被申请行政复议的行政行为没有利害关系（第三十条第一款第二项）' }) }] },
  forwarded: { back: 35, steps: [{ name: 'forward', at: 2, input: (d) => ({ forwardedDate: d(2), competentAuthority: '示范省人民政府', reason: '该行政行为由市人民政府作出，应向上一级人民政府申请行政复议' }) }] },
  withdrawn: { back: 30, steps: [answered[0]!, { name: 'withdraw', at: 10, input: (d) => ({ closedDate: d(10), reason: '申请人书面申请撤回' }) }] },
  accepted: { back: 3, steps: [answered[0]!] },
  accepted_simplified: { back: 2, steps: [{ name: 'acceptSimplified', at: 1, input: (d) => ({ acceptedDate: d(1), simplifiedGround: 'small_amount' }) }] },
  awaiting_answer: { back: 9, steps: answered.slice(0, 2) },
  answer_overdue: { back: 30, steps: answered.slice(0, 2) },
  in_review: { back: 25, steps: answered },
  hearing_scheduled: {
    back: 30,
    steps: [...answered, { name: 'scheduleHearing', at: 28, input: (d) => ({ hearingNoticeDate: d(28), hearingDate: d(42), hearingPlace: '行政复议听证室（一）' }) }],
  },
  in_review_overdue: { back: 75, steps: answered },
  pending_approval: { back: 45, steps: opened('revoke', '撤销被申请人作出的行政行为，责令其在六十日内重新作出').slice(0, 4) },
  mediated: { back: 50, steps: [...answered, { name: 'mediate', at: 30, input: (d) => ({ closedDate: d(30), closingSummary: '被申请人同意将罚款数额调整为二百元，申请人不再坚持复议请求，双方签署调解书。' }) }] },
  settled: { back: 55, steps: [...answered, { name: 'settle', at: 25, input: (d) => ({ closedDate: d(25), closingSummary: '被申请人重新核定补偿数额，申请人与被申请人达成和解并申请撤回。' }) }] },
  suspended: {
    back: 40,
    approval: true,
    steps: [...answered, { name: 'suspend', at: 20, approver: true, input: (d) => ({ suspensionGround: 'g8', suspendedOn: d(20), reason: '本案需以相关民事确权诉讼的结果为依据' }) }],
  },
  extended: {
    back: 58,
    approval: true,
    steps: [...answered, { name: 'extendDecision', at: 50, approver: true, input: () => ({ extensionDays: 30, reason: '案情复杂，需补充调查取证' }) }],
  },
  terminated: {
    back: 90,
    approval: true,
    steps: [
      ...answered,
      { name: 'suspend', at: 20, approver: true, input: (d) => ({ suspensionGround: 'g1', suspendedOn: d(20), reason: '申请人死亡，其近亲属尚未确定是否参加行政复议' }) },
      { name: 'terminate', at: 82, approver: true, input: (d) => ({ terminationGround: 'suspension_lapsed', closedDate: d(82), reason: '中止满六十日，近亲属未表示参加行政复议' }) },
    ],
  },
  decided_change: { back: 120, approval: true, steps: opened('change', '将罚款五千元变更为罚款二千元') },
  decided_revoke: {
    back: 150,
    approval: true,
    letter: true,
    steps: [
      ...answered,
      { name: 'scheduleHearing', at: 16, input: (d) => ({ hearingNoticeDate: d(16), hearingDate: d(30), hearingPlace: '行政复议听证室（一）' }) },
      { name: 'holdHearing', at: 30, input: (d) => ({ hearingHeldDate: d(30), hearingRecord: '申请人、被申请人负责人出席听证，围绕主要证据进行了质证和辩论。' }) },
      ...opened('revoke', '撤销被申请人作出的行政行为，责令其在六十日内重新作出').slice(3),
    ],
  },
  decided_confirm_unlawful: { back: 100, approval: true, letter: true, steps: opened('confirm_unlawful', '确认被申请人作出的行政行为违法') },
  decided_order_perform: { back: 90, approval: true, steps: opened('order_perform', '责令被申请人在三十日内履行法定职责') },
  decided_confirm_void: { back: 200, approval: true, steps: opened('confirm_void', '确认被申请人作出的行政行为无效') },
  decided_uphold: { back: 180, approval: true, steps: opened('uphold', '维持被申请人作出的行政行为') },
  decided_reject_request: { back: 160, approval: true, steps: opened('reject_request', '驳回申请人的行政复议请求') },
  decided_dismiss_application: { back: 140, approval: true, steps: opened('dismiss_application', '驳回申请人的行政复议申请') },
  decided_late: {
    back: 110,
    approval: true,
    steps: [...opened('uphold', '维持被申请人作出的行政行为').slice(0, 4), { name: 'approveDecision', at: 66, input: (d) => ({ decisionDate: d(66) }), approver: true }],
  },
  decided_simplified: {
    back: 60,
    approval: true,
    steps: [
      { name: 'acceptSimplified', at: 1, input: (d) => ({ acceptedDate: d(1), simplifiedGround: 'warning' }) },
      { name: 'sendCopySimplified', at: 3, input: (d) => ({ copySentDate: d(2), copyServedDate: d(3) }) },
      { name: 'receiveAnswer', at: 8, input: (d) => ({ answerReceivedDate: d(8), answerSummary: '被申请人提交了现场执法记录和证据。' }) },
      { name: 'draftDecision', at: 15, input: () => ({ decisionType: 'uphold', decisionFacts: '申请人违法事实清楚。', decisionReasons: '被申请人作出警告处罚认定事实清楚，程序合法。', decisionMain: '维持被申请人作出的警告处罚' }) },
      { name: 'approveDecision', at: 20, input: (d) => ({ decisionDate: d(20) }), approver: true },
    ],
  },
};

/** About forty cases at 示范市司法局 and 青山县司法局 in every state, built through the real transitions. */
export const demoSeed = async (ctx: Ctx, dir: DemoOrgDirectory): Promise<void> => {
  const today = toLocalDate(ctx.now);
  const at = (d: string) => new Date(localDateToInstantStart(d).getTime() + 10 * 3600_000);
  const unitByName = new Map(dir.units.map((u) => [u.name, u]));
  let n = 0;
  for (const handler of dir.users.filter((u) => u.roleCodes.includes('reconsideration_handler'))) {
    const actor = await loadActor(ctx.db, handler.id);
    if (!actor) continue;
    const approverUser = dir.users.find((u) => u.orgId === handler.orgId && u.roleCodes.includes('reconsideration_approver'));
    const approver = approverUser ? await loadActor(ctx.db, approverUser.id) : null;
    const county = !dir.units.find((u) => u.id === handler.orgId)?.name.startsWith('示范市');
    for (const [key, plan] of Object.entries(PLANS)) {
      if (plan.approval && !approver) continue;
      const act = ACTS[n % ACTS.length]!;
      const respondent = unitByName.get(act.respondents[county ? 1 : 0]!) ?? unitByName.get(act.respondents[0]!);
      if (!respondent) continue;
      const received = addDays(today, -plan.back);
      // Two cases came late (the 60-day window of 第二十条 had passed): flagged, not blocked.
      const knew = addDays(received, key === 'declined' || key === 'in_review' ? -75 : -(10 + (n % 30)));
      const company = n % 4 === 3;
      const input: RegisterCaseInput = {
        orgId: handler.orgId,
        respondentOrgId: respondent.id,
        channel: (['in_person', 'letter', 'online', 'other'] as const)[n % 4]!,
        receivedDate: received,
        applicants: [
          company
            ? { name: COMPANIES[n % COMPANIES.length]!, type: 'legal_person', idNumber: '91330900MA2XXXXX0Y'.replace(/X/g, String(n % 10)), phone: `0571-8800${String(1000 + n).slice(-4)}`, address: '示范省示范市青山县城关镇工业园区8号' }
            : { name: NAMES[n % NAMES.length]!, type: 'citizen', idNumber: '110101199003078515', phone: `1390000${String(1000 + n).padStart(4, '0')}`, address: '示范省示范市青山县城关镇人民路18号' },
        ],
        thirdParties: n % 5 === 0 ? [{ name: '赵某某', type: 'citizen', idNumber: null, phone: null, address: null }] : [],
        agent: n % 3 === 0 ? { name: '钱律师（示范律师事务所）', type: 'citizen', idNumber: null, phone: '13800001234', address: null } : null,
        actName: act.act,
        actDocNo: `${act.doc}〔${received.slice(0, 4)}〕${100 + n}号`,
        actDate: addDays(knew, -3),
        knewDate: knew,
        notInformed: false,
        rightsKnownDate: null,
        obstacleDays: 0,
        realProperty: act.field === 'land_expropriation',
        field: act.field,
        request: act.request,
        factsReasons: '申请人认为被申请人作出的行政行为认定事实不清、证据不足，适用依据错误，且未听取申请人的陈述申辩，侵犯了申请人的合法权益。',
      };
      const actorCtx: Ctx = { ...ctx, actor, now: at(received) };
      const row = await ctx.db.transaction((tx) => insertCase(tx, { ...actorCtx, db: tx }, input));
      let version = row.version;
      let done = true;
      for (const step of plan.steps) {
        const on = addDays(received, step.at);
        if (on > today) {
          done = false;
          break;
        }
        const by = step.approver ? approver : actor;
        if (!by) break;
        const updated = await transitionCase({ ...ctx, actor: by, now: at(on) }, row.id, step.name, { version, input: step.input((k) => addDays(received, k)) });
        version = updated.version;
      }
      if (plan.letter && done) {
        const decided = addDays(received, 45);
        await addLetter({ ...ctx, actor, now: at(addDays(decided, 5)) }, row.id, {
          kind: key === 'decided_revoke' ? 'suggestion' : 'opinion',
          recipientOrgId: respondent.id,
          issuedDate: addDays(decided, 2),
          servedDate: addDays(decided, 4),
          dueDate: key === 'decided_revoke' ? addDays(decided, 64) : null,
          content: key === 'decided_revoke' ? '建议规范现场执法取证程序，完善执法全过程记录。' : '被申请人在作出行政行为时未依法告知陈述申辩权利，请予以纠正并报告整改情况。',
        });
      }
      n += 1;
    }
  }
};
