/**
 * Every transition of the request machine × (a) every state outside its `from`, (b) a reader without
 * the permission, (c) a handler of another county, (d) the permitted user from each valid state.
 * Generated from `requestMachine`, so a new transition or state is covered without editing this file.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { registerVia } from '../../../test/support/disclosure-fixtures';
import { loginAt } from '../../../test/support/disclosure-helpers';
import { requestMachine } from './request-machine';

type State = keyof typeof requestMachine.states;
const STATES = Object.keys(requestMachine.states) as State[];
const TRANSITIONS = Object.entries(requestMachine.transitions);
const TODAY = '2026-11-23';

/** Valid input for each transition on TODAY (records are received on TODAY unless said otherwise). */
const INPUT: Record<string, Record<string, unknown>> = {
  accept: {},
  requestCorrection: { correctionItems: '请明确所需信息的时间范围', correctionDeadline: '2026-12-07' },
  receiveCorrection: { correctedDate: TODAY },
  markAbandoned: { reason: '申请人逾期未补正' },
  startConsultation: { consultationParty: '某某公司', consultationStartedOn: TODAY },
  endConsultation: { consultationEndedOn: TODAY, consultationOpinion: '同意公开' },
  extend: { extensionDays: 5, reason: '需要调取档案' },
  reply: { replyType: 'disclosed', replySummary: '予以公开', repliedDate: TODAY },
  withdraw: { reason: '申请人书面撤回' },
};

/** Who may perform a transition (the approver extends; handlers do the rest). */
const USER_FOR_PERMISSION: Record<string, string> = { handle: 'handlerA', approveExtension: 'approverA' };

describe('依申请公开状态机：每个操作 × 状态 × 用户', () => {
  let world: TestWorld;
  const as: Record<string, TestClient> = {};
  /** Requests awaiting correction whose deadline has passed (only those may be marked abandoned, 第30条). */
  const lapsed: number[] = [];
  /** One record in each state, used by the wrong-state cases (which must leave them unchanged). */
  const inState = {} as Record<State, number>;

  const post = (user: string, id: number, name: string, version: number, input: Record<string, unknown>) =>
    as[user]!.post(`/api/disclosure/requests/${id}/transitions/${name}`, { version, input });
  const detail = async (id: number) => {
    const res = await as.handlerA!.get(`/api/disclosure/requests/${id}`);
    assert.equal(res.status, 200);
    return res.body as { record: { status: string; version: number; updatedAt: string }; history: { transition: string; fromState: string; toState: string; actorName: string }[] };
  };
  const step = async (id: number, name: string) => {
    const d = await detail(id);
    const user = USER_FOR_PERMISSION[requestMachine.transitions[name]!.permission]!;
    const res = await post(user, id, name, d.record.version, INPUT[name]!);
    assert.equal(res.status, 200, `${name}: ${JSON.stringify(res.body)}`);
  };

  /** Builds a request in `state` through the API. */
  const build = async (state: State): Promise<number> => {
    const { id } = await registerVia(as.handlerA!, world.units.countyAGov, { receivedDate: TODAY });
    switch (state) {
      case 'registered':
        break;
      case 'awaiting_correction':
        await step(id, 'requestCorrection');
        break;
      case 'processing':
        await step(id, 'accept');
        break;
      case 'consulting':
        await step(id, 'accept');
        await step(id, 'startConsultation');
        break;
      case 'replied':
        await step(id, 'reply');
        break;
      case 'withdrawn':
        await step(id, 'withdraw');
        break;
      case 'abandoned': {
        const lapsedId = lapsed.pop();
        assert.ok(lapsedId, '过期待补正的申请不够用');
        await step(lapsedId, 'markAbandoned');
        return lapsedId;
      }
      default: {
        const never: never = state;
        throw new Error(`没有构造 ${String(never)} 状态的办法`);
      }
    }
    assert.equal((await detail(id)).record.status, state);
    return id;
  };

  before(async () => {
    world = await createTestWorld({ now: `${TODAY}T09:00:00` });
    // Requests whose 补正 deadline (11-03) has passed by TODAY.
    const [early] = await loginAt(world, '2026-11-02', 'handlerA');
    for (let i = 0; i < 3; i += 1) {
      const r = await registerVia(early!, world.units.countyAGov, { receivedDate: '2026-11-02' });
      const res = await early!.post(`/api/disclosure/requests/${r.id}/transitions/requestCorrection`, {
        version: r.version,
        input: { correctionItems: '请补充身份证明', correctionDeadline: '2026-11-03' },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      lapsed.push(r.id);
    }
    const users = ['handlerA', 'approverA', 'leaderA', 'handlerB'];
    const clients = await loginAt(world, TODAY, ...users);
    users.forEach((u, i) => (as[u] = clients[i]!));
    for (const s of STATES) inState[s] = await build(s);
  });
  after(() => world.close());

  test('状态机声明完整：每个状态可达，每个操作有测试输入与操作人', () => {
    assert.deepEqual(Object.keys(INPUT).sort(), TRANSITIONS.map(([n]) => n).sort());
    for (const [, def] of TRANSITIONS) assert.ok(USER_FOR_PERMISSION[def.permission], def.permission);
    for (const s of STATES) assert.ok(s === requestMachine.initial || TRANSITIONS.some(([, d]) => d.to === s), `${s} 不可达`);
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
          assert.match(res.body.message, /[\u4e00-\u9fff]/);
          const afterwards = await detail(id);
          assert.deepEqual(afterwards.record, before.record);
          assert.equal(afterwards.history.length, before.history.length);
        });
      }

      test(`(b) 只有查阅权限的 leaderA: 403，记录不变`, async () => {
        const id = await build(def.from[0]!);
        const before = await detail(id);
        // leaderA can read the record…
        assert.equal((await as.leaderA!.get(`/api/disclosure/requests/${id}`)).status, 200);
        const res = await post('leaderA', id, name, before.record.version, INPUT[name]!);
        assert.equal(res.status, 403, JSON.stringify(res.body));
        assert.equal(res.body.code, 'FORBIDDEN');
        const afterwards = await detail(id);
        assert.deepEqual(afterwards.record, before.record);
        assert.equal(afterwards.history.length, before.history.length);
      });

      test(`(c) 乙县的 handlerB（不在数据范围内）: 404，记录不变`, async () => {
        const id = await build(def.from[0]!);
        const before = await detail(id);
        const res = await post('handlerB', id, name, before.record.version, INPUT[name]!);
        assert.equal(res.status, 404, JSON.stringify(res.body));
        assert.equal(res.body.code, 'NOT_FOUND');
        const afterwards = await detail(id);
        assert.deepEqual(afterwards.record, before.record);
        assert.equal(afterwards.history.length, before.history.length);
      });

      for (const from of def.from) {
        test(`(d) ${permitted} 从 ${from}: 200，状态变为 ${def.to}，留有流转记录`, async () => {
          const id = name === 'markAbandoned' ? lapsed.pop()! : await build(from);
          assert.ok(id);
          const before = await detail(id);
          assert.equal(before.record.status, from);
          const res = await post(permitted, id, name, before.record.version, INPUT[name]!);
          assert.equal(res.status, 200, JSON.stringify(res.body));
          assert.equal(res.body.status, def.to);
          assert.equal(res.body.version, before.record.version + 1);
          const afterwards = await detail(id);
          assert.equal(afterwards.record.status, def.to);
          assert.equal(afterwards.history.length, before.history.length + 1);
          const last = afterwards.history.at(-1)!;
          assert.equal(last.transition, name);
          assert.equal(last.fromState, from);
          assert.equal(last.toState, def.to);
          assert.equal(last.actorName, permitted);
        });
      }
    });
  }
});
