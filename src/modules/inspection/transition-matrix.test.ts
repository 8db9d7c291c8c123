/**
 * The order machine's transition matrix through the API (test/support/transition-matrix.ts): every
 * transition × every state outside its `from` (409, unchanged), leaderA who may only read (403), liaisonB of
 * another county (404), a county liaison who reads the county's orders but acts only for its own unit (403,
 * out of acting scope), and the permitted user from each valid state (200, with its history entry).
 */
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { loginAt } from '../../../test/support/disclosure-helpers';
import { CLOSE, issueVia, SUBMIT } from './test/fixtures';
import { addUser, fromResponse, transitionMatrix, type TransitionOverride } from '../../../test/support/transition-matrix';
import { orderMachine } from './order-machine';

type State = keyof typeof orderMachine.states;
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

/**
 * The out-of-acting-scope user: a 甲县 (county) account with the built-in leader role (reads the county's
 * orders) and department_liaison role (rectify, 本单位 = the county itself), plus — since no built-in role holds
 * verify or issue below 全部 — a role of the test's own with verify and issue for 本单位 only.
 */
const COUNTY_LIAISON = 'countyLiaison';

let world: TestWorld;
const as: Record<string, TestClient> = {};
const pool: Record<'issued' | 'returned', number[]> = { issued: [], returned: [] };

const post = (user: string, id: number, name: string, version: number, input: Record<string, unknown>) =>
  as[user]!.post(`/api/inspection/orders/${id}/transitions/${name}`, { version, input });
type Detail = { record: { status: string; version: number }; history: { transition: string; fromState: string; toState: string; actorName: string }[] };
const detail = async (id: number) => {
  const res = await as.office!.get(`/api/inspection/orders/${id}`);
  assert.equal(res.status, 200);
  return res.body as Detail;
};
const step = async (id: number, name: string) => {
  const d = await detail(id);
  const res = await post(USER_FOR_PERMISSION[orderMachine.transitions[name]!.permission]!, id, name, d.record.version, INPUT[name]!);
  assert.equal(res.status, 200, `${name}: ${JSON.stringify(res.body)}`);
};
const build = async (state: string): Promise<number> => {
  // Returned orders come from the pool returned on 11-05 with a new deadline of 11-10: overdue by TODAY.
  const id = (state as State) === 'returned' ? pool.returned.pop() : pool.issued.pop();
  assert.ok(id, '预先准备的督办单不够用');
  if (state === 'submitted' || state === 'closed') await step(id, 'submitRectification');
  if (state === 'closed') await step(id, 'close');
  if (state === 'withdrawn') await step(id, 'withdraw');
  return id;
};
/** Orders each state needs: one shared for the refusals, one per allowed run from it. */
const needed = (state: State) => 1 + Object.values(orderMachine.transitions).filter((d) => (d.from as readonly string[]).includes(state)).length;

transitionMatrix({
  title: '督办单状态机：每个操作 × 状态 × 用户',
  machine: orderMachine,
  setup: async () => {
    world = await createTestWorld({ now: `${ISSUED}T09:00:00` });
    const returned = needed('returned');
    const issued = (Object.keys(orderMachine.states) as State[]).filter((s) => s !== 'returned').reduce((n, s) => n + needed(s), 0) + returned;
    const [early] = await loginAt(world, ISSUED, 'office');
    for (let i = 0; i < issued; i += 1) pool.issued.push((await issueVia(early!, world.units.countyADept, { dueDate: '2026-11-13' })).id);
    const [o5, l5] = await loginAt(world, '2026-11-05', 'office', 'liaisonA');
    for (let i = 0; i < returned; i += 1) {
      const id = pool.issued.pop()!;
      let v = (await o5!.get(`/api/inspection/orders/${id}`)).body.record.version;
      v = (await l5!.post(`/api/inspection/orders/${id}/transitions/submitRectification`, { version: v, input: { ...SUBMIT, completedOn: '2026-11-05' } })).body.version;
      const r = await o5!.post(`/api/inspection/orders/${id}/transitions/returnForRework`, { version: v, input: { reason: '不到位', dueDate: '2026-11-10' } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      pool.returned.push(id);
    }
    await addUser(world, COUNTY_LIAISON, 'countyA', ['leader', 'department_liaison', { scope: 'unit', permissions: ['inspection:verify', 'inspection:issue'] }]);
    const users = ['office', 'liaisonA', 'leaderA', 'liaisonB', COUNTY_LIAISON];
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
  canRead: async (user, id) => (await as[user]!.get(`/api/inspection/orders/${id}`)).status === 200,
  actors: { allowed: ['liaisonA'], noPermission: ['leaderA'], outOfReadScope: ['liaisonB'], readButNotAct: [COUNTY_LIAISON] },
  transitions: Object.fromEntries(
    Object.entries(orderMachine.transitions).map(([name, def]): [string, TransitionOverride<number>] => [name, { actors: { allowed: [USER_FOR_PERMISSION[def.permission]!] } }]),
  ),
  afterAllowed: ({ name, def, from, actor, before, after }) => {
    const history = after.history as Detail['history'];
    assert.equal(history.length, (before.history as unknown[]).length + 1);
    const last = history.at(-1)!;
    assert.deepEqual([last.transition, last.fromState, last.toState, last.actorName], [name, from, def.to, actor]);
  },
});
