/**
 * Every transition of the lawsuit machine × (a) every state outside its `from` (refused, record unchanged),
 * (b) users without `handle` (leader, office), (c) users without read scope over the agency (another
 * agency's liaison, 404), (d) the agency's liaison and the county 司法局 coordinator from every valid state.
 * Generated from `caseMachine`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { ctxAt, hearingOn, newCase, step } from '../../../test/support/litigation-fixtures';
import { AppError } from '../../kernel';
import { caseMachine, type CaseState } from './case-machine';
import { getCaseDetail } from './service/get-case-detail';
import { transitionCase } from './service/transition-case';

const TODAY = '2026-11-23';
const STATES = Object.keys(caseMachine.states) as CaseState[];
const TRANSITIONS = Object.entries(caseMachine.transitions);

/** Valid input for each transition on TODAY. */
const INPUT: Record<string, Record<string, unknown>> = {
  receiveComplaint: { servedDate: TODAY },
  applyEvidenceExtension: { evidenceExtensionDate: TODAY, evidenceExtensionReason: '部分证据在司法鉴定机构，无法按期提供' },
  fileDefence: { defenceFiledDate: TODAY, evidenceList: '1. 行政处罚决定书\n2. 现场检查笔录' },
  hold: { heardDate: TODAY },
  judge: { outcome: 'reject_claim', judgmentDate: TODAY, judgmentServedDate: TODAY },
  dismiss: { judgmentDate: TODAY, judgmentServedDate: TODAY },
  appeal: { appellant: 'plaintiff', appealDate: TODAY, reason: '原告不服一审判决提起上诉' },
  noAppeal: { closedDate: TODAY, reason: '服从判决' },
  closeAppealed: { closedDate: TODAY, reason: '二审驳回上诉，维持原判' },
  withdraw: { judgmentDate: TODAY, reason: '原告申请撤诉，法院裁定准许' },
  mediate: { judgmentDate: TODAY, judgmentSummary: '双方达成调解协议' },
};

const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe('行政应诉状态机：每个操作 × 状态 × 用户', () => {
  let world: TestWorld;
  const inState = {} as Record<CaseState, number>;
  const go = (id: number, name: string, user = 'liaisonA') => step(world, TODAY, id, name, INPUT[name]!, user);

  /** Builds a case in `state` through the use cases. */
  const build = async (state: CaseState): Promise<number> => {
    const { id } = await newCase(world, TODAY, state === 'registered' ? { servedDate: null } : {});
    const path: Record<CaseState, string[]> = {
      registered: [],
      defending: [],
      awaiting_hearing: ['fileDefence'],
      heard: ['fileDefence', '@hearing'],
      judged: ['fileDefence', '@hearing', 'judge'],
      appealed: ['fileDefence', '@hearing', 'judge', 'appeal'],
      closed: ['fileDefence', '@hearing', 'judge', 'noAppeal'],
      withdrawn: ['withdraw'],
      mediated: ['fileDefence', '@hearing', 'mediate'],
    };
    for (const name of path[state]) {
      if (name === '@hearing') await hearingOn(world, TODAY, id);
      else await go(id, name);
    }
    return id;
  };

  before(async () => {
    world = await createTestWorld({ now: `${TODAY}T09:00:00` });
    for (const s of STATES) inState[s] = await build(s);
  });
  after(() => world.close());

  test('状态机声明完整：每个状态已构造，每个操作有测试输入', async () => {
    assert.deepEqual(Object.keys(INPUT).sort(), TRANSITIONS.map(([n]) => n).sort());
    const ctx = await ctxAt(world, TODAY, 'office');
    for (const s of STATES) assert.equal((await getCaseDetail(ctx, inState[s])).record.status, s);
  });

  for (const [name, def] of TRANSITIONS) {
    test(`${name}（${def.label}）：错误状态拒绝且不改记录，无办理权限 403，范围外 404`, async () => {
      for (const s of STATES.filter((x) => !(def.from as readonly string[]).includes(x))) {
        const ctx = await ctxAt(world, TODAY, 'liaisonA');
        const before = await getCaseDetail(ctx, inState[s]);
        assert.equal(await code(transitionCase(ctx, inState[s], name, { version: before.record.version, input: INPUT[name]! })), 'INVALID_STATE', `${name} 在 ${s}`);
        assert.equal((await getCaseDetail(ctx, inState[s])).record.version, before.record.version);
      }
      const from = def.from[0]!;
      for (const u of ['leaderA', 'office']) {
        const ctx = await ctxAt(world, TODAY, u);
        const v = (await getCaseDetail(ctx, inState[from])).record.version;
        assert.equal(await code(transitionCase(ctx, inState[from], name, { version: v, input: INPUT[name]! })), 'FORBIDDEN', `${u} ${name}`);
      }
      for (const u of ['liaisonB', 'liaisonAGov', 'leaderB']) {
        assert.equal(await code(transitionCase(await ctxAt(world, TODAY, u), inState[from], name, { version: 1, input: INPUT[name]! })), 'NOT_FOUND', `${u} ${name}`);
      }
    });
  }

  test('允许的操作：被告单位法制员与县司法局应诉人员从每个合法状态办理成功', async () => {
    const results: string[] = [];
    for (const [name, def] of TRANSITIONS) {
      for (const s of def.from) {
        for (const user of ['liaisonA', 'litigationA']) {
          const id = await build(s as CaseState);
          results.push(`${name}@${s}/${user}:${await code(go(id, name, user))}`);
        }
      }
    }
    assert.deepEqual(results.filter((r) => !r.endsWith(':OK')), []);
    assert.ok(results.length >= 30);
  });
});
