import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../../app/platform';
import type { Ctx, KernelServices } from '../context';
import { keyStoreFromMaster } from '../crypto/key-store';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from '../../../test/support/test-platform';
import { signInAs } from '../../../test/support/sign-in';
import { act, registerVia } from '../../modules/disclosure/test/fixtures';
import { openDatabase, queryRows, runMigrations, type Database, type Tx } from '../db/client';
import { hmacSm3 } from '../crypto/sm';
import { chainHash, recordAudit, verifyAuditChain, type AuditVerification } from './record-audit';

class Rollback extends Error {}

describe('审计日志：哈希链与只追加', () => {
  let world: TestWorld;
  const db = () => world.platform.services.db;
  const key = () => world.platform.services.keys.audit;

  const auditCount = async (): Promise<number> => {
    const [row] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from audit_log`);
    return Number(row!.n);
  };

  const seqs = async (): Promise<number[]> =>
    (await queryRows<{ seq: number }>(db(), sql`select seq from audit_log order by seq`)).map((r) => Number(r.seq));

  /** Tampers with the log as a database superuser would (triggers off), checks the chain, and rolls it all back. */
  const tamperAndVerify = async (tamper: (tx: Tx) => Promise<void>): Promise<AuditVerification> => {
    let result: AuditVerification | undefined;
    try {
      await db().transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger user`);
        await tamper(tx);
        result = await verifyAuditChain(tx, key());
        throw new Rollback();
      });
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
    }
    return result!;
  };

  /** A seq in the middle of the chain with at least two rows after it. */
  const middle = async (): Promise<{ k: number; next: number }> => {
    const all = await seqs();
    const i = Math.floor(all.length / 2);
    assert.ok(i >= 1 && i + 2 < all.length, `审计记录太少：${all.length}`);
    return { k: all[i]!, next: all[i + 1]! };
  };

  const errorText = (err: unknown): string => {
    const parts: string[] = [];
    for (let e = err as { message?: string; code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
      parts.push(`${e.code ?? ''} ${e.message ?? ''}`);
    }
    return parts.join(' | ');
  };

  before(async () => {
    world = await createTestWorld();
    // Real activity: logins (one failed), a registration, transitions, an upload-free admin action.
    const handler = await signInAs(world, 'handlerA');
    await world.anonymous().post('/api/auth/login', { username: 'handlerA', password: 'Wrong@Passw0rd1' });
    for (let i = 0; i < 3; i += 1) {
      const r = await registerVia(handler, world.units.countyAGov);
      await act(handler, r.id, 'accept');
    }
    const sysadmin = await signInAs(world, 'sysadmin');
    await sysadmin.post('/api/system/orgs', { parentId: world.units.countyA, name: '甲县司法局', shortName: '甲司', kind: 'justice_bureau' });
  });
  after(() => world.close());

  test('等保三级 安全审计: 真实操作产生的审计链完整，审计管理员校验通过', async () => {
    const auditor = await signInAs(world, 'auditor');
    const res = await auditor.post('/api/audit/verify');
    assert.equal(res.status, 200);
    assert.equal(res.body.ok, true);
    assert.equal(res.body.firstBadSeq, null);
    assert.ok(res.body.checked >= 10, `checked ${res.body.checked}`);
    const direct = await verifyAuditChain(db(), key());
    assert.equal(direct.ok, true);
    assert.equal(direct.checked, await auditCount());
  });

  test('分批校验与一次校验结果相同', async () => {
    const whole = await verifyAuditChain(db(), key());
    const batched = await verifyAuditChain(db(), key(), 3);
    assert.deepEqual(batched, whole);
  });

  test('等保三级 安全审计: 被修改的审计记录可被发现，报告第一条被篡改记录的序号', async () => {
    const { k } = await middle();
    const result = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`update audit_log set reason = coalesce(reason, '') || '（已改）' where seq = ${k}`);
    });
    assert.equal(result.ok, false);
    assert.equal(result.firstBadSeq, k);
    assert.match(result.problem!, /篡改/);
  });

  test('修改审计记录的时间或结果同样可被发现', async () => {
    const { k } = await middle();
    const moved = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`update audit_log set at = at - interval '1 day' where seq = ${k}`);
    });
    assert.equal(moved.firstBadSeq, k);
    const flipped = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`update audit_log set result = case when result = 'success' then 'failure' else 'success' end where seq = ${k}`);
    });
    assert.equal(flipped.firstBadSeq, k);
  });

  test('等保三级 安全审计: 被删除的审计记录可被发现（报告其后一条的序号）', async () => {
    const { k, next } = await middle();
    const result = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`delete from audit_log where seq = ${k}`);
    });
    assert.equal(result.ok, false);
    assert.equal(result.firstBadSeq, next);
    assert.match(result.problem!, /删除|插入|调换/);
  });

  test('删除最新的一条审计记录：校验通过但链头变化，须与外部保存的链头比对', async () => {
    const before = await verifyAuditChain(db(), key());
    const all = await seqs();
    const result = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`delete from audit_log where seq = ${all[all.length - 1]!}`);
    });
    assert.equal(result.ok, true);
    assert.notEqual(result.headHash, before.headHash);
    assert.notEqual(result.headSeq, before.headSeq);
  });

  test('等保三级 安全审计: 伪造插入的审计记录（不知审计密钥）可被发现', async () => {
    const { k } = await middle();
    const result = await tamperAndVerify(async (tx) => {
      // Make room after k, then insert a row chained to k with a hash made without the audit key.
      await tx.execute(sql`update audit_log set seq = -seq where seq > ${k}`);
      await tx.execute(sql`update audit_log set seq = -seq + 1 where seq < 0`);
      const [prev] = await queryRows<{ hash: string }>(tx, sql`select hash from audit_log where seq = ${k}`);
      await tx.execute(
        sql`insert into audit_log (seq, at, actor_name, action, module, result, prev_hash, hash)
            values (${k + 1}, now(), '伪造者', 'user.create', 'system', 'success', ${prev!.hash}, ${hmacSm3(Buffer.alloc(32, 1), 'forged')})`,
      );
    });
    assert.equal(result.ok, false);
    assert.equal(result.firstBadSeq, k + 1);
  });

  test('持有审计密钥伪造插入的记录，也因后一条的前序哈希断开而被发现', async () => {
    const { k, next } = await middle();
    const result = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`update audit_log set seq = -seq where seq > ${k}`);
      await tx.execute(sql`update audit_log set seq = -seq + 1 where seq < 0`);
      const [prev] = await queryRows<{ hash: string }>(tx, sql`select hash from audit_log where seq = ${k}`);
      const at = new Date('2026-11-23T01:00:00Z');
      const fields = {
        at,
        actorId: null,
        actorName: '伪造者',
        actorOrgId: null,
        action: 'user.create',
        module: 'system',
        entityType: null,
        entityId: null,
        before: null,
        after: null,
        reason: null,
        result: 'success',
        requestId: null,
        ip: null,
      };
      const hash = chainHash(key(), prev!.hash, fields);
      await tx.execute(
        sql`insert into audit_log (seq, at, actor_name, action, module, result, prev_hash, hash)
            values (${k + 1}, ${at.toISOString()}, '伪造者', 'user.create', 'system', 'success', ${prev!.hash}, ${hash})`,
      );
    });
    assert.equal(result.ok, false);
    assert.equal(result.firstBadSeq, next + 1, '伪造行本身自洽，断在原来的下一条（已后移一位）');
    assert.match(result.problem!, /前序哈希/);
  });

  test('等保三级 安全审计: 调换两条审计记录的顺序可被发现', async () => {
    const { k, next } = await middle();
    const result = await tamperAndVerify(async (tx) => {
      await tx.execute(sql`update audit_log set seq = -1 where seq = ${k}`);
      await tx.execute(sql`update audit_log set seq = ${k} where seq = ${next}`);
      await tx.execute(sql`update audit_log set seq = ${next} where seq = -1`);
    });
    assert.equal(result.ok, false);
    assert.equal(result.firstBadSeq, k);
  });

  test('用其他密钥校验整条链失败：哈希链以审计密钥为 HMAC 密钥', async () => {
    const result = await verifyAuditChain(db(), Buffer.alloc(32, 9));
    assert.equal(result.ok, false);
    assert.equal(result.firstBadSeq, (await seqs())[0]);
  });

  test('篡改后审计管理员通过接口校验得到失败结果，恢复后重新通过', async () => {
    const auditor = await signInAs(world, 'auditor');
    const { k } = await middle();
    const [original] = await queryRows<{ action: string }>(db(), sql`select action from audit_log where seq = ${k}`);
    await db().execute(sql`alter table audit_log disable trigger user`);
    try {
      await db().execute(sql`update audit_log set action = 'audit.read' where seq = ${k}`);
      const bad = await auditor.post('/api/audit/verify');
      assert.equal(bad.status, 200);
      assert.equal(bad.body.ok, false);
      assert.equal(bad.body.firstBadSeq, k);
      await db().execute(sql`update audit_log set action = ${original!.action} where seq = ${k}`);
    } finally {
      await db().execute(sql`alter table audit_log enable trigger user`);
    }
    const good = await auditor.post('/api/audit/verify');
    assert.equal(good.body.ok, true);
  });

  test('等保三级 安全审计: 触发器拒绝对审计日志的 UPDATE、DELETE 和 TRUNCATE', async () => {
    const { k } = await middle();
    const count = await auditCount();
    const statements = {
      UPDATE: sql`update audit_log set reason = 'x' where seq = ${k}`,
      DELETE: sql`delete from audit_log where seq = ${k}`,
      TRUNCATE: sql`truncate audit_log`,
    };
    for (const [op, statement] of Object.entries(statements)) {
      await assert.rejects(db().execute(statement), (err) => {
        const text = errorText(err);
        assert.match(text, /只允许追加/, `${op}: ${text}`);
        assert.match(text, new RegExp(op), `${op}: ${text}`);
        return true;
      });
    }
    assert.equal(await auditCount(), count);
    assert.equal((await verifyAuditChain(db(), key())).ok, true);
  });

  test('审计记录随业务事务回滚：事务失败时不留下审计记录', async () => {
    const count = await auditCount();
    const ctx = await world.ctxAs('handlerA');
    await assert.rejects(
      db().transaction(async (tx) => {
        await recordAudit(tx, ctx, { action: 'test.never', module: 'test' });
        throw new Error('业务失败');
      }),
      /业务失败/,
    );
    assert.equal(await auditCount(), count);
    assert.equal((await verifyAuditChain(db(), key())).ok, true);
  });

  test('输入校验失败的流转不写审计记录', async () => {
    const handler = await signInAs(world, 'handlerA');
    const r = await registerVia(handler, world.units.countyAGov);
    const count = await auditCount();
    const res = await act(handler, r.id, 'reply', { replyType: 'disclosed' });
    assert.equal(res.status, 422);
    assert.equal(await auditCount(), count);
  });

  test('已写入记录变更后才失败的流转（第二次延期）整体回滚：不留审计记录、流转记录，版本不变', async () => {
    const handler = await signInAs(world, 'handlerA');
    const approver = await signInAs(world, 'approverA');
    const r = await registerVia(handler, world.units.countyAGov);
    assert.equal((await act(handler, r.id, 'accept')).status, 200);
    assert.equal((await act(approver, r.id, 'extend', { extensionDays: 10, reason: '需要调取档案' })).status, 200);
    const version = (await handler.get(`/api/disclosure/requests/${r.id}`)).body.record.version;
    const count = await auditCount();
    const [{ n: transitions }] = (await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from case_transition where entity_id = ${r.id}`)) as [{ n: number }];
    const second = await act(approver, r.id, 'extend', { extensionDays: 5, reason: '再次延长' });
    assert.equal(second.status, 409);
    assert.equal(second.body.details.reason, 'extension_limit');
    assert.equal(await auditCount(), count);
    const [{ n: after }] = (await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from case_transition where entity_id = ${r.id}`)) as [{ n: number }];
    assert.equal(Number(after), Number(transitions));
    assert.equal((await handler.get(`/api/disclosure/requests/${r.id}`)).body.record.version, version);
  });

  test('登录失败被审计，审计记录中不含所输入的口令', async () => {
    const before = (await seqs()).at(-1)!;
    await world.anonymous().post('/api/auth/login', { username: 'deptA', password: 'Secret#Typo2026' });
    const rows = await queryRows<Record<string, unknown>>(db(), sql`select * from audit_log where seq > ${before}`);
    const failure = rows.find((r) => r.action === 'auth.login' && r.result === 'failure');
    assert.ok(failure, JSON.stringify(rows));
    assert.doesNotMatch(JSON.stringify(rows), /Secret#Typo2026/);
    assert.doesNotMatch(JSON.stringify(rows), new RegExp(TEST_PASSWORD.replace(/[$]/g, '\\$')));
  });

  test('审计管理员查阅审计日志本身也被审计', async () => {
    const auditor = await signInAs(world, 'auditor');
    const before = (await seqs()).at(-1)!;
    const res = await auditor.get('/api/audit/logs?module=auth');
    assert.equal(res.status, 200);
    assert.ok(res.body.items.every((i: { module: string }) => i.module === 'auth'));
    const rows = await queryRows<{ action: string; actor_id: number }>(db(), sql`select action, actor_id from audit_log where seq > ${before}`);
    assert.ok(rows.some((r) => r.action === 'audit.read' && r.actor_id === world.users.auditor));
  });

  test('三权分立: 非审计管理员不能查阅或校验审计日志（403）', async () => {
    for (const name of ['handlerA', 'office', 'sysadmin', 'secadmin']) {
      const client = await signInAs(world, name);
      assert.equal((await client.get('/api/audit/logs')).status, 403, name);
      assert.equal((await client.post('/api/audit/verify')).status, 403, name);
    }
  });
});

const CLI = join(process.cwd(), 'src/app/cli/audit-verify.ts');

describe('审计链校验命令（npm run audit:verify）', () => {
  const masterHex = randomBytes(32).toString('hex');
  const keys = keyStoreFromMaster(Buffer.from(masterHex, 'hex'));
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  /** Opens the database the command will check: a fresh PostgreSQL database, or PGlite in DATA_DIR. */
  const open = (): Promise<Database> => (databaseUrl ? openDatabase({ databaseUrl }) : openDatabase({ pgliteDir: join(dataDir, 'pgdata') }));

  const runCli = () =>
    spawnSync(process.execPath, ['--import', 'tsx', CLI], {
      env: { ...process.env, DATA_DIR: dataDir, PLATFORM_MASTER_KEY: masterHex, DATABASE_URL: databaseUrl ?? '', NODE_ENV: 'test' },
      encoding: 'utf8',
    });

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fz-audit-cli-'));
    if (process.env.TEST_DB === 'pg') {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const name = `cli_${randomBytes(6).toString('hex')}`;
      await admin.query(`create database ${name}`);
      await admin.end();
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.pathname = `/${name}`;
      databaseUrl = u.toString();
      dropDatabase = async () => {
        const a = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      };
    }
    const database = await open();
    await runMigrations(database, MIGRATIONS_DIR);
    const ctx: Ctx = { services: { keys } as unknown as KernelServices, db: database.db, actor: null, now: new Date('2026-11-23T01:00:00Z'), requestId: 'cli-test', ip: null };
    for (let i = 0; i < 5; i += 1) {
      await database.db.transaction((tx) => recordAudit(tx, ctx, { action: `test.step${i}`, module: 'test', after: { i } }));
    }
    await database.close();
  });
  after(async () => {
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('审计链完整时命令退出码为 0，并输出链头哈希', async () => {
    const res = runCli();
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /审计链完整：已校验 5 条记录/);
    assert.match(res.stdout, /[0-9a-f]{64}/);
  });

  test('审计记录被篡改时命令退出码为 2，并指出第一条被篡改记录的序号', async () => {
    const database = await open();
    const [row] = await queryRows<{ seq: number }>(database.db, sql`select seq from audit_log order by seq offset 2 limit 1`);
    await database.db.execute(sql`alter table audit_log disable trigger user`);
    await database.db.execute(sql`update audit_log set after = '{"i": 99}'::jsonb where seq = ${row!.seq}`);
    await database.db.execute(sql`alter table audit_log enable trigger user`);
    await database.close();
    const res = runCli();
    assert.equal(res.status, 2, res.stdout + res.stderr);
    assert.match(res.stderr, new RegExp(`第 ${Number(row!.seq)} 号记录`));
  });
});
