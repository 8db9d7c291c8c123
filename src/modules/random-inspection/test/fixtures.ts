/** Helpers for the random-inspection module's tests: pools, plans and acting through HTTP or the use cases. */
import type { Ctx } from '../../../kernel/context';
import { withCheckChar } from '../credit-code';
import { createPoolRow } from '../service/pools';
import { createPlan, getPlanDetail } from '../service/plans';
import { transitionPlan } from '../service/transition-plan';
import { transitionResult, findResults } from '../service/results';
import { riTarget } from '../schema';
import type { PlanInput } from '../contract';
import type { TestClient, TestWorld } from '../../../../test/support/test-platform';

/** A valid credit code numbered `n` (prefix 91 = 企业, 330921 = 青山县). */
export const code = (n: number, region = '330921') => withCheckChar(`91${region}MA${String(n).padStart(7, '0')}`);

/** Sets the clock to 09:00 of `day` and returns a use-case context acting as `username`. */
export const ctxAt = async (world: TestWorld, day: string, username: string): Promise<Ctx> => {
  world.clock.set(`${day}T09:00:00`);
  return world.ctxAs(username);
};

export interface Pools {
  itemA: number;
  itemAGov: number;
  itemB: number;
  inspectorsA: number[];
  inspectorsAGov: number[];
  inspectorsB: number[];
}

/**
 * Pools for 甲县自然资源局 (liaisonA: 100 targets, 25 of each grade; 3 inspectors, one with a conflict),
 * 甲县政府办 (liaisonAGov: 2 inspectors) and 乙县政府办 (liaisonB: 20 targets, 2 inspectors).
 */
export const seedPools = async (world: TestWorld, day = '2026-03-02'): Promise<Pools> => {
  const a = await ctxAt(world, day, 'liaisonA');
  const ag = await world.ctxAs('liaisonAGov');
  const b = await world.ctxAs('liaisonB');
  const item = (ctx: Ctx, orgId: number, name: string) =>
    createPoolRow(ctx, 'item', { orgId, name, kind: 'general', legalBasis: '《土地管理法》第六十七条', targetType: 'enterprise', ratioPercent: 5, frequencyPerYear: 1, active: true });
  const itemA = (await item(a, world.units.countyADept, '土地利用情况检查')).id;
  const itemAGov = (await item(ag, world.units.countyAGov, '政务公开情况检查')).id;
  const itemB = (await item(b, world.units.countyBGov, '乙县事项检查')).id;
  const sys = world.systemCtx();
  const grades = ['A', 'B', 'C', 'D'] as const;
  await sys.db.insert(riTarget).values(
    Array.from({ length: 100 }, (_, i) => ({ orgId: world.units.countyADept, name: `甲县测试企业${i + 1}有限公司`, creditCode: code(i + 1), type: 'enterprise' as const, industry: '制造业', region: '甲镇', creditGrade: grades[i % 4]! })),
  );
  await sys.db.insert(riTarget).values(
    Array.from({ length: 20 }, (_, i) => ({ orgId: world.units.countyBGov, name: `乙县测试企业${i + 1}`, creditCode: code(i + 1, '330902'), type: 'enterprise' as const, industry: '批发零售', region: '乙镇', creditGrade: grades[i % 4]! })),
  );
  const insp = (ctx: Ctx, orgId: number, name: string, cert: string, conflicts: string[] = []) =>
    createPoolRow(ctx, 'inspector', { orgId, name, certificateNo: cert, expertise: '土地执法', conflictCodes: conflicts, active: true }).then((r) => r.id);
  const inspectorsA = [await insp(a, world.units.countyADept, '张检查', 'JA-0001', [code(1)]), await insp(a, world.units.countyADept, '李检查', 'JA-0002'), await insp(a, world.units.countyADept, '王检查', 'JA-0003')];
  const inspectorsAGov = [await insp(ag, world.units.countyAGov, '赵督查', 'JG-0001'), await insp(ag, world.units.countyAGov, '钱督查', 'JG-0002')];
  const inspectorsB = [await insp(b, world.units.countyBGov, '孙检查', 'JB-0001'), await insp(b, world.units.countyBGov, '周检查', 'JB-0002')];
  return { itemA, itemAGov, itemB, inspectorsA, inspectorsAGov, inspectorsB };
};

/** A plan body: by default a graded joint plan of 甲县自然资源局 with 甲县政府办. */
export const planBody = (world: TestWorld, pools: Pools, over: Partial<PlanInput> = {}): PlanInput => ({
  orgId: world.units.countyADept,
  year: 2026,
  title: '2026年度土地利用与政务公开联合抽查',
  batch: '第一批',
  kind: 'joint',
  graded: true,
  gradeRatios: { A: 4, B: 8, C: 12, D: 20 },
  ratioPercent: 5,
  targetType: 'enterprise',
  scope: '甲县辖区内用地企业',
  startDate: '2026-03-02',
  endDate: '2026-06-30',
  itemIds: [pools.itemA],
  participants: [{ orgId: world.units.countyAGov, itemIds: [pools.itemAGov] }],
  ...over,
});

export const newPlan = async (world: TestWorld, pools: Pools, day: string, over: Partial<PlanInput> = {}, username = 'liaisonA') =>
  createPlan(await ctxAt(world, day, username), planBody(world, pools, over));

/** Applies a plan transition through the use case on `day` (version read fresh). */
export const planStep = async (world: TestWorld, day: string, id: number, name: string, input: Record<string, unknown> = {}, username = 'liaisonA') => {
  const ctx = await ctxAt(world, day, username);
  const d = await getPlanDetail(ctx, id);
  return transitionPlan(ctx, id, name, { version: d.record.version, input });
};

/** Publishes and draws a plan on `day`. */
export const drawnPlan = async (world: TestWorld, pools: Pools, day: string, over: Partial<PlanInput> = {}) => {
  const p = await newPlan(world, pools, day, over);
  await planStep(world, day, p.id, 'publish', { filedDate: day, filedWith: '甲县人民政府' });
  await planStep(world, day, p.id, 'draw');
  return p;
};

/** The plan's results as `username` sees them. */
export const resultsOf = async (world: TestWorld, planId: number, username = 'liaisonA') => (await findResults(await world.ctxAs(username), { planId }, { page: 1, pageSize: 5000 })).items;

/** Applies a result transition through the use case on `day`. */
export const resultStep = async (world: TestWorld, day: string, id: number, name: string, input: Record<string, unknown>, username = 'staffA') => {
  const ctx = await ctxAt(world, day, username);
  const r = (await findResults(ctx, {}, { page: 1, pageSize: 200 })).items.find((x) => x.id === id);
  return transitionResult(ctx, id, name, { version: r?.version ?? 1, input });
};

/** Applies a transition through HTTP with the current version. */
export const planVia = async (client: TestClient, id: number, name: string, input: Record<string, unknown> = {}) => {
  const d = await client.get(`/api/random-inspection/plans/${id}`);
  return client.post(`/api/random-inspection/plans/${id}/transitions/${name}`, { version: d.body.record.version, input });
};
