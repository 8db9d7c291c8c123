/**
 * The case machine's transition matrix (test/support/transition-matrix.ts): every transition × every state
 * outside its `from`, users without its permission (leader, office, the other reconsideration role), a user
 * without read scope (404), a user who reads the county's cases but may act only in its own unit (403), and
 * the permitted user from every valid state. Generated from `caseMachine`.
 */
import type { Ctx } from '../../kernel';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { ctxAt, newCase, step } from './test/fixtures';
import { transitionMatrix, withGrants, type TransitionOverride } from '../../../test/support/transition-matrix';
import { caseMachine, type CaseState } from './case-machine';
import { getCaseInScope } from './service/access';
import { transitionCase } from './service/transition-case';

const TODAY = '2026-11-23';
const USER: Record<string, string> = { handle: 'reconA', approve: 'reconApproverA' };
const OTHER: Record<string, string> = { handle: 'reconApproverA', approve: 'reconA' };

/** Valid input for each transition on TODAY. */
const INPUT: Record<string, Record<string, unknown>> = {
  accept: { acceptedDate: TODAY },
  acceptSimplified: { acceptedDate: TODAY, simplifiedGround: 'warning' },
  requestCorrection: { correctionItems: '身份证明', correctionNoticeDate: TODAY },
  receiveCorrection: { correctedDate: TODAY },
  extendCorrection: { correctionExtensionDays: 5, reason: '申请人住院' },
  markAbandoned: { reason: '逾期未补正' },
  decline: { declinedDate: TODAY, reason: '不属于受理范围' },
  forward: { forwardedDate: TODAY, competentAuthority: '示范省人民政府', reason: '无管辖权' },
  sendCopy: { copySentDate: TODAY, copyServedDate: TODAY },
  sendCopySimplified: { copySentDate: TODAY, copyServedDate: TODAY },
  receiveAnswer: { answerReceivedDate: TODAY, answerSummary: '答复' },
  answerLapsed: { reason: '逾期未答复' },
  scheduleHearing: { hearingNoticeDate: TODAY, hearingDate: '2026-12-01', hearingPlace: '听证室' },
  holdHearing: { hearingHeldDate: TODAY, hearingRecord: '笔录' },
  cancelHearing: { reason: '申请人放弃听证' },
  switchToOrdinary: { reason: '复杂' },
  extendDecision: { extensionDays: 10, reason: '复杂' },
  suspend: { suspensionGround: 'g6', suspendedOn: TODAY, reason: '调解' },
  resume: { resumedOn: TODAY, reason: '恢复' },
  mediate: { closedDate: TODAY, closingSummary: '调解' },
  settle: { closedDate: TODAY, closingSummary: '和解' },
  draftDecision: { decisionType: 'uphold', decisionFacts: '事实', decisionReasons: '理由', decisionMain: '维持' },
  returnDraft: { reason: '补充' },
  approveDecision: { decisionDate: TODAY },
  terminate: { terminationGround: 'criminal_measures', closedDate: TODAY, reason: '刑事强制措施' },
  withdraw: { closedDate: TODAY, reason: '撤回' },
};

const PATH: Record<CaseState, string[]> = {
  received: [],
  awaiting_correction: ['requestCorrection'],
  accepted: ['accept'],
  awaiting_answer: ['accept', 'sendCopy'],
  in_review: ['accept', 'sendCopy', 'receiveAnswer'],
  hearing_scheduled: ['accept', 'sendCopy', 'receiveAnswer', 'scheduleHearing'],
  suspended: ['accept', 'sendCopy', 'receiveAnswer', 'suspend'],
  pending_approval: ['accept', 'sendCopy', 'receiveAnswer', 'draftDecision'],
  decided: ['accept', 'sendCopy', 'receiveAnswer', 'draftDecision', 'approveDecision'],
  mediated: ['accept', 'sendCopy', 'receiveAnswer', 'mediate'],
  settled: ['accept', 'sendCopy', 'receiveAnswer', 'settle'],
  withdrawn: ['withdraw'],
  terminated: ['accept', 'sendCopy', 'receiveAnswer', 'terminate'],
  declined: ['decline'],
  forwarded: ['forward'],
  abandoned: [],
};

/**
 * No built-in role reads wider than it acts here (both reconsideration roles are 本级及下级 of the 司法局), so
 * the out-of-acting-scope user is leaderA (who reads the whole county) given handle and approve for its own
 * unit only, as a second role of 本单位 scope would: it sees the 司法局's cases but may not act on them.
 */
const COUNTY_READER = 'leaderA（另有本单位办理、审批权限）';

let world: TestWorld;
/** Actors' contexts, loaded once (every act happens on TODAY). */
const ctxs = new Map<string, Promise<Ctx>>();
const ctxOf = (user: string): Promise<Ctx> => {
  if (!ctxs.has(user)) ctxs.set(user, user === COUNTY_READER ? ctxAt(world, TODAY, 'leaderA').then((c) => withGrants(c, { 'reconsideration:read': 'unit_and_below', 'reconsideration:handle': 'unit', 'reconsideration:approve': 'unit' })) : ctxAt(world, TODAY, user));
  return ctxs.get(user)!;
};
const go = (id: number, name: string) => step(world, TODAY, id, name, INPUT[name]!, USER[caseMachine.transitions[name]!.permission]);

const build = async (state: string): Promise<number> => {
  if (state === 'abandoned') {
    const c = await newCase(world, '2026-10-09');
    await step(world, '2026-10-09', c.id, 'requestCorrection', { correctionItems: '身份证明', correctionNoticeDate: '2026-10-09' });
    await go(c.id, 'markAbandoned');
    return c.id;
  }
  const { id } = await newCase(world, TODAY);
  for (const name of PATH[state as CaseState]) await go(id, name);
  return id;
};

/** Simplified-procedure transitions need a simplified case. */
const simplified = async (state: string) => {
  const c = await newCase(world, TODAY);
  await go(c.id, 'acceptSimplified');
  if (state === 'in_review') {
    await go(c.id, 'sendCopySimplified');
    await go(c.id, 'receiveAnswer');
  }
  return { id: c.id };
};
const actorsFor = (permission: string) => ({ allowed: [USER[permission]!], noPermission: ['leaderA', 'office', OTHER[permission]!] });
const LAPSE = { where: 'case-deadlines.test.ts（须先届满期限或到听证日）', states: Object.keys(caseMachine.states) };

transitionMatrix({
  title: '行政复议状态机：每个操作 × 状态 × 用户',
  machine: caseMachine,
  setup: async () => {
    world = await createTestWorld({ now: `${TODAY}T09:00:00` });
  },
  teardown: () => world.close(),
  build,
  input: INPUT,
  act: async (user, id, name, input, version) => transitionCase(await ctxOf(user), id, name, { version, input }),
  // The whole row as 依法治市办 reads it: a refusal must leave every column as it was.
  read: async (id) => getCaseInScope(await ctxOf('office'), id),
  canRead: async (user, id) => getCaseInScope(await ctxOf(user), id).then(() => true, () => false),
  actors: { allowed: ['reconA'], noPermission: [], outOfReadScope: ['leaderB'], readButNotAct: [COUNTY_READER] },
  transitions: Object.fromEntries(
    Object.entries(caseMachine.transitions).map(([name, def]): [string, TransitionOverride<number>] => [
      name,
      {
        actors: actorsFor(def.permission),
        // The procedure check (INVALID_STATE wrong_procedure) comes before the kernel's, so the acting-scope
        // refusal of a simplified-only transition is tried on a simplified case.
        ...(name === 'switchToOrdinary' || name === 'sendCopySimplified'
          ? { buildAllowed: simplified, actors: { ...actorsFor(def.permission), readButNotAct: [{ actor: COUNTY_READER, build: async (s: string) => (await simplified(s)).id }] } }
          : {}),
        ...(name === 'markAbandoned' || name === 'answerLapsed' || name === 'holdHearing' ? { allowedElsewhere: LAPSE } : {}),
      },
    ]),
  ),
});
