/**
 * Test support: the transition matrix of a declared state machine, generated from the machine itself.
 * For every transition it generates node:test tests that
 *   - refuse it from every state outside `from` (INVALID_STATE) and leave the record unchanged;
 *   - refuse it to users without its permission (FORBIDDEN), record unchanged;
 *   - refuse it to users without read scope over the record (NOT_FOUND), record unchanged;
 *   - refuse it to users who can read the record but whose scope for the transition's permission does not
 *     cover it (FORBIDDEN, reason `out_of_acting_scope` — the kernel's 办理范围), record unchanged;
 *   - apply it for each allowed user from every `from` state (status becomes `to`, version + 1).
 * A new transition or state of the machine is covered without editing the test; a transition without test
 * input, or a state nobody can build, fails the first test.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inArray } from 'drizzle-orm';
import { AppError } from '../../src/kernel/errors/app-error';
import { APP_ERROR_STATUS, type AppErrorCode } from '../../src/kernel/shared/app-error-codes';
import type { Ctx } from '../../src/kernel/context';
import type { DataScope } from '../../src/kernel/db/schema';
import { role } from '../../src/kernel/db/schema';
import { insertUser } from '../../src/kernel/auth/user-service';
import type { MachineDef, TransitionDef } from '../../src/kernel/shared/define-machine';
import { TEST_PASSWORD, type TestResponse, type TestUnits, type TestWorld } from './test-platform';

type Input = Record<string, unknown>;

/** The record as a privileged reader sees it; compared whole (deepEqual) to prove a refusal changed nothing. */
export interface Snapshot {
  status: string;
  version: number;
  [key: string]: unknown;
}

/** A user of a case; `build` gives the case its own record (e.g. one in another county), else the shared one. */
export type ActorCase<Id> = string | { actor: string; label?: string; build?: (state: string) => Promise<Id> };

export interface MatrixActors<Id> {
  /** Apply the transition successfully from every `from` state (each on a record of its own). */
  allowed: string[];
  /** Can read the record but hold no permission for the transition: FORBIDDEN. */
  noPermission: ActorCase<Id>[];
  /** Cannot read the record: NOT_FOUND. */
  outOfReadScope: ActorCase<Id>[];
  /** Can read the record and hold the permission, but its scope does not cover the record: FORBIDDEN. */
  readButNotAct: ActorCase<Id>[];
}

export interface TransitionOverride<Id> {
  /** Actors of this transition (e.g. a body replies while the supervisor closes); merged over the machine's. */
  actors?: Partial<MatrixActors<Id>>;
  /** The `from` state refusals are tried in (default: the first). */
  refuseFrom?: string;
  /** A record (and input, if it differs) for an allowed run from `state`, when the shared builder will not do. */
  buildAllowed?: (state: string, actor: string) => Promise<{ id: Id; input?: Input }>;
  /**
   * `from` states whose allowed run needs time to pass (a period that must first lapse, a hearing date
   * that must arrive): no run is generated here, and `where` names the test file that covers it.
   */
  allowedElsewhere?: { states: readonly string[]; where: string };
}

export interface TransitionMatrixSpec<Id = number> {
  /** The describe title, e.g. 行政应诉状态机. */
  title: string;
  machine: MachineDef;
  /** Runs before the matrix (e.g. creates the world) and after it (closes it). */
  setup?: () => Promise<void>;
  teardown?: () => Promise<void>;
  /** A record in `state`, built through the use cases or the API. */
  build: (state: string) => Promise<Id>;
  /** Valid input per transition (every transition must have one). */
  input: Record<string, Input>;
  /** Applies `name` as `actor`; rejects with an AppError on refusal (see `fromResponse` for HTTP). */
  act: (actor: string, id: Id, name: string, input: Input, version: number) => Promise<unknown>;
  /** The record as seen by a privileged reader: at least status and version. */
  read: (id: Id) => Promise<Snapshot>;
  /** Whether `actor` can read the record (checked for the FORBIDDEN cases, so they are not disguised 404s). */
  canRead?: (actor: string, id: Id) => Promise<boolean>;
  actors: MatrixActors<Id>;
  transitions?: Record<string, TransitionOverride<Id>>;
  /** How an out-of-acting-scope refusal is recognised (default: FORBIDDEN with reason `out_of_acting_scope`). */
  outOfActingScope?: (e: AppError) => boolean;
  /** Also check that a stale version loses with CONFLICT. */
  staleVersion?: boolean;
  /** Extra checks after an allowed run (history, actor name …). */
  afterAllowed?: (run: { id: Id; name: string; def: TransitionDef; from: string; actor: string; before: Snapshot; after: Snapshot; result: unknown }) => Promise<void> | void;
}

/** What an attempt came to: OK, or the AppError it was refused with. */
export const outcome = async (p: Promise<unknown>): Promise<{ code: 'OK'; result: unknown } | { code: AppErrorCode; error: AppError }> => {
  try {
    return { code: 'OK', result: await p };
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, error: e };
    throw e;
  }
};

/** An HTTP answer as a use case's: the body on 2xx, else the AppError of its body (its status checked against the code). */
export const fromResponse = (res: TestResponse): unknown => {
  if (res.status < 300) return res.body;
  const code = res.body?.code as AppErrorCode | undefined;
  assert.ok(code && code in APP_ERROR_STATUS, `未知的错误应答 ${res.status}: ${JSON.stringify(res.body)}`);
  assert.equal(res.status, APP_ERROR_STATUS[code], `${code} 应答 HTTP ${APP_ERROR_STATUS[code]}`);
  throw new AppError(code, res.body.message, { details: res.body.details });
};

/** A context whose actor's grants are replaced (a real user given, e.g., a wider read scope than acting scope). */
export const withGrants = (ctx: Ctx, grants: Record<string, DataScope>): Ctx => ({ ...ctx, actor: { ...ctx.actor!, grants } });

/**
 * Adds a user to the world (for tests through HTTP, where grants come from roles): built-in roles by code, and
 * roles of the test's own (`{ scope, permissions }`) as a security administrator could define them.
 */
export const addUser = async (world: TestWorld, username: string, unit: keyof TestUnits, roles: (string | { scope: DataScope; permissions: string[] })[]): Promise<string> => {
  const db = world.platform.services.db;
  const ids: number[] = [];
  const builtin = roles.filter((r): r is string => typeof r === 'string');
  if (builtin.length) ids.push(...(await db.select({ id: role.id }).from(role).where(inArray(role.code, builtin))).map((r) => r.id));
  for (const [i, r] of roles.entries()) {
    if (typeof r === 'string') continue;
    const [row] = await db.insert(role).values({ code: `${username}_${i}`, name: `${username} 的测试角色 ${i}`, scope: r.scope, permissions: r.permissions }).returning({ id: role.id });
    ids.push(row!.id);
  }
  const user = await insertUser(db, { username, displayName: username, orgId: world.units[unit], roleIds: ids, password: TEST_PASSWORD, mustChangePassword: false });
  world.users[username] = user.id;
  return username;
};

const caseOf = <Id>(c: ActorCase<Id>) => (typeof c === 'string' ? { actor: c, label: c } : { ...c, label: c.label ?? c.actor });
const names = <Id>(cases: ActorCase<Id>[]) => cases.map((c) => caseOf(c).label).join('、');
const label = (machine: MachineDef, state: string) => `${machine.states[state]?.label ?? state}（${state}）`;

/** Generates the transition matrix of one machine inside the caller's describe (whose `before` builds the world). */
export const transitionMatrix = <Id>(spec: TransitionMatrixSpec<Id>): void => {
  const { machine } = spec;
  const states = Object.keys(machine.states);
  const transitions = Object.entries(machine.transitions);
  // One record per state for the refusals, built once: a refusal leaves it as it was.
  const shared = new Map<string, Id>();
  const inState = async (state: string): Promise<Id> => {
    if (!shared.has(state)) shared.set(state, await spec.build(state));
    return shared.get(state)!;
  };
  const isActingScopeRefusal = spec.outOfActingScope ?? ((e: AppError) => e.code === 'FORBIDDEN' && e.details?.reason === 'out_of_acting_scope');

  /** Tries `name` as each actor of `cases` and expects `expect` with the record unchanged. */
  const refused = async (name: string, from: string, cases: ActorCase<Id>[], expect: (e: AppError) => boolean, what: string, readable: boolean | null) => {
    for (const c of cases.map(caseOf)) {
      const id = c.build ? await c.build(from) : await inState(from);
      const before = await spec.read(id);
      assert.equal(before.status, from);
      if (readable !== null && spec.canRead) assert.equal(await spec.canRead(c.actor, id), readable, `${c.label} ${readable ? '应能' : '不应能'}查看该记录`);
      const got = await outcome(spec.act(c.actor, id, name, spec.input[name]!, before.version));
      assert.ok(got.code !== 'OK' && expect(got.error), `${c.label} ${name}：应${what}，实际 ${got.code} ${got.code === 'OK' ? '' : JSON.stringify(got.error.details ?? got.error.userMessage)}`);
      assert.match(got.error.userMessage, /[\u4e00-\u9fff]/, '拒绝的理由是中文');
      assert.deepEqual(await spec.read(id), before, `${c.label} ${name}：被拒绝后记录不变`);
    }
  };

  describe(spec.title, () => {
    if (spec.setup) before(spec.setup);
    if (spec.teardown) after(spec.teardown);
    test('状态机声明完整：每个操作有测试输入，每个状态可达且能构造', async () => {
      assert.deepEqual(Object.keys(spec.input).sort(), transitions.map(([n]) => n).sort(), '每个操作都要有测试输入');
      for (const name of Object.keys(spec.transitions ?? {})) assert.ok(machine.transitions[name], `覆盖项 ${name} 不是本状态机的操作`);
      for (const s of states) assert.ok(s === machine.initial || transitions.some(([, d]) => d.to === s), `${s} 不可达`);
      for (const s of states) assert.equal((await spec.read(await inState(s))).status, s, `构造 ${s}`);
    });

    for (const [name, def] of transitions) {
      const over = spec.transitions?.[name] ?? {};
      const actors = { ...spec.actors, ...over.actors };
      const refuseFrom = over.refuseFrom ?? def.from[0]!;
      const head = `${name}（${def.label}）`;
      const wrong = states.filter((s) => !def.from.includes(s));

      describe(`${head}：${def.from.join('、')} → ${def.to}`, () => {
        if (wrong.length > 0) {
          test(`${head}：在 ${wrong.join('、')} 状态下拒绝（INVALID_STATE），记录不变`, async () => {
            for (const s of wrong) {
              const id = await inState(s);
              const before = await spec.read(id);
              const got = await outcome(spec.act(actors.allowed[0]!, id, name, spec.input[name]!, before.version));
              assert.ok(got.code === 'INVALID_STATE', `${name} 在 ${label(machine, s)}：应为 INVALID_STATE，实际 ${got.code}`);
              assert.match(got.error.userMessage, /[\u4e00-\u9fff]/);
              assert.deepEqual(await spec.read(id), before, `${name} 在 ${s}：记录不变`);
            }
          });
        }
        if (actors.noPermission.length > 0) {
          test(`${head}：无此操作权限的 ${names(actors.noPermission)} 被拒绝（FORBIDDEN），记录不变`, () =>
            refused(name, refuseFrom, actors.noPermission, (e) => e.code === 'FORBIDDEN', '因无权限被拒绝', true));
        }
        if (actors.outOfReadScope.length > 0) {
          test(`${head}：数据范围外的 ${names(actors.outOfReadScope)} 看不到记录（NOT_FOUND），记录不变`, () =>
            refused(name, refuseFrom, actors.outOfReadScope, (e) => e.code === 'NOT_FOUND', '查无此记录', false));
        }
        if (actors.readButNotAct.length > 0) {
          test(`${head}：能查看但不在办理范围内的 ${names(actors.readButNotAct)} 被拒绝（FORBIDDEN，不在办理范围），记录不变`, () =>
            refused(name, refuseFrom, actors.readButNotAct, isActingScopeRefusal, '因不在办理范围内被拒绝', true));
        }
        if (spec.staleVersion) {
          test(`${head}：版本已过期的办理被拒绝（CONFLICT），记录不变`, async () => {
            const id = await spec.build(refuseFrom);
            const before = await spec.read(id);
            const got = await outcome(spec.act(actors.allowed[0]!, id, name, spec.input[name]!, before.version + 1));
            assert.equal(got.code, 'CONFLICT');
            assert.deepEqual(await spec.read(id), before);
          });
        }
        for (const from of def.from.filter((f) => !over.allowedElsewhere?.states.includes(f))) {
          for (const actor of actors.allowed) {
            test(`${head}：${actor} 从 ${label(machine, from)} 办理成功，变为 ${label(machine, def.to)}`, async () => {
              const built = over.buildAllowed ? await over.buildAllowed(from, actor) : { id: await spec.build(from) };
              const input = built.input ?? spec.input[name]!;
              const before = await spec.read(built.id);
              assert.equal(before.status, from);
              const got = await outcome(spec.act(actor, built.id, name, input, before.version));
              assert.equal(got.code, 'OK', got.code === 'OK' ? '' : `${name}@${from}/${actor}: ${got.code} ${got.error.userMessage} ${JSON.stringify(got.error.details ?? {})}`);
              const after = await spec.read(built.id);
              assert.equal(after.status, def.to);
              assert.equal(after.version, before.version + 1);
              await spec.afterAllowed?.({ id: built.id, name, def, from, actor, before, after, result: got.code === 'OK' ? got.result : undefined });
            });
          }
        }
      });
    }
  });
};
