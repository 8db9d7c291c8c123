/**
 * Every transition of the three review-area machines × every state: refused outside its `from` states (409,
 * record unchanged), refused to users without its permission (403) and to users without read scope (404), and
 * applied by the permitted user from each valid state. Generated from the machine declarations.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../../test/support/test-platform';
import { complaintBody, docBody, fullScores, ok, reviewBody, seedBodies, type ReviewWorld } from '../../../../test/support/enforcement-review-fixtures';
import type { MachineDef } from '../../../kernel/shared/define-machine';
import { complaintMachine, docMachine, reviewMachine } from './review-machine';

const TODAY = '2026-09-15';
const PERMITTED: Record<string, string> = { review: 'supervisorA', supervise: 'supervisorA', report: 'liaisonA' };
/** Users holding read scope over the record but not the transition's permission. */
const WITHOUT: Record<string, string[]> = { review: ['liaisonA', 'office', 'leaderA'], supervise: ['liaisonA', 'office', 'leaderA'], report: ['supervisorA', 'office', 'leaderA'] };

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

interface Kind {
  machine: MachineDef;
  url: string;
  make: (state: string) => Promise<{ id: number; version: number }>;
}

describe('流转矩阵：评查活动、执法监督文书、投诉举报', () => {
  let world: TestWorld;
  let rw: ReviewWorld;
  const clients: Record<string, TestClient> = {};
  const as = (u: string) => clients[u]!;
  const kinds: Kind[] = [];

  before(async () => {
    world = await createTestWorld({ now: `${TODAY}T10:00:00` });
    rw = await seedBodies(world, 2);
    for (const u of ['supervisorA', 'liaisonA', 'liaisonB', 'office', 'leaderA']) clients[u] = await world.login(u);
    const act = async (url: string, id: number, name: string, version: number, user: string) => ok(await as(user).post(`${url}/${id}/transitions/${name}`, { version, input: INPUT[name] }), name);

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
    kinds.push({ machine: reviewMachine, url: '/api/enforcement/reviews', make: makeReview });
    kinds.push({ machine: docMachine, url: '/api/enforcement/supervision', make: makeDoc });
    kinds.push({ machine: complaintMachine, url: '/api/enforcement/complaints', make: makeComplaint });
  });
  after(async () => world?.close());

  const statusOf = async (k: Kind, id: number) => {
    const res = await as('supervisorA').get(`${k.url}/${id}`);
    return { status: res.body.record.status as string, version: res.body.record.version as number };
  };

  for (const [label, machine] of [
    ['评查活动', reviewMachine],
    ['执法监督文书', docMachine],
    ['投诉举报', complaintMachine],
  ] as const) {
    for (const [name, def] of Object.entries(machine.transitions)) {
      test(`${label} ${name}（${def.label}）：各状态与各用户`, async () => {
        const k = kinds.find((x) => x.machine === machine)!;
        for (const state of Object.keys(machine.states)) {
          const rec = await k.make(state);
          const res = await as(PERMITTED[def.permission]!).post(`${k.url}/${rec.id}/transitions/${name}`, { version: rec.version, input: INPUT[name] });
          if ((def.from as readonly string[]).includes(state)) {
            assert.equal(res.status, 200, `${state} → ${name}: ${JSON.stringify(res.body)}`);
            assert.equal(res.body.status, def.to);
          } else {
            assert.equal(res.status, 409, `${state} 不能 ${name}`);
            assert.deepEqual(await statusOf(k, rec.id), { status: state, version: rec.version }, '记录不变');
          }
        }
        const rec = await k.make(def.from[0]!);
        for (const u of WITHOUT[def.permission]!) {
          const res = await as(u).post(`${k.url}/${rec.id}/transitions/${name}`, { version: rec.version, input: INPUT[name] });
          assert.ok([403, 404].includes(res.status), `${u} 无权 ${name}: ${res.status}`);
        }
        const outsider = await as('liaisonB').post(`${k.url}/${rec.id}/transitions/${name}`, { version: rec.version, input: INPUT[name] });
        assert.equal(outsider.status, 404, '乙县用户看不到甲县的记录');
        assert.deepEqual(await statusOf(k, rec.id), { status: def.from[0], version: rec.version }, '被拒绝后记录不变');
      });
    }
  }
});
