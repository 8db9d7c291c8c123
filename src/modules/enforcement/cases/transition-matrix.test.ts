/**
 * Every transition of the case machine × (a) every state outside its `from` (refused, record unchanged),
 * (b) users without its permission, (c) a user without read scope (404), (d) the permitted user from each
 * valid state. Generated from `caseMachine`; the publication machine likewise.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../kernel';
import { createTestWorld, type TestWorld } from '../../../../test/support/test-platform';
import { ctxAt, DECIDE, newCase, NOTIFY, pubStep, setupBody, step, type CaseSetup } from '../../../../test/support/enforcement-cases-fixtures';
import { caseMachine, publicationMachine, type CaseState } from './case-machine';
import { getCaseDetail } from './service/get-case-detail';
import { transitionCase, transitionPublication } from './service/transition-case';

const TODAY = '2026-11-23';
const STATES = Object.keys(caseMachine.states) as CaseState[];
const TRANSITIONS = Object.entries(caseMachine.transitions);
const USER: Record<string, string> = { report: 'staffA', legalReview: 'liaisonA' };
/** Users holding read but not the transition's permission. */
const WITHOUT: Record<string, string[]> = { report: ['leaderA', 'supervisorA', 'office'], legalReview: ['staffA', 'leaderA', 'supervisorA', 'office'] };

const INPUT: Record<string, Record<string, unknown>> = {
  investigate: {},
  notify: NOTIFY(TODAY, true),
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

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe('执法案件状态机：每个操作 × 状态 × 用户', () => {
  let world: TestWorld;
  let s: CaseSetup;
  const inState = {} as Record<CaseState, number>;
  const go = (id: number, name: string) => step(world, TODAY, id, name, INPUT[name]!, USER[caseMachine.transitions[name]!.permission]);
  const PATH: Record<CaseState, string[]> = {
    registered: [],
    investigating: ['investigate'],
    notified: ['investigate', 'notify'],
    hearing_requested: ['investigate', 'notify', 'requestHearing'],
    hearing_scheduled: ['investigate', 'notify', 'requestHearing', 'scheduleHearing'],
    legal_review: ['investigate', 'notify', 'submitReview'],
    reviewed: ['investigate', 'notify', 'submitReview', 'reviewPass'],
    decided: ['investigate', 'notify', 'decide'],
    served: ['investigate', 'notify', 'decide', 'serve'],
    executing: ['investigate', 'notify', 'decide', 'serve', 'execute'],
    closed: ['investigate', 'notify', 'decide', 'close'],
  };
  const build = async (state: CaseState, over: Record<string, unknown> = {}): Promise<number> => {
    const { id } = await newCase(world, s, TODAY, over);
    for (const name of PATH[state]) await go(id, name);
    return id;
  };

  before(async () => {
    world = await createTestWorld({ now: `${TODAY}T09:00:00` });
    s = await setupBody(world, world.units.countyADept);
    for (const st of STATES) inState[st] = await build(st);
  });
  after(() => world.close());

  test('状态机声明完整：每个状态已构造，每个操作有测试输入', async () => {
    assert.deepEqual(Object.keys(INPUT).sort(), TRANSITIONS.map(([n]) => n).sort());
    const ctx = await ctxAt(world, TODAY, 'office');
    for (const st of STATES) assert.equal((await getCaseDetail(ctx, inState[st])).record.status, st);
  });

  for (const [name, def] of TRANSITIONS) {
    test(`${name}（${def.label}）：错误状态拒绝，无权限 403，范围外 404`, async () => {
      const permitted = USER[def.permission]!;
      for (const st of STATES.filter((x) => !(def.from as readonly string[]).includes(x))) {
        const ctx = await ctxAt(world, TODAY, permitted);
        const before = await getCaseDetail(ctx, inState[st]);
        assert.equal(await code(transitionCase(ctx, inState[st], name, { version: before.record.version, input: INPUT[name]! })), 'INVALID_STATE', `${name} 在 ${st}`);
        assert.equal((await getCaseDetail(ctx, inState[st])).record.version, before.record.version);
      }
      const from = def.from.find((f) => f !== 'registered' || name !== 'decide') ?? def.from[0]!;
      for (const u of WITHOUT[def.permission]!) {
        const ctx = await ctxAt(world, TODAY, u);
        const v = (await getCaseDetail(ctx, inState[from])).record.version;
        assert.equal(await code(transitionCase(ctx, inState[from], name, { version: v, input: INPUT[name]! })), 'FORBIDDEN', `${u} ${name}`);
      }
      const b = await ctxAt(world, TODAY, 'staffB');
      assert.equal(await code(transitionCase(b, inState[from], name, { version: 1, input: INPUT[name]! })), 'NOT_FOUND');
    });
  }

  test('允许的操作：从每个合法状态由有权限的用户办理成功', async () => {
    const results: string[] = [];
    for (const [name, def] of TRANSITIONS) {
      for (const st of def.from) {
        if (name === 'holdHearing') continue; // needs the hearing day to have come: see case-deadlines.test.ts
        let id: number;
        let input = INPUT[name]!;
        if (name === 'decide' && st === 'registered') {
          id = await build('registered', { kind: 'inspection', itemId: s.items.inspection });
          input = { decidedDate: TODAY, decisionType: 'compliant', decisionNo: '甲查〔2026〕1号', decisionContent: '未发现问题' };
        } else if (name === 'decide' && st === 'investigating') {
          id = await build('investigating', { kind: 'licence', itemId: s.items.licence });
          input = { decidedDate: TODAY, decisionType: 'grant', decisionNo: '甲许〔2026〕1号', decisionContent: '准予许可' };
        } else id = await build(st as CaseState);
        results.push(`${name}@${st}:${await code(step(world, TODAY, id, name, input, USER[def.permission]))}`);
      }
    }
    assert.deepEqual(results.filter((r) => !r.endsWith(':OK')), []);
  });

  test('按类型限制：许可、检查、强制案件不能告知或申请听证；检查案件不能送达', async () => {
    const l = await build('investigating', { kind: 'licence', itemId: s.items.licence });
    assert.equal(await code(go(l, 'notify')), 'INVALID_STATE');
    const i = await build('registered', { kind: 'inspection', itemId: s.items.inspection });
    assert.equal(await code(go(i, 'investigate')), 'INVALID_STATE');
    await step(world, TODAY, i, 'decide', { decidedDate: TODAY, decisionType: 'compliant', decisionNo: '甲查〔2026〕2号', decisionContent: '未发现问题' });
    assert.equal(await code(go(i, 'serve')), 'INVALID_STATE');
  });

  test('公示状态机：错误状态拒绝、无权限 403、范围外 404、合法操作成功', async () => {
    const id = await build('decided');
    const ctx = await ctxAt(world, TODAY, 'staffA');
    const pub = (await getCaseDetail(ctx, id)).publication!.record;
    assert.equal(await code(transitionPublication(ctx, pub.id, 'withdraw', { version: pub.version, input: { withdrawnDate: TODAY } })), 'INVALID_STATE');
    assert.equal(await code(transitionPublication(await ctxAt(world, TODAY, 'supervisorA'), pub.id, 'publish', { version: pub.version, input: { publishedDate: TODAY, conclusion: '罚款' } })), 'FORBIDDEN');
    assert.equal(await code(transitionPublication(await ctxAt(world, TODAY, 'staffB'), pub.id, 'publish', { version: pub.version, input: { publishedDate: TODAY, conclusion: '罚款' } })), 'NOT_FOUND');
    await pubStep(world, TODAY, id, 'publish', { publishedDate: TODAY, conclusion: '罚款三千元' });
    await pubStep(world, TODAY, id, 'requestWithdrawal', { changedDate: TODAY, withdrawGround: 'changed', reason: '决定被变更' });
    const done = await pubStep(world, TODAY, id, 'withdraw', { withdrawnDate: TODAY });
    assert.equal(done.status, 'withdrawn');
    assert.ok(Object.keys(publicationMachine.transitions).length === 3);
  });
});
