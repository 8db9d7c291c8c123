/** Helpers for the enforcement review area's tests: bodies and decided cases in the test world, and HTTP shortcuts. */
import { insertCertificate } from '../../cases/test/fixtures';
import { insertBody, insertCase, insertOfficer } from '../../test/fixtures';
import type { TestClient, TestWorld } from '../../../../../test/support/test-platform';

export interface ReviewWorld {
  bodyA: { id: number; orgId: number; name: string };
  bodyA2: { id: number; orgId: number; name: string };
  bodyB: { id: number; orgId: number; name: string };
  casesA: { id: number }[];
  casesA2: { id: number }[];
  casesB: { id: number }[];
}

/** The names the review tests score and sign with: officers holding a valid 行政执法监督证 (SUPERVISORS). */
export const SUPERVISORS = ['评查员甲', '评查员乙'] as const;

/** An officer named `name` of `body` holding a 行政执法监督证 (valid since 2023-01-01, no expiry, unless overridden). */
export const insertSupervisor = async (world: TestWorld, body: { id: number; orgId: number }, name: string, cert: Parameters<typeof insertCertificate>[2] = {}) => {
  const o = await insertOfficer(world, body, { name, post: '执法监督员' });
  await insertCertificate(world, o, { kind: 'supervision', ...cert });
  return o;
};

/** Three bodies (甲县自然资源局, 甲县政府办, 乙县政府办) with decided cases in 2026, plus an undecided one each; 甲县司法局's supervisors (SUPERVISORS). */
export const seedBodies = async (world: TestWorld, perBody = 6): Promise<ReviewWorld> => {
  const justice = await insertBody(world, world.units.countyAJustice, { name: '甲县司法局' });
  for (const name of SUPERVISORS) await insertSupervisor(world, justice, name);
  const bodyA = await insertBody(world, world.units.countyADept, { name: '甲县自然资源局' });
  const bodyA2 = await insertBody(world, world.units.countyAGov, { name: '甲县人民政府（综合执法）' });
  const bodyB = await insertBody(world, world.units.countyBGov, { name: '乙县人民政府（综合执法）' });
  const make = async (b: { id: number; orgId: number }) => {
    const list = [];
    for (let i = 0; i < perBody; i++) list.push(await insertCase(world, b, { decidedDate: `2026-0${1 + (i % 8)}-1${i % 10}` }));
    await insertCase(world, b, { decidedDate: null, closedDate: null, status: 'investigating' });
    await insertCase(world, b, { decidedDate: '2025-06-01', filedDate: '2025-05-01', closedDate: '2025-07-01' });
    return list;
  };
  return { bodyA, bodyA2, bodyB, casesA: await make(bodyA), casesA2: await make(bodyA2), casesB: await make(bodyB) };
};

export const reviewBody = (bodyIds: number[], over: Record<string, unknown> = {}) => ({
  year: 2026,
  title: '2026年度行政执法案卷交叉评查',
  kind: 'cross',
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  bodyIds,
  excellentMin: 90,
  passMin: 70,
  ...over,
});

/** Full marks for the default sheet, minus `cut` points on `key`. */
export const fullScores = (cut: Record<string, number> = {}) => {
  const base: Record<string, number> = { s1: 10, e1: 25, p1: 25, l1: 20, d1: 10, a1: 10 };
  for (const [k, v] of Object.entries(cut)) base[k] = base[k]! - v;
  return base;
};

export const ok = <T = any>(res: { status: number; body: T }, what: string): T => { // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies
  if (res.status !== 200) throw new Error(`${what}失败: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** Creates a review and brings it to `scoring` with a random sample (seeded). */
export const reviewInScoring = async (h: TestClient, bodyIds: number[], perBody = 2, over: Record<string, unknown> = {}) => {
  const review = ok(await h.post('/api/enforcement/reviews', reviewBody(bodyIds, over)), '新建评查');
  const started = ok(await h.post(`/api/enforcement/reviews/${review.id}/transitions/startSampling`, { version: review.version, input: {} }), '开始抽取');
  const sampled = ok(await h.post(`/api/enforcement/reviews/${review.id}/sample`, { version: started.version, mode: 'random', perBody, seed: 'TEST-SEED-1' }), '抽取');
  ok(await h.post(`/api/enforcement/reviews/${review.id}/transitions/startScoring`, { version: sampled.review.version, input: {} }), '开始打分');
  const detail = ok(await h.get(`/api/enforcement/reviews/${review.id}`), '详情');
  return { id: review.id as number, detail };
};

export const docBody = (bodyId: number, over: Record<string, unknown> = {}) => ({
  kind: 'opinion',
  bodyId,
  title: '关于纠正行政处罚程序问题的意见',
  content: '经案卷评查发现，你单位行政处罚案件告知陈述申辩期限未满即作出处罚决定。',
  requiredAction: '请自行纠正并报告纠正情况。',
  signerName: SUPERVISORS[0],
  issuedDate: '2026-03-02',
  servedDate: '2026-03-02',
  ...over,
});

export const complaintBody = (bodyId: number, over: Record<string, unknown> = {}) => ({
  bodyId,
  channel: 'hotline',
  receivedDate: '2026-03-02',
  complainantName: '张先生',
  complainantPhone: '13800138000',
  subject: '执法人员未出示执法证件',
  content: '反映执法人员检查时未出示行政执法证件，也未告知检查依据。',
  ...over,
});
