/**
 * Every transition of the plan and result machines × (a) every state outside its `from` (refused, record
 * unchanged), (b) users without its permission, (c) a user of another county (404), (d) the permitted user
 * from each valid state. Generated from `planMachine` and `resultMachine`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { ctxAt, newPlan, planStep, resultsOf, resultStep, seedPools, type Pools } from '../../../test/support/random-inspection-fixtures';
import { AppError } from '../../kernel';
import { planMachine, resultMachine, type PlanState, type ResultState } from './plan-machine';
import { getPlanDetail } from './service/plans';
import { transitionPlan } from './service/transition-plan';
import { transitionResult } from './service/results';

const DAY = '2026-04-01';
const PLAN_STATES = Object.keys(planMachine.states) as PlanState[];
const RESULT_STATES = Object.keys(resultMachine.states) as ResultState[];
const USER: Record<string, string> = { manage: 'liaisonA', record: 'staffA' };
const NO_PERMISSION: Record<string, string[]> = { manage: ['staffA', 'leaderA', 'office', 'supervisorA'], record: ['leaderA', 'office', 'supervisorA'] };
const PLAN_INPUT: Record<string, Record<string, unknown>> = {
  publish: { filedDate: DAY, filedWith: '甲县人民政府' },
  draw: {},
  redraw: { reason: '名录更新' },
  start: {},
  finish: { finishedDate: DAY },
};
const RESULT_INPUT: Record<string, Record<string, unknown>> = {
  record: { outcome: 'no_problem', resultDate: DAY },
  publish: { publishedDate: DAY },
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

describe('双随机状态机：每个操作 × 状态 × 用户', () => {
  let world: TestWorld;
  let pools: Pools;
  const plans = {} as Record<PlanState, number>;
  const results = {} as Record<ResultState, number>;

  /** A one-target single-department plan of 甲县自然资源局 brought to `state`. */
  const buildPlan = async (state: PlanState): Promise<number> => {
    const p = await newPlan(world, pools, DAY, { kind: 'single', participants: [], graded: false, ratioPercent: 1, title: `状态 ${state} 计划` });
    const steps: Record<PlanState, string[]> = { draft: [], published: ['publish'], drawn: ['publish', 'draw'], in_progress: ['publish', 'draw', 'start'], finished: ['publish', 'draw', 'start'] };
    for (const s of steps[state]) await planStep(world, DAY, p.id, s, PLAN_INPUT[s]!, USER[planMachine.transitions[s]!.permission]);
    if (state === 'finished') {
      for (const r of await resultsOf(world, p.id)) await resultStep(world, DAY, r.id, 'record', RESULT_INPUT.record!);
      await planStep(world, DAY, p.id, 'finish', PLAN_INPUT.finish!);
    }
    return p.id;
  };
  const buildResult = async (state: ResultState): Promise<number> => {
    const id = await buildPlan('drawn');
    const r = (await resultsOf(world, id))[0]!;
    if (state !== 'pending') await resultStep(world, DAY, r.id, 'record', RESULT_INPUT.record!);
    if (state === 'published') await resultStep(world, DAY, r.id, 'publish', RESULT_INPUT.publish!);
    return r.id;
  };

  before(async () => {
    world = await createTestWorld({ now: `${DAY}T09:00:00` });
    pools = await seedPools(world, DAY);
    for (const s of PLAN_STATES) plans[s] = await buildPlan(s);
    for (const s of RESULT_STATES) results[s] = await buildResult(s);
  });
  after(() => world.close());

  test('状态机声明完整：每个状态已构造，每个操作有测试输入', async () => {
    assert.deepEqual(Object.keys(PLAN_INPUT).sort(), Object.keys(planMachine.transitions).sort());
    assert.deepEqual(Object.keys(RESULT_INPUT).sort(), Object.keys(resultMachine.transitions).sort());
    const ctx = await ctxAt(world, DAY, 'office');
    for (const s of PLAN_STATES) assert.equal((await getPlanDetail(ctx, plans[s])).record.status, s);
  });

  for (const [name, def] of Object.entries(planMachine.transitions)) {
    test(`计划 ${name}（${def.label}）：错误状态拒绝且不变，无权限 403，他县 404，合法状态成功`, async () => {
      const permitted = USER[def.permission]!;
      for (const s of PLAN_STATES.filter((x) => !(def.from as readonly string[]).includes(x))) {
        const ctx = await ctxAt(world, DAY, permitted);
        const before = await getPlanDetail(ctx, plans[s]);
        const got = await code(transitionPlan(ctx, plans[s], name, { version: before.record.version, input: PLAN_INPUT[name]! }));
        assert.equal(got, 'INVALID_STATE', `${name} 在 ${s}`);
        assert.equal((await getPlanDetail(ctx, plans[s])).record.version, before.record.version);
      }
      const from = def.from[0]!;
      for (const u of NO_PERMISSION[def.permission]!) {
        const ctx = await ctxAt(world, DAY, u);
        const v = (await getPlanDetail(await world.ctxAs('office'), plans[from])).record.version;
        assert.equal(await code(transitionPlan(ctx, plans[from], name, { version: v, input: PLAN_INPUT[name]! })), 'FORBIDDEN', `${u} ${name}`);
      }
      assert.equal(await code(transitionPlan(await ctxAt(world, DAY, 'liaisonB'), plans[from], name, { version: 1, input: PLAN_INPUT[name]! })), 'NOT_FOUND');
      for (const s of def.from) {
        const id = await buildPlan(s as PlanState);
        if (name === 'finish') for (const r of await resultsOf(world, id)) await resultStep(world, DAY, r.id, 'record', RESULT_INPUT.record!);
        assert.equal(await code(planStep(world, DAY, id, name, PLAN_INPUT[name]!, permitted)), 'OK', `${name}@${s}`);
      }
    });
  }

  for (const [name, def] of Object.entries(resultMachine.transitions)) {
    test(`检查结果 ${name}（${def.label}）：错误状态拒绝，无权限 403，他县 404，本单位执法人员成功`, async () => {
      for (const s of RESULT_STATES.filter((x) => !(def.from as readonly string[]).includes(x))) {
        assert.equal(await code(resultStep(world, DAY, results[s], name, RESULT_INPUT[name]!)), 'INVALID_STATE', `${name} 在 ${s}`);
      }
      const from = def.from[0]! as ResultState;
      for (const u of NO_PERMISSION.record!) assert.equal(await code(resultStep(world, DAY, results[from], name, RESULT_INPUT[name]!, u)), 'FORBIDDEN', u);
      assert.equal(await code(transitionResult(await ctxAt(world, DAY, 'staffB'), results[from], name, { version: 1, input: RESULT_INPUT[name]! })), 'NOT_FOUND');
      assert.equal(await code(resultStep(world, DAY, await buildResult(from), name, RESULT_INPUT[name]!)), 'OK');
    });
  }
});
