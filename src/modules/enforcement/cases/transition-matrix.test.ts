/**
 * The case and 公示 machines' transition matrices (test/support/transition-matrix.ts): every transition ×
 * every state outside its `from`, users without its permission (403), a user without read scope (404), the
 * 司法局 supervisor reading the county's cases with 本单位-only acting grants (403, out of acting scope), and
 * the permitted user from each valid state. Generated from `caseMachine` and `publicationMachine`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ctx } from '../../../kernel';
import { createTestWorld, type TestWorld } from '../../../../test/support/test-platform';
import { ctxAt, DECIDE, newCase, NOTIFY, pubStep, setupBody, step, WAIVE, type CaseSetup } from './test/fixtures';
import { outcome, transitionMatrix, withGrants, type TransitionOverride } from '../../../../test/support/transition-matrix';
import { caseMachine, publicationMachine, type CaseState } from './case-machine';
import { getCaseInScope, getPublicationInScope } from './service/access';
import { getCaseDetail } from './service/get-case-detail';
import { transitionCase, transitionPublication } from './service/transition-case';

const TODAY = '2026-11-23';
const USER: Record<string, string> = { report: 'staffA', legalReview: 'liaisonA' };
/** Users holding read but not the transition's permission. */
const WITHOUT: Record<string, string[]> = { report: ['leaderA', 'supervisorA', 'office'], legalReview: ['staffA', 'leaderA', 'supervisorA', 'office'] };
/**
 * No built-in role reads wider than it reports here (执法人员 and 法制员 both act in 本单位), so the
 * out-of-acting-scope user is supervisorA (who reads the whole county) given report and legalReview for its
 * own unit only, as a second role of 本单位 scope would: it sees 甲县自然资源局's cases but may not act on them.
 */
const COUNTY_READER = 'supervisorA（另有本单位录入、法制审核权限）';

const INPUT: Record<string, Record<string, unknown>> = {
  investigate: {},
  notify: NOTIFY(TODAY, true),
  waive: WAIVE(TODAY, true),
  requestHearing: { hearingRequestDate: TODAY },
  scheduleHearing: { hearingNoticeDate: TODAY, hearingDate: '2026-12-02', hearingPlace: '听证室', hearingPresider: '周科长' },
  holdHearing: { hearingHeldDate: TODAY, hearingRecord: '笔录' },
  submitReview: {},
  reviewPass: { legalReviewDate: TODAY, legalReviewOpinion: '同意' },
  reviewReturn: { legalReviewDate: TODAY, legalReviewOpinion: '补充证据' },
  decide: DECIDE(TODAY),
  serve: { servedDate: TODAY, serviceMode: 'on_spot' },
  execute: { executionMode: 'paid', paidDate: TODAY },
  close: { closedDate: TODAY },
};
const PUB_INPUT: Record<string, Record<string, unknown>> = {
  publish: { publishedDate: TODAY, conclusion: '罚款三千元' },
  requestWithdrawal: { changedDate: TODAY, withdrawGround: 'changed', reason: '决定被变更' },
  withdraw: { withdrawnDate: TODAY },
};
const PATH: Record<CaseState, string[]> = {
  registered: [],
  investigating: ['investigate'],
  notified: ['investigate', 'notify'],
  hearing_requested: ['investigate', 'notify', 'requestHearing'],
  hearing_scheduled: ['investigate', 'notify', 'requestHearing', 'scheduleHearing'],
  legal_review: ['investigate', 'notify', 'submitReview'],
  reviewed: ['investigate', 'notify', 'submitReview', 'reviewPass'],
  decided: ['investigate', 'notify', 'waive', 'decide'],
  served: ['investigate', 'notify', 'waive', 'decide', 'serve'],
  executing: ['investigate', 'notify', 'waive', 'decide', 'serve', 'execute'],
  closed: ['investigate', 'notify', 'waive', 'decide', 'close'],
};
const PUB_PATH: Record<string, string[]> = { pending: [], published: ['publish'], withdrawing: ['publish', 'requestWithdrawal'], withdrawn: ['publish', 'requestWithdrawal', 'withdraw'] };

describe('执法案件与公示状态机：每个操作 × 状态 × 用户', () => {
  let world: TestWorld;
  let s: CaseSetup;
  const go = (id: number, name: string) => step(world, TODAY, id, name, INPUT[name]!, USER[caseMachine.transitions[name]!.permission]);
  const build = async (state: string, over: Record<string, unknown> = {}): Promise<number> => {
    const { id } = await newCase(world, s, TODAY, over);
    for (const name of PATH[state as CaseState]) await go(id, name);
    return id;
  };
  const buildVia = async (path: string[]): Promise<number> => {
    const { id } = await newCase(world, s, TODAY);
    for (const name of path) await go(id, name);
    return id;
  };
  /** Actors' contexts, loaded once (every act happens on TODAY). */
  const ctxs = new Map<string, Promise<Ctx>>();
  const ctxOf = (user: string): Promise<Ctx> => {
    if (!ctxs.has(user)) {
      const grants = { 'enforcement:read': 'jurisdiction', 'enforcement:report': 'unit', 'enforcement:legalReview': 'unit' } as const;
      ctxs.set(user, user === COUNTY_READER ? ctxAt(world, TODAY, 'supervisorA').then((c) => withGrants(c, grants)) : ctxAt(world, TODAY, user));
    }
    return ctxs.get(user)!;
  };
  const actors = (permission: string) => ({ allowed: [USER[permission]!], noPermission: WITHOUT[permission]!, outOfReadScope: ['staffB'], readButNotAct: [COUNTY_READER] });

  before(async () => {
    world = await createTestWorld({ now: `${TODAY}T09:00:00` });
    s = await setupBody(world, world.units.countyADept);
  });
  after(() => world.close());

  transitionMatrix({
    title: '执法案件状态机',
    machine: caseMachine,
    build,
    input: INPUT,
    act: async (user, id, name, input, version) => transitionCase(await ctxOf(user), id, name, { version, input }),
    read: async (id) => getCaseInScope(await ctxOf('office'), id),
    canRead: async (user, id) => getCaseInScope(await ctxOf(user), id).then(() => true, () => false),
    actors: actors('report'),
    transitions: Object.fromEntries(
      Object.entries(caseMachine.transitions).map(([name, def]): [string, TransitionOverride<number>] => [
        name,
        {
          actors: actors(def.permission),
          // A 处罚 case cannot be decided straight from 立案: the refusals are tried from 调查取证.
          ...(name === 'decide'
            ? {
                refuseFrom: 'investigating',
                // Deciding from 立案 or 调查取证 is for inspection and licence cases.
                buildAllowed: async (st: string) =>
                  st === 'registered'
                    ? { id: await build('registered', { kind: 'inspection', itemId: s.items.inspection }), input: { decidedDate: TODAY, decisionType: 'compliant', decisionNo: '甲查〔2026〕1号', decisionContent: '未发现问题' } }
                    : st === 'investigating'
                      ? { id: await build('investigating', { kind: 'licence', itemId: s.items.licence }), input: { decidedDate: TODAY, decisionType: 'grant', decisionNo: '甲许〔2026〕1号', decisionContent: '准予许可' } }
                      : // 处罚 decided on the day of the notice: only after the party's waiver (第六十二条).
                        { id: await buildVia(st === 'reviewed' ? ['investigate', 'notify', 'waive', 'submitReview', 'reviewPass'] : [...PATH[st as CaseState], 'waive']) },
              }
            : {}),
          ...(name === 'holdHearing' ? { allowedElsewhere: { states: def.from, where: 'case-deadlines.test.ts（须到听证日）' } } : {}),
        },
      ]),
    ),
  });

  test('按类型限制：许可、检查、强制案件不能告知或申请听证；检查案件不能送达', async () => {
    const code = async (p: Promise<unknown>) => (await outcome(p)).code;
    const l = await build('investigating', { kind: 'licence', itemId: s.items.licence });
    assert.equal(await code(go(l, 'notify')), 'INVALID_STATE');
    const i = await build('registered', { kind: 'inspection', itemId: s.items.inspection });
    assert.equal(await code(go(i, 'investigate')), 'INVALID_STATE');
    await step(world, TODAY, i, 'decide', { decidedDate: TODAY, decisionType: 'compliant', decisionNo: '甲查〔2026〕2号', decisionContent: '未发现问题' });
    assert.equal(await code(go(i, 'serve')), 'INVALID_STATE');
  });

  transitionMatrix({
    title: '公示状态机',
    machine: publicationMachine,
    /** A decided case's 公示 record, brought to `state`. */
    build: async (state) => {
      const caseId = await build('decided');
      for (const name of PUB_PATH[state]!) await pubStep(world, TODAY, caseId, name, PUB_INPUT[name]!);
      return (await getCaseDetail(await ctxOf('staffA'), caseId)).publication!.record.id;
    },
    input: PUB_INPUT,
    act: async (user, id, name, input, version) => transitionPublication(await ctxOf(user), id, name, { version, input }),
    read: async (id) => getPublicationInScope(await ctxOf('office'), id),
    canRead: async (user, id) => getPublicationInScope(await ctxOf(user), id).then(() => true, () => false),
    actors: actors('report'),
  });
});
