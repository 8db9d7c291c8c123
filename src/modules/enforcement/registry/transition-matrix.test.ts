/**
 * The registry machines' transition matrices (执法主体, 执法人员, 执法证件; test/support/transition-matrix.ts):
 * every transition × every state outside its `from` (record unchanged), users without `manage` (部门法制员,
 * 依法治市办, 执法人员, 领导), a 司法局 outside its 辖区 (404), a reader of the county whose `manage` covers only
 * its own unit, a stale version (409), and the 司法局 supervisor from each allowed state.
 */
import { after, before, describe } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../../../../test/support/test-platform';
import { insertBody, insertOfficer } from '../test/fixtures';
import { transitionMatrix, withGrants } from '../../../../test/support/transition-matrix';
import type { Ctx } from '../../../kernel';
import type { MachineDef } from '../../../kernel/shared/define-machine';
import { bodyMachine, certificateMachine, officerMachine } from './registry-machine';
import { enforcementBody, enforcementCertificate, enforcementOfficer } from './schema';
import { getBodyInScope, getCertificateInScope, getOfficerInScope } from './service/access';
import { transitionBody } from './service/bodies';
import { transitionCertificate } from './service/certificates';
import { transitionOfficer } from './service/officers';

const TODAY = '2026-11-23';
const INPUT: Record<string, Record<string, unknown>> = {
  confirm: { confirmedDate: TODAY },
  suspend: { statusDate: TODAY, reason: '违法委托，暂停执法资格' },
  resume: { statusDate: TODAY },
  revoke: { statusDate: TODAY, reason: '机构撤并' },
  retire: { statusDate: TODAY },
  transfer: { statusDate: TODAY },
  dismiss: { statusDate: TODAY, reason: '严重违纪' },
  restore: {},
  'certificate.suspend': { reason: '未按规定出示证件' },
  cancel: { reason: '持证人离岗' },
  withdraw: { reason: '违法执法' },
};

/**
 * No built-in role reads wider than it manages (the 司法局 supervisor does both for its 辖区), so the
 * out-of-acting-scope user is supervisorA given `manage` for its own unit only; the registry loads the
 * record in the read scope and the kernel refuses the transition (403 out_of_acting_scope).
 */
const NARROW_MANAGER = 'supervisorA（管理权限仅限本单位）';

type Kind = 'body' | 'officer' | 'certificate';
const MACHINES: [Kind, string, MachineDef, (ctx: Ctx, id: number, name: string, b: { version: number; input: Record<string, unknown> }) => Promise<unknown>][] = [
  ['body', '执法主体状态机', bodyMachine, transitionBody],
  ['officer', '执法人员状态机', officerMachine, transitionOfficer],
  ['certificate', '执法证件状态机', certificateMachine, transitionCertificate],
];
const TABLES = { body: enforcementBody, officer: enforcementOfficer, certificate: enforcementCertificate } as const;
const LOAD = { body: getBodyInScope, officer: getOfficerInScope, certificate: getCertificateInScope } as const;

describe('执法主体、人员、证件状态机：每个操作 × 状态 × 用户', () => {
  let world: TestWorld;
  let certSeq = 0;

  before(async () => {
    world = await createTestWorld({ now: `${TODAY}T09:00:00` });
  });
  after(() => world.close());

  /** A record of `kind` in `state`, in unit `orgId`. */
  const build = async (kind: Kind, state: string, orgId = world.units.countyADept): Promise<number> => {
    const db = world.platform.services.db;
    const body = await insertBody(world, orgId, kind === 'body' ? { status: state as 'active' } : {});
    if (kind === 'body') return body.id;
    const officer = await insertOfficer(world, body, kind === 'officer' ? { status: state as 'active' } : {});
    if (kind === 'officer') return officer.id;
    const [cert] = await db
      .insert(enforcementCertificate)
      .values({ officerId: officer.id, orgId: officer.orgId, kind: 'enforcement', certNo: `TM-${(certSeq += 1)}`, issuedDate: '2025-01-01', expiresDate: '2028-01-01', status: state as 'valid' })
      .returning();
    return cert!.id;
  };
  /** Actors' contexts, loaded once. */
  const ctxs = new Map<string, Promise<Ctx>>();
  const ctxOf = (user: string): Promise<Ctx> => {
    if (!ctxs.has(user)) {
      const grants = { 'enforcement:read': 'jurisdiction', 'enforcement:manage': 'unit' } as const;
      ctxs.set(user, user === NARROW_MANAGER ? world.ctxAs('supervisorA').then((c) => withGrants(c, grants)) : world.ctxAs(user));
    }
    return ctxs.get(user)!;
  };

  for (const [kind, title, machine, run] of MACHINES) {
    const table = TABLES[kind];
    transitionMatrix({
      title,
      machine,
      build: (state) => build(kind, state),
      input: Object.fromEntries(Object.keys(machine.transitions).map((name) => [name, INPUT[`${kind}.${name}`] ?? INPUT[name]!])),
      act: async (user, id, name, input, version) => run(await ctxOf(user), id, name, { version, input }),
      read: async (id) => {
        const [row] = await world.platform.services.db.select().from(table).where(eq(table.id, id));
        return row!;
      },
      canRead: async (user, id) => LOAD[kind](await ctxOf(user), id).then(() => true, () => false),
      actors: {
        allowed: ['supervisorA'],
        noPermission: ['liaisonA', 'office', 'staffA', 'leaderA'],
        outOfReadScope: [{ actor: 'supervisorA', label: 'supervisorA（乙县的记录）', build: (state) => build(kind, state, world.units.countyBGov) }],
        readButNotAct: [NARROW_MANAGER],
      },
      staleVersion: true,
    });
  }
});
