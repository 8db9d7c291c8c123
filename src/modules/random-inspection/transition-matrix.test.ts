/**
 * The plan and result machines' transition matrices (test/support/transition-matrix.ts): every transition ×
 * every state outside its `from`, users without its permission (403), a user of another county (404), a user
 * who reads the county's plans but acts only for its own unit (403), and the permitted user from each valid
 * state. Generated from `planMachine` and `resultMachine`.
 */
import { after, before, describe } from 'node:test';
import type { AppError, Ctx } from '../../kernel';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { ctxAt, newPlan, planStep, resultsOf, resultStep, seedPools, type Pools } from './test/fixtures';
import { transitionMatrix, withGrants } from '../../../test/support/transition-matrix';
import { planMachine, resultMachine, type PlanState, type ResultState } from './plan-machine';
import { getPlanInScope, getResultInScope } from './service/access';
import { transitionPlan } from './service/transition-plan';
import { transitionResult } from './service/results';

const DAY = '2026-04-01';
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

/**
 * No built-in role reads wider than it acts here, so the out-of-acting-scope user is 甲县政府办's liaison
 * given a 辖区-wide read (as a second role could give), acting for its own unit only. The module refuses it
 * before the kernel does, in words of its own (只有牵头单位… / 只能录入、公示本单位…) and without the kernel's
 * reason, so that refusal is recognised by its message.
 */
const COUNTY_READER = 'liaisonAGov（读取范围为全县）';
const moduleOrKernelRefusal = (e: AppError) => e.code === 'FORBIDDEN' && (e.details?.reason === 'out_of_acting_scope' || /牵头单位|本单位的检查结果/.test(e.userMessage));

describe('双随机状态机：每个操作 × 状态 × 用户', () => {
  let world: TestWorld;
  let pools: Pools;

  /** A one-target single-department plan of 甲县自然资源局 brought to `state`. */
  const buildPlan = async (state: string): Promise<number> => {
    const p = await newPlan(world, pools, DAY, { kind: 'single', participants: [], graded: false, ratioPercent: 1, title: `状态 ${state} 计划` });
    const steps: Record<PlanState, string[]> = { draft: [], published: ['publish'], drawn: ['publish', 'draw'], in_progress: ['publish', 'draw', 'start'], finished: ['publish', 'draw', 'start'] };
    for (const s of steps[state as PlanState]) await planStep(world, DAY, p.id, s, PLAN_INPUT[s]!, USER[planMachine.transitions[s]!.permission]);
    if (state === 'finished') {
      await recordAll(p.id);
      await planStep(world, DAY, p.id, 'finish', PLAN_INPUT.finish!);
    }
    return p.id;
  };
  const recordAll = async (planId: number) => {
    for (const r of await resultsOf(world, planId)) await resultStep(world, DAY, r.id, 'record', RESULT_INPUT.record!);
  };
  const buildResult = async (state: string): Promise<number> => {
    const id = await buildPlan('drawn');
    const r = (await resultsOf(world, id))[0]!;
    if ((state as ResultState) !== 'pending') await resultStep(world, DAY, r.id, 'record', RESULT_INPUT.record!);
    if ((state as ResultState) === 'published') await resultStep(world, DAY, r.id, 'publish', RESULT_INPUT.publish!);
    return r.id;
  };
  /** Actors' contexts, loaded once (every act happens on DAY). */
  const ctxs = new Map<string, Promise<Ctx>>();
  const ctxOf = (user: string): Promise<Ctx> => {
    if (!ctxs.has(user)) {
      const grants = { 'random-inspection:read': 'jurisdiction', 'random-inspection:manage': 'unit', 'random-inspection:record': 'unit' } as const;
      ctxs.set(user, user === COUNTY_READER ? ctxAt(world, DAY, 'liaisonAGov').then((c) => withGrants(c, grants)) : ctxAt(world, DAY, user));
    }
    return ctxs.get(user)!;
  };
  const actors = (permission: string) => ({ allowed: [USER[permission]!], noPermission: NO_PERMISSION[permission]!, outOfReadScope: ['liaisonB'], readButNotAct: [COUNTY_READER] });

  before(async () => {
    world = await createTestWorld({ now: `${DAY}T09:00:00` });
    pools = await seedPools(world, DAY);
  });
  after(() => world.close());

  transitionMatrix({
    title: '抽查计划状态机',
    machine: planMachine,
    build: buildPlan,
    input: PLAN_INPUT,
    act: async (user, id, name, input, version) => transitionPlan(await ctxOf(user), id, name, { version, input }),
    read: async (id) => getPlanInScope(await ctxOf('office'), id),
    canRead: async (user, id) => getPlanInScope(await ctxOf(user), id).then(() => true, () => false),
    actors: actors('manage'),
    outOfActingScope: moduleOrKernelRefusal,
    transitions: {
      start: { actors: actors('record') },
      // Finishing needs every result recorded.
      finish: { buildAllowed: async (st) => { const id = await buildPlan(st); await recordAll(id); return { id }; } },
    },
  });

  transitionMatrix({
    title: '检查结果状态机',
    machine: resultMachine,
    build: buildResult,
    input: RESULT_INPUT,
    act: async (user, id, name, input, version) => transitionResult(await ctxOf(user), id, name, { version, input }),
    read: async (id) => getResultInScope(await ctxOf('office'), id),
    canRead: async (user, id) => getResultInScope(await ctxOf(user), id).then(() => true, () => false),
    actors: { ...actors('record'), outOfReadScope: ['staffB'] },
    outOfActingScope: moduleOrKernelRefusal,
  });
});
