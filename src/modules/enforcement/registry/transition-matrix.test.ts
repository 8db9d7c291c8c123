/**
 * Every transition of the registry machines (执法主体, 执法人员, 执法证件) × every state: refused outside its
 * `from` states (record unchanged), refused to users without `manage` (部门法制员, 依法治市办, 执法人员),
 * 404 for a 司法局 outside its 辖区, and done by the 司法局 supervisor from each allowed state.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../../../../test/support/test-platform';
import { insertBody, insertOfficer } from '../../../../test/support/enforcement-fixtures';
import { AppError, type Ctx } from '../../../kernel';
import type { MachineDef } from '../../../kernel/shared/define-machine';
import { bodyMachine, certificateMachine, officerMachine } from './registry-machine';
import { enforcementBody, enforcementCertificate, enforcementOfficer } from './schema';
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

const outcome = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

describe('执法主体、人员、证件状态机：每个操作 × 状态 × 用户', () => {
  let world: TestWorld;
  let certSeq = 0;

  before(async () => {
    world = await createTestWorld({ now: `${TODAY}T09:00:00` });
  });
  after(() => world.close());

  type Kind = 'body' | 'officer' | 'certificate';
  const MACHINES: [Kind, MachineDef, (ctx: Ctx, id: number, name: string, b: { version: number; input: Record<string, unknown> }) => Promise<unknown>][] = [
    ['body', bodyMachine, transitionBody],
    ['officer', officerMachine, transitionOfficer],
    ['certificate', certificateMachine, transitionCertificate],
  ];

  /** A record of `kind` in `state`, in unit `orgId`; returns its id and version. */
  const build = async (kind: Kind, state: string, orgId = world.units.countyADept): Promise<{ id: number; version: number }> => {
    const db = world.platform.services.db;
    const body = await insertBody(world, orgId, kind === 'body' ? { status: state as 'active' } : {});
    if (kind === 'body') return body;
    const officer = await insertOfficer(world, body, kind === 'officer' ? { status: state as 'active' } : {});
    if (kind === 'officer') return officer;
    const [cert] = await db
      .insert(enforcementCertificate)
      .values({ officerId: officer.id, orgId: officer.orgId, kind: 'enforcement', certNo: `TM-${(certSeq += 1)}`, issuedDate: '2025-01-01', expiresDate: '2028-01-01', status: state as 'valid' })
      .returning();
    return cert!;
  };
  const statusOf = async (kind: Kind, id: number) => {
    const db = world.platform.services.db;
    const table = kind === 'body' ? enforcementBody : kind === 'officer' ? enforcementOfficer : enforcementCertificate;
    const [row] = await db.select({ status: table.status }).from(table).where(eq(table.id, id));
    return row!.status;
  };

  for (const [kind, machine, run] of MACHINES) {
    for (const [name, def] of Object.entries(machine.transitions)) {
      const input = INPUT[`${kind}.${name}`] ?? INPUT[name]!;
      test(`${machine.entity}.${name}（${def.label}）：仅从 ${def.from.join('/')} 可办理，须有 manage 权限且在辖区内`, async () => {
        const sup = await world.ctxAs('supervisorA');
        for (const state of Object.keys(machine.states)) {
          const rec = await build(kind, state);
          const got = await outcome(run(sup, rec.id, name, { version: rec.version, input }));
          if ((def.from as readonly string[]).includes(state)) {
            assert.equal(got, 'OK', `${state} → ${name}`);
            assert.equal(await statusOf(kind, rec.id), def.to);
          } else {
            assert.equal(got, 'INVALID_STATE', `${state} → ${name} 应拒绝`);
            assert.equal(await statusOf(kind, rec.id), state, '记录不变');
          }
        }
        const from = def.from[0]!;
        for (const user of ['liaisonA', 'office', 'staffA', 'leaderA']) {
          const rec = await build(kind, from);
          assert.equal(await outcome(run(await world.ctxAs(user), rec.id, name, { version: rec.version, input })), 'FORBIDDEN', `${user} 无 manage 权限`);
          assert.equal(await statusOf(kind, rec.id), from);
        }
        const outside = await build(kind, from, world.units.countyBGov);
        assert.equal(await outcome(run(sup, outside.id, name, { version: outside.version, input })), 'NOT_FOUND', '辖区外 404');
        const stale = await build(kind, from);
        assert.equal(await outcome(run(sup, stale.id, name, { version: stale.version + 1, input })), 'CONFLICT', '旧版本 409');
      });
    }
  }
});
