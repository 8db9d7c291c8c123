/**
 * Every transition of the order machine × (a) every state outside its `from` (409, unchanged), (b) leaderA
 * who may only read (403), (c) liaisonB of another county (404), (d) the permitted user from each valid
 * state (200). Generated from `orderMachine`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { loginAt } from '../../../test/support/disclosure-helpers';
import { CLOSE, issueVia, SUBMIT } from '../../../test/support/inspection-fixtures';
import { orderMachine } from './order-machine';

type State = keyof typeof orderMachine.states;
const STATES = Object.keys(orderMachine.states) as State[];
const TRANSITIONS = Object.entries(orderMachine.transitions);
// Orders are issued on 2026-11-02 due 2026-11-13 and acted on TODAY, when they are overdue.
const ISSUED = '2026-11-02';
const TODAY = '2026-11-23';

const interview = { interviewedOn: TODAY, headName: '张局长', participants: '分管副局长、法制科长', interviewSummary: '要求限期整改' };
const notice = { noticeNo: '测治办通报〔2026〕1号', noticeContent: '整改不力，予以通报。', noticePublishedOn: TODAY };
const INPUT: Record<string, Record<string, unknown>> = {
  submitRectification: SUBMIT,
  close: CLOSE,
  returnForRework: { reason: '整改不到位', dueDate: '2026-12-11' },
  recordInterview: interview,
  recordInterviewReturned: interview,
  issueNotice: notice,
  issueNoticeReturned: notice,
  withdraw: { reason: '重复督办' },
};
const USER_FOR_PERMISSION: Record<string, string> = { rectify: 'liaisonA', verify: 'office', issue: 'office' };

describe('督办单状态机：每个操作 × 状态 × 用户', () => {
  let world: TestWorld;
  const as: Record<string, TestClient> = {};
  const inState = {} as Record<State, number>;
  const pool: Record<State, number[]> = { issued: [], submitted: [], returned: [], closed: [], withdrawn: [] };

  const post = (user: string, id: number, name: string, version: number, input: Record<string, unknown>) =>
    as[user]!.post(`/api/inspection/orders/${id}/transitions/${name}`, { version, input });
  const detail = async (id: number) => {
    const res = await as.office!.get(`/api/inspection/orders/${id}`);
    assert.equal(res.status, 200);
    return res.body as { record: { status: string; version: number }; history: { transition: string; fromState: string; toState: string; actorName: string }[] };
  };
  const step = async (id: number, name: string) => {
    const d = await detail(id);
    const res = await post(USER_FOR_PERMISSION[orderMachine.transitions[name]!.permission]!, id, name, d.record.version, INPUT[name]!);
    assert.equal(res.status, 200, `${name}: ${JSON.stringify(res.body)}`);
  };
  const build = async (state: State): Promise<number> => {
    // Returned orders come from the pool returned on 11-05 with a new deadline of 11-10: overdue by TODAY.
    const id = state === 'returned' ? pool.returned.pop() : pool.issued.pop();
    assert.ok(id, '预先准备的督办单不够用');
    if (state === 'submitted' || state === 'closed') await step(id, 'submitRectification');
    if (state === 'closed') await step(id, 'close');
    if (state === 'withdrawn') await step(id, 'withdraw');
    assert.equal((await detail(id)).record.status, state);
    return id;
  };

  before(async () => {
    world = await createTestWorld({ now: `${ISSUED}T09:00:00` });
    const [early] = await loginAt(world, ISSUED, 'office');
    for (let i = 0; i < 60; i += 1) pool.issued.push((await issueVia(early!, world.units.countyADept, { dueDate: '2026-11-13' })).id);
    const [o5, l5] = await loginAt(world, '2026-11-05', 'office', 'liaisonA');
    for (let i = 0; i < 12; i += 1) {
      const id = pool.issued.pop()!;
      let v = (await o5!.get(`/api/inspection/orders/${id}`)).body.record.version;
      v = (await l5!.post(`/api/inspection/orders/${id}/transitions/submitRectification`, { version: v, input: { ...SUBMIT, completedOn: '2026-11-05' } })).body.version;
      const r = await o5!.post(`/api/inspection/orders/${id}/transitions/returnForRework`, { version: v, input: { reason: '不到位', dueDate: '2026-11-10' } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      pool.returned.push(id);
    }
    const users = ['office', 'liaisonA', 'leaderA', 'liaisonB'];
    const clients = await loginAt(world, TODAY, ...users);
    users.forEach((u, i) => (as[u] = clients[i]!));
    for (const s of STATES) inState[s] = await build(s);
  });
  after(() => world.close());

  test('状态机声明完整：每个操作有测试输入与操作人', () => {
    assert.deepEqual(Object.keys(INPUT).sort(), TRANSITIONS.map(([n]) => n).sort());
    for (const [, def] of TRANSITIONS) assert.ok(USER_FOR_PERMISSION[def.permission], def.permission);
  });

  for (const [name, def] of TRANSITIONS) {
    const permitted = USER_FOR_PERMISSION[def.permission]!;
    describe(`${name}（${def.label}）: ${def.from.join('、')} → ${def.to}`, () => {
      for (const state of STATES.filter((s) => !(def.from as readonly string[]).includes(s))) {
        test(`(a) 当前为 ${state}: 409 INVALID_STATE，记录不变`, async () => {
          const id = inState[state];
          const before = await detail(id);
          const res = await post(permitted, id, name, before.record.version, INPUT[name]!);
          assert.equal(res.status, 409, JSON.stringify(res.body));
          assert.equal(res.body.code, 'INVALID_STATE');
          assert.deepEqual(await detail(id), before);
        });
      }
      test('(b) 只有查阅权限的 leaderA: 403，记录不变', async () => {
        const id = await build(def.from[0]!);
        const before = await detail(id);
        assert.equal((await as.leaderA!.get(`/api/inspection/orders/${id}`)).status, 200);
        const res = await post('leaderA', id, name, before.record.version, INPUT[name]!);
        assert.equal(res.status, 403, JSON.stringify(res.body));
        assert.deepEqual(await detail(id), before);
      });
      test('(c) 乙县的 liaisonB（不在数据范围内）: 404，记录不变', async () => {
        const id = await build(def.from[0]!);
        const before = await detail(id);
        const res = await post('liaisonB', id, name, before.record.version, INPUT[name]!);
        assert.equal(res.status, 404, JSON.stringify(res.body));
        assert.deepEqual(await detail(id), before);
      });
      for (const from of def.from) {
        test(`(d) ${permitted} 从 ${from}: 200，状态变为 ${def.to}，留有流转记录`, async () => {
          const id = await build(from);
          const before = await detail(id);
          const res = await post(permitted, id, name, before.record.version, INPUT[name]!);
          assert.equal(res.status, 200, JSON.stringify(res.body));
          assert.equal(res.body.status, def.to);
          const afterwards = await detail(id);
          assert.equal(afterwards.history.length, before.history.length + 1);
          const last = afterwards.history.at(-1)!;
          assert.deepEqual([last.transition, last.fromState, last.toState, last.actorName], [name, from, def.to, permitted]);
        });
      }
    });
  }
});
