/**
 * npm run bench — the platform's authenticated, scoped list and transition requests against a bare Hono
 * endpoint running the same SQL on the same database, in one run. Prints req/s, p99 and the ratio
 * (target: ours ≥ 0.5 × bare). Set BENCH_DATABASE_URL to run on PostgreSQL instead of PGlite.
 * BENCH_SECONDS (default 8) and BENCH_CONNECTIONS (default 10) tune the load.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { eq, sql } from 'drizzle-orm';
import { createPlatform } from '../src/app/platform';
import { modules } from '../src/app/modules';
import { seedBuiltinRoles } from '../src/app/seed/demo';
import { keyStoreFromMaster } from '../src/kernel/crypto/key-store';
import { openDatabase, queryRows } from '../src/kernel/db/client';
import { systemCtx } from '../src/kernel/context';
import { insertOrg } from '../src/kernel/org/org-service';
import { insertUser } from '../src/kernel/auth/user-service';
import { loadActor } from '../src/kernel/auth/load-actor';
import { role } from '../src/kernel/db/schema';
import { insertRequest } from '../src/modules/disclosure/service/register-request';
import { hmacSm3 } from '../src/kernel/crypto/sm';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PER_COUNTY = Number(process.env.BENCH_RECORDS ?? 1500);
const PASSWORD = 'Bench@Passw0rd!';

const dataDir = mkdtempSync(join(tmpdir(), 'fz-bench-'));
const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, pgliteDir: join(dataDir, 'pgdata') });
const keys = keyStoreFromMaster(Buffer.alloc(32, 9));
const platform = await createPlatform({
  config: { production: false, dataDir, filesDir: join(dataDir, 'files'), sessionIdleMinutes: 30, sessionAbsoluteHours: 12, maxUploadBytes: 1 << 20, cookieSecure: false },
  modules,
  database,
  keys,
});
const db = platform.services.db;

// --- data: two counties, a handler in county A, records in both -----------------------------
console.log(`准备数据：每县 ${PER_COUNTY} 件申请（${database.kind}）……`);
await seedBuiltinRoles(db, modules);
const units: Record<string, number> = {};
await db.transaction(async (tx) => {
  units.city = (await insertOrg(tx, { parentId: null, name: '基准市', shortName: '基准市', kind: 'city' })).id;
  for (const c of ['A', 'B']) {
    units[`county${c}`] = (await insertOrg(tx, { parentId: units.city, name: `${c}县`, shortName: `${c}县`, kind: 'county' })).id;
    units[`gov${c}`] = (await insertOrg(tx, { parentId: units[`county${c}`]!, name: `${c}县政府办`, shortName: `${c}政办`, kind: 'department' })).id;
  }
});
const [handlerRole] = await db.select().from(role).where(eq(role.code, 'disclosure_handler'));
const handler = await insertUser(db, { username: 'bench', displayName: '基准', orgId: units.govA!, roleIds: [handlerRole!.id], password: PASSWORD, mustChangePassword: false });
const ctx = { ...systemCtx(platform.services), actor: await loadActor(db, handler.id) };
for (const gov of ['govA', 'govB']) {
  for (let batch = 0; batch < PER_COUNTY; batch += 100) {
    await db.transaction(async (tx) => {
      for (let i = batch; i < Math.min(PER_COUNTY, batch + 100); i += 1) {
        await insertRequest(tx, { ...ctx, db: tx as never }, {
          orgId: units[gov]!,
          channel: 'letter',
          receivedDate: '2026-11-02',
          applicantType: 'citizen',
          applicantName: `申请人${i}`,
          applicantIdNumber: null,
          applicantPhone: '13800138000',
          applicantEmail: null,
          applicantAddress: null,
          content: `关于第${i}号事项的政府信息`,
          purpose: null,
          deliveryMethod: 'paper',
        });
      }
    });
  }
}

// --- the bare endpoints: the same SQL with no middleware, session, validation or audit framework ----
const [actorOrg] = await queryRows<{ path: string }>(db, sql`select path from org_unit where id = ${units.govA}`);
const scopePrefix = `${actorOrg!.path}%`;
const bare = new Hono();
bare.get('/list', async (c) => {
  const where = sql`r.org_id in (select ou.id from org_unit ou where ou.path like ${scopePrefix})`;
  const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from disclosure_request r where ${where}`);
  const items = await queryRows<{ id: number }>(
    db,
    sql`select r.id, r.request_no, r.applicant_name, r.applicant_type, r.channel, r.received_date, r.content, r.status, r.org_id,
               (select name from org_unit o where o.id = r.org_id) as org_name, r.reply_type, r.reply_no, r.replied_date, r.extension_days, r.version
        from disclosure_request r where ${where} order by r.received_date desc, r.id desc limit 20 offset 0`,
  );
  const ids = items.map((i) => i.id);
  const clocks = ids.length
    ? await queryRows(
        db,
        sql`select distinct on (entity_id) * from case_clock where entity_type = 'disclosure_request'
            and entity_id in ${ids} and clock_key = 'reply' and status <> 'stopped' order by entity_id, id desc`,
      )
    : [];
  return c.json({ total: total!.n, items, clocks });
});
bare.post('/accept/:id', async (c) => {
  const id = Number(c.req.param('id'));
  const now = new Date();
  await db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: number; status: string; version: number; org_id: number }>(tx, sql`select id, status, version, org_id from disclosure_request where id = ${id}`);
    const updated = await queryRows(tx, sql`update disclosure_request set status = 'processing', version = version + 1, updated_at = ${now}
      where id = ${id} and version = ${row!.version} and status = ${row!.status} returning *`);
    if (updated.length === 0) throw new Error('conflict');
    await tx.execute(sql`insert into case_transition (entity_type, entity_id, transition, from_state, to_state, actor_id, actor_name, actor_org_id, at, reason, data)
      values ('disclosure_request', ${id}, 'accept', 'registered', 'processing', ${handler.id}, '基准', ${units.govA}, ${now}, null, '{}')`);
    await tx.execute(sql`update case_clock set status = 'stopped', stopped_on = '2026-11-23', stop_reason = 'completed'
      where entity_type = 'disclosure_request' and entity_id = ${id} and clock_key = 'correctionNotice' and status <> 'stopped'`);
    await tx.execute(sql`update todo set done_at = ${now} where entity_type = 'disclosure_request' and entity_id = ${id} and done_at is null and kind = 'action'`);
    await tx.execute(sql`insert into todo (module, entity_type, entity_id, org_id, kind, permission, title, link)
      values ('disclosure', 'disclosure_request', ${id}, ${row!.org_id}, 'action', 'disclosure:handle', '办理', '/x') on conflict do nothing`);
    await tx.execute(sql`insert into outbox_event (type, payload) values ('disclosure.disclosure_request.accept', ${JSON.stringify({ id })}::jsonb)`);
    await tx.execute(sql`select pg_advisory_xact_lock(7201001)`);
    const [last] = await queryRows<{ hash: string }>(tx, sql`select hash from audit_log order by seq desc limit 1`);
    const hash = hmacSm3(keys.audit, `${last?.hash ?? ''}${id}`);
    await tx.execute(sql`insert into audit_log (at, actor_id, action, module, entity_type, entity_id, prev_hash, hash)
      values (${now}, ${handler.id}, 'transition.accept', 'disclosure', 'disclosure_request', ${String(id)}, ${last?.hash ?? ''}, ${hash})`);
  });
  return c.json({ ok: true });
});

const listen = (fetch: (req: Request) => Response | Promise<Response>) =>
  new Promise<{ port: number; close: () => void }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ port: info.port, close: () => server.close() }));
  });
const ours = await listen(platform.app.fetch);
const theirs = await listen(bare.fetch);

// --- session for our side -----------------------------------------------------------------------
const login = await fetch(`http://127.0.0.1:${ours.port}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench', password: PASSWORD }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const { csrfToken } = (await login.json()) as { csrfToken: string };

// Asynchronous: the servers under test run in this process and must keep serving while the child loads them.
const execFileAsync = promisify(execFile);
const load = async (job: object) =>
  JSON.parse((await execFileAsync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load.ts'), JSON.stringify(job)], { encoding: 'utf8', maxBuffer: 1 << 24 })).stdout) as {
    requests: number;
    errors: number;
    statuses: Record<string, number>;
    rps: number;
    p99: number;
  };

const registered = await queryRows<{ id: number; org_id: number }>(db, sql`select id, org_id from disclosure_request where status = 'registered' order by id`);
const idsA = registered.filter((r) => r.org_id === units.govA).map((r) => r.id);
const idsB = registered.filter((r) => r.org_id === units.govB).map((r) => r.id);
// Transitions consume one registered record each: a separate pool warms up, the rest is measured.
const WARM = 150;

const run = async (name: string, oursJob: object, bareJob: object, warm?: [object, object]) => {
  await load({ ...(warm?.[0] ?? oursJob), durationMs: 1500 });
  await load({ ...(warm?.[1] ?? bareJob), durationMs: 1500 });
  const a = await load(oursJob);
  const b = await load(bareJob);
  return { name, ours: a, bare: b, ratio: a.rps / b.rps };
};

const base = { connections: CONNECTIONS, durationMs: SECONDS * 1000 };
const results = [
  await run(
    '列表（已登录、按数据权限、第1页20条）',
    { ...base, url: `http://127.0.0.1:${ours.port}/api/disclosure/requests?page=1&pageSize=20`, method: 'GET', headers: { cookie } },
    { ...base, url: `http://127.0.0.1:${theirs.port}/list`, method: 'GET', headers: {} },
  ),
  await run(
    '流转（审查通过：校验、条件更新、记录、期限、待办、事件、审计）',
    {
      ...base,
      url: `http://127.0.0.1:${ours.port}/`,
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      paths: idsA.slice(WARM).map((id) => `/api/disclosure/requests/${id}/transitions/accept`),
      bodies: [JSON.stringify({ version: 1, input: {} })],
    },
    { ...base, url: `http://127.0.0.1:${theirs.port}/`, method: 'POST', headers: {}, paths: idsB.slice(WARM).map((id) => `/accept/${id}`) },
    [
      {
        ...base,
        url: `http://127.0.0.1:${ours.port}/`,
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        paths: idsA.slice(0, WARM).map((id) => `/api/disclosure/requests/${id}/transitions/accept`),
        bodies: [JSON.stringify({ version: 1, input: {} })],
      },
      { ...base, url: `http://127.0.0.1:${theirs.port}/`, method: 'POST', headers: {}, paths: idsB.slice(0, WARM).map((id) => `/accept/${id}`) },
    ],
  ),
];

console.log(`\n数据库：${database.kind}，并发连接 ${CONNECTIONS}，每项 ${SECONDS} 秒（另有预热）`);
console.log('| 场景 | 本平台 req/s | p99 ms | 裸 Hono req/s | p99 ms | 比值 | 状态码 |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.ours.rps.toFixed(0)} | ${r.ours.p99.toFixed(1)} | ${r.bare.rps.toFixed(0)} | ${r.bare.p99.toFixed(1)} | ${r.ratio.toFixed(2)} | ${JSON.stringify(r.ours.statuses)} / ${JSON.stringify(r.bare.statuses)} |`,
  );
}
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), database: database.kind, results }, null, 2));
ours.close();
theirs.close();
await platform.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
