/**
 * The lawsuit machine's transition matrix (test/support/transition-matrix.ts): every transition × every
 * state outside its `from`, users without `handle` (leader, office), users without read scope over the
 * agency (404), a user who reads the agency's cases but may handle only its own unit's (403), and the
 * agency's liaison and the county 司法局 coordinator from every valid state. Generated from `caseMachine`.
 */
import type { Ctx } from '../../kernel';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { ctxAt, hearingOn, newCase, step } from './test/fixtures';
import { transitionMatrix, withGrants } from '../../../test/support/transition-matrix';
import { caseMachine, type CaseState } from './case-machine';
import { getCaseInScope } from './service/access';
import { transitionCase } from './service/transition-case';

const TODAY = '2026-11-23';

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

const PATH: Record<CaseState, string[]> = {
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

/**
 * No built-in role reads wider than it handles here, so the out-of-acting-scope user is 甲县政府办's liaison
 * given a 辖区-wide read (as a second role could give): it sees 甲县自然资源局's cases but handles its own unit's.
 */
const WIDE_READER = 'liaisonAGov（读取范围为全县）';

let world: TestWorld;
/** Actors' contexts, loaded once (every act happens on TODAY). */
const ctxs = new Map<string, Promise<Ctx>>();
const ctxOf = (user: string): Promise<Ctx> => {
  if (!ctxs.has(user)) ctxs.set(user, user === WIDE_READER ? ctxAt(world, TODAY, 'liaisonAGov').then((c) => withGrants(c, { 'litigation:read': 'jurisdiction', 'litigation:register': 'unit', 'litigation:handle': 'unit' })) : ctxAt(world, TODAY, user));
  return ctxs.get(user)!;
};

transitionMatrix({
  title: '行政应诉状态机：每个操作 × 状态 × 用户',
  machine: caseMachine,
  setup: async () => {
    world = await createTestWorld({ now: `${TODAY}T09:00:00` });
  },
  teardown: () => world.close(),
  build: async (state) => {
    const { id } = await newCase(world, TODAY, state === 'registered' ? { servedDate: null } : {});
    for (const name of PATH[state as CaseState]) {
      if (name === '@hearing') await hearingOn(world, TODAY, id);
      else await step(world, TODAY, id, name, INPUT[name]!);
    }
    return id;
  },
  input: INPUT,
  act: async (user, id, name, input, version) => transitionCase(await ctxOf(user), id, name, { version, input }),
  // The whole row as 依法治市办 reads it: a refusal must leave every column as it was.
  read: async (id) => getCaseInScope(await ctxOf('office'), id),
  canRead: async (user, id) => getCaseInScope(await ctxOf(user), id).then(() => true, () => false),
  actors: {
    allowed: ['liaisonA', 'litigationA'],
    noPermission: ['leaderA', 'office'],
    outOfReadScope: ['liaisonB', 'liaisonAGov', 'leaderB'],
    readButNotAct: [WIDE_READER],
  },
});
