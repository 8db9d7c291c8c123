/**
 * The request machine's transition matrix through the API (test/support/transition-matrix.ts): every
 * transition × every state outside its `from`, a reader without the permission (403), a handler of another
 * county (404), a county reader who may handle only its own unit (403, out of acting scope), and the
 * permitted user from each valid state, with the history entry it leaves. Generated from `requestMachine`.
 */
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { registerVia } from './test/fixtures';
import { loginAt } from '../../../test/support/disclosure-helpers';
import { addUser, fromResponse, transitionMatrix, type TransitionOverride } from '../../../test/support/transition-matrix';
import { requestMachine } from './request-machine';

type State = keyof typeof requestMachine.states;
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

/**
 * No built-in role reads wider than it handles (all disclosure roles are 本级及下级), so the out-of-acting-scope
 * user is a 甲县 (county) account holding the built-in leader role (reads the county) and a role of the test's
 * own with handle and approveExtension for 本单位 only: it sees 甲政办's requests but may not act on them.
 */
const COUNTY_READER = 'countyDisclosure';

let world: TestWorld;
const as: Record<string, TestClient> = {};
/** Requests awaiting correction whose deadline has passed (only those may be marked abandoned, 第30条). */
const lapsed: number[] = [];

const post = (user: string, id: number, name: string, version: number, input: Record<string, unknown>) =>
  as[user]!.post(`/api/disclosure/requests/${id}/transitions/${name}`, { version, input });
type Detail = { record: { status: string; version: number }; history: { transition: string; fromState: string; toState: string; actorName: string }[] };
const detail = async (id: number) => {
  const res = await as.handlerA!.get(`/api/disclosure/requests/${id}`);
  assert.equal(res.status, 200);
  return res.body as Detail;
};
const step = async (id: number, name: string) => {
  const d = await detail(id);
  const res = await post(USER_FOR_PERMISSION[requestMachine.transitions[name]!.permission]!, id, name, d.record.version, INPUT[name]!);
  assert.equal(res.status, 200, `${name}: ${JSON.stringify(res.body)}`);
};

/** Builds a request in `state` through the API. */
const build = async (state: string): Promise<number> => {
  if ((state as State) === 'abandoned') {
    const lapsedId = lapsed.pop();
    assert.ok(lapsedId, '过期待补正的申请不够用');
    await step(lapsedId, 'markAbandoned');
    return lapsedId;
  }
  const { id } = await registerVia(as.handlerA!, world.units.countyAGov, { receivedDate: TODAY });
  const path: Record<Exclude<State, 'abandoned'>, string[]> = {
    registered: [],
    awaiting_correction: ['requestCorrection'],
    processing: ['accept'],
    consulting: ['accept', 'startConsultation'],
    replied: ['reply'],
    withdrawn: ['withdraw'],
  };
  for (const name of path[state as Exclude<State, 'abandoned'>]) await step(id, name);
  return id;
};

transitionMatrix({
  title: '依申请公开状态机：每个操作 × 状态 × 用户',
  machine: requestMachine,
  setup: async () => {
    world = await createTestWorld({ now: `${TODAY}T09:00:00` });
    // Requests whose 补正 deadline (11-03) has passed by TODAY.
    const [early] = await loginAt(world, '2026-11-02', 'handlerA');
    for (let i = 0; i < 2; i += 1) {
      const r = await registerVia(early!, world.units.countyAGov, { receivedDate: '2026-11-02' });
      const res = await early!.post(`/api/disclosure/requests/${r.id}/transitions/requestCorrection`, {
        version: r.version,
        input: { correctionItems: '请补充身份证明', correctionDeadline: '2026-11-03' },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      lapsed.push(r.id);
    }
    await addUser(world, COUNTY_READER, 'countyA', ['leader', { scope: 'unit', permissions: ['disclosure:read', 'disclosure:handle', 'disclosure:approveExtension'] }]);
    const users = ['handlerA', 'approverA', 'leaderA', 'handlerB', COUNTY_READER];
    const clients = await loginAt(world, TODAY, ...users);
    users.forEach((u, i) => (as[u] = clients[i]!));
  },
  teardown: () => world.close(),
  build,
  input: INPUT,
  act: async (user, id, name, input, version) => fromResponse(await post(user, id, name, version, input)),
  read: async (id) => {
    const d = await detail(id);
    return { ...d.record, history: d.history };
  },
  canRead: async (user, id) => (await as[user]!.get(`/api/disclosure/requests/${id}`)).status === 200,
  actors: { allowed: ['handlerA'], noPermission: ['leaderA'], outOfReadScope: ['handlerB'], readButNotAct: [COUNTY_READER] },
  transitions: Object.fromEntries(
    Object.entries(requestMachine.transitions).map(([name, def]): [string, TransitionOverride<number>] => [
      name,
      {
        actors: { allowed: [USER_FOR_PERMISSION[def.permission]!] },
        ...(name === 'markAbandoned' ? { buildAllowed: async () => ({ id: lapsed.pop()! }) } : {}),
      },
    ]),
  ),
  afterAllowed: ({ name, def, from, actor, before, after }) => {
    const history = after.history as Detail['history'];
    assert.equal(history.length, (before.history as unknown[]).length + 1);
    const last = history.at(-1)!;
    assert.deepEqual([last.transition, last.fromState, last.toState, last.actorName], [name, from, def.to, actor]);
  },
});
