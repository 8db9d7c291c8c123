/**
 * The transition matrices (test/support/transition-matrix.ts) of the three review-area machines through the
 * API: every transition × every state outside its `from` (409, record unchanged), users without its
 * permission (403), users without read scope (404), a county account that reads the records but may act only
 * for its own unit (403, out of acting scope), and the permitted user from each valid state.
 */
import { after, before, describe } from 'node:test';
import { createTestWorld, type TestClient, type TestWorld } from '../../../../test/support/test-platform';
import { complaintBody, docBody, fullScores, ok, reviewBody, seedBodies, type ReviewWorld } from './test/fixtures';
import { addUser, fromResponse, transitionMatrix, type TransitionOverride } from '../../../../test/support/transition-matrix';
import type { MachineDef } from '../../../kernel/shared/define-machine';
import { complaintMachine, docMachine, reviewMachine } from './review-machine';

const TODAY = '2026-09-15';
const PERMITTED: Record<string, string> = { review: 'supervisorA', supervise: 'supervisorA', report: 'liaisonA' };
/** Users holding read scope over the record but not the transition's permission. */
const WITHOUT: Record<string, string[]> = { review: ['liaisonA', 'office', 'leaderA'], supervise: ['liaisonA', 'office', 'leaderA'], report: ['supervisorA', 'office', 'leaderA'] };
/**
 * The out-of-acting-scope user: a 甲县 (county) account with the built-in leader role (reads the county) and
 * department_liaison role (report, 本单位 = the county itself), plus — since review and supervise are built in
 * only at 本辖区 — a role of the test's own with them for 本单位 only.
 */
const COUNTY_ACCOUNT = 'countyEnforcement';

const INPUT: Record<string, Record<string, unknown>> = {
  startSampling: {},
  startScoring: {},
  finish: { finishedDate: TODAY },
  reply: { replyDate: TODAY, replyContent: '已整改' },
  accept: { closedDate: TODAY, closingOpinion: '通过' },
  returnReply: { returnReason: '材料不全' },
  assign: { verifyDueDate: '2026-09-30', assignNote: '请核查' },
  dismiss: { reason: '不属于执法监督范围' },
  submitVerification: { result: 'unfounded', findings: '经核查不属实', verifiedDate: TODAY },
  returnVerification: { verifyDueDate: '2026-09-30', reason: '核查不充分' },
  conclude: { conclusion: '已答复', concludedDate: TODAY },
};

describe('流转矩阵：评查活动、执法监督文书、投诉举报', () => {
  let world: TestWorld;
  let rw: ReviewWorld;
  const clients: Record<string, TestClient> = {};
  const as = (u: string) => clients[u]!;
  const act = async (url: string, id: number, name: string, version: number, user: string) => ok(await as(user).post(`${url}/${id}/transitions/${name}`, { version, input: INPUT[name] }), name);

  before(async () => {
    world = await createTestWorld({ now: `${TODAY}T10:00:00` });
    rw = await seedBodies(world, 2);
    await addUser(world, COUNTY_ACCOUNT, 'countyA', ['leader', 'department_liaison', { scope: 'unit', permissions: ['enforcement:review', 'enforcement:supervise'] }]);
    for (const u of ['supervisorA', 'liaisonA', 'liaisonB', 'office', 'leaderA', COUNTY_ACCOUNT]) clients[u] = await world.login(u);
  });
  after(async () => world?.close());

  const makeReview = async (state: string) => {
    const sup = as('supervisorA');
    let r = ok(await sup.post('/api/enforcement/reviews', reviewBody([rw.bodyA.id])), '新建');
    if (state === 'draft') return r;
    r = await act('/api/enforcement/reviews', r.id, 'startSampling', r.version, 'supervisorA');
    const s = ok(await sup.post(`/api/enforcement/reviews/${r.id}/sample`, { version: r.version, mode: 'random', perBody: 1, seed: 'MATRIX' }), '抽取');
    r = s.review;
    if (state === 'sampling') return r;
    r = await act('/api/enforcement/reviews', r.id, 'startScoring', r.version, 'supervisorA');
    const f = ok(await sup.get(`/api/enforcement/reviews/${r.id}`), '详情').files[0];
    ok(await sup.post(`/api/enforcement/reviews/files/${f.id}/score`, { version: f.version, scores: fullScores(), reviewers: ['评查员甲', '评查员乙'], problems: [] }), '打分');
    if (state === 'scoring') return r;
    return act('/api/enforcement/reviews', r.id, 'finish', r.version, 'supervisorA');
  };
  const makeDoc = async (state: string) => {
    let d = ok(await as('supervisorA').post('/api/enforcement/supervision', docBody(rw.bodyA.id, { issuedDate: TODAY, servedDate: TODAY })), '签发');
    if (state === 'issued') return d;
    d = await act('/api/enforcement/supervision', d.id, 'reply', d.version, 'liaisonA');
    if (state === 'replied') return d;
    return act('/api/enforcement/supervision', d.id, 'accept', d.version, 'supervisorA');
  };
  const makeComplaint = async (state: string) => {
    let c = ok(await as('supervisorA').post('/api/enforcement/complaints', complaintBody(rw.bodyA.id, { receivedDate: TODAY })), '登记');
    if (state === 'registered') return c;
    if (state === 'dismissed') return act('/api/enforcement/complaints', c.id, 'dismiss', c.version, 'supervisorA');
    c = await act('/api/enforcement/complaints', c.id, 'assign', c.version, 'supervisorA');
    if (state === 'verifying') return c;
    c = await act('/api/enforcement/complaints', c.id, 'submitVerification', c.version, 'liaisonA');
    if (state === 'verified') return c;
    return act('/api/enforcement/complaints', c.id, 'conclude', c.version, 'supervisorA');
  };

  const KINDS: [string, MachineDef, string, (state: string) => Promise<{ id: number }>][] = [
    ['评查活动', reviewMachine, '/api/enforcement/reviews', makeReview],
    ['执法监督文书', docMachine, '/api/enforcement/supervision', makeDoc],
    ['投诉举报', complaintMachine, '/api/enforcement/complaints', makeComplaint],
  ];
  for (const [title, machine, url, make] of KINDS) {
    const actors = (permission: string) => ({ allowed: [PERMITTED[permission]!], noPermission: WITHOUT[permission]!, outOfReadScope: ['liaisonB'], readButNotAct: [COUNTY_ACCOUNT] });
    transitionMatrix({
      title,
      machine,
      build: async (state) => (await make(state)).id,
      input: Object.fromEntries(Object.keys(machine.transitions).map((n) => [n, INPUT[n]!])),
      act: async (user, id, name, input, version) => fromResponse(await as(user).post(`${url}/${id}/transitions/${name}`, { version, input })),
      read: async (id) => ok(await as('supervisorA').get(`${url}/${id}`), '详情').record,
      canRead: async (user, id) => (await as(user).get(`${url}/${id}`)).status === 200,
      actors: actors('review'),
      transitions: Object.fromEntries(
        Object.entries(machine.transitions).map(([name, def]): [string, TransitionOverride<number>] => {
          const a = actors(def.permission);
          // A draft review has no files yet, so the body's liaison cannot see it: 404, not 403.
          if (name === 'startSampling') return [name, { actors: { ...a, noPermission: a.noPermission.filter((u) => u !== 'liaisonA'), outOfReadScope: [...a.outOfReadScope, 'liaisonA'] } }];
          return [name, { actors: a }];
        }),
      ),
    });
  }
});
