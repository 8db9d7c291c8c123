/**
 * npm run bench:import — the 行政执法案件 Excel import of 50,000 rows through the real service (streamed sheet read,
 * per-row validation, unnest batches of 5,000 in one transaction), against a bare
 * `insert … select * from unnest(…)` of the same rows without parsing or validation, in the same run.
 * Prints rows/s, wall time, peak RSS and heap (sampled every 50 ms) and the ratio ours / baseline.
 * PGlite by default; PostgreSQL when BENCH_DATABASE_URL is set. BENCH_IMPORT_ROWS overrides the row count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
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
import { enforcementBody, enforcementItem } from '../src/modules/enforcement/registry/schema';
import { IMPORT_BATCH, IMPORT_COLUMNS, importCases, insertCaseBatch } from '../src/modules/enforcement/cases/service/import-cases';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const dataDir = mkdtempSync(join(tmpdir(), 'fz-bench-import-'));
const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, pgliteDir: join(dataDir, 'pgdata') });
const platform = await createPlatform({
  config: { production: false, dataDir, filesDir: join(dataDir, 'files'), sessionIdleMinutes: 30, sessionAbsoluteHours: 12, maxUploadBytes: 1 << 20, cookieSecure: false },
  modules,
  database,
  keys: keyStoreFromMaster(Buffer.alloc(32, 9)),
});
const db = platform.services.db;

// --- setup: a county, its justice bureau (importer), two bodies with one item each ---------------
await seedBuiltinRoles(db, modules);
const units: Record<string, number> = {};
await db.transaction(async (tx) => {
  units.county = (await insertOrg(tx, { parentId: null, name: '基准县', shortName: '基准县', kind: 'county' })).id;
  units.justice = (await insertOrg(tx, { parentId: units.county, name: '基准县司法局', shortName: '基司', kind: 'justice_bureau' })).id;
  units.market = (await insertOrg(tx, { parentId: units.county, name: '基准县市场监管局', shortName: '基市监', kind: 'department' })).id;
});
const [supervisor] = await db.select().from(role).where(eq(role.code, 'enforcement_supervisor'));
const user = await insertUser(db, { username: 'bench_import', displayName: '基准导入', orgId: units.justice!, roleIds: [supervisor!.id], password: 'Bench@Passw0rd!', mustChangePassword: false });
const ctx = { ...systemCtx(platform.services), actor: await loadActor(db, user.id) };
const bodies = await db
  .insert(enforcementBody)
  .values([
    { orgId: units.market!, name: '基准县市场监管局', kind: 'statutory', legalBasis: '《食品安全法》' },
    { orgId: units.market!, name: '基准县市场监管局稽查局', kind: 'authorized', legalBasis: '《市场监督管理行政处罚程序规定》' },
  ])
  .returning();
await db.insert(enforcementItem).values({ orgId: units.market!, bodyId: bodies[0]!.id, code: 'SJ-001', name: '对未取得食品经营许可从事食品经营活动的处罚', kind: 'penalty', legalBasis: '《食品安全法》第一百二十二条' });

// --- the workbook: 50,000 rows, written with the streaming writer ---------------------------------
const row = (i: number) => {
  const filed = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
  return [bodies[i % 2]!.name, `基历〔2025〕${i + 1}号`, '行政处罚', `某某食品店未取得食品经营许可从事食品经营案${i + 1}`, `某某食品店${i + 1}`, '法人', '是', i % 50 === 0 ? '是' : '否', filed, filed.replace(/-(\d\d)$/, (_m, d: string) => `-${String(Math.min(28, Number(d) + 1)).padStart(2, '0')}`), null, 3000 + (i % 7) * 500, i % 2 === 0 ? 'SJ-001' : null];
};
const t = performance.now();
const chunks: Buffer[] = [];
const sink = new PassThrough();
sink.on('data', (c: Buffer) => chunks.push(c));
const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
const ws = writer.addWorksheet('执法案件导入');
ws.addRow(IMPORT_COLUMNS.map((c) => c.header)).commit();
for (let i = 0; i < ROWS; i += 1) ws.addRow(row(i)).commit();
ws.commit();
await writer.commit();
const file = Buffer.concat(chunks);
console.log(`生成 ${ROWS} 行 .xlsx：${(file.length / 1_048_576).toFixed(1)} MB，用时 ${((performance.now() - t) / 1000).toFixed(1)} s（${database.kind}）`);

/** Runs `fn`, sampling memory every 50 ms; returns wall time and peaks. */
const measure = async (fn: () => Promise<unknown>) => {
  global.gc?.();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  clearInterval(timer);
  const m = process.memoryUsage();
  return { ms, rss: Math.max(rss, m.rss), heap: Math.max(heap, m.heapUsed), baseRss: base.rss, baseHeap: base.heapUsed };
};
const mb = (b: number) => `${(b / 1_048_576).toFixed(0)} MB`;

// --- ours: the real service ------------------------------------------------------------------------
const ours = await measure(async () => {
  const r = await importCases(ctx, file);
  if (r.errorCount) throw new Error(`导入失败：${JSON.stringify(r.errors.slice(0, 5))}`);
});
const [{ n: imported }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from enforcement_case`)) as [{ n: number }];

// --- baseline: the same rows, bare unnest inserts in one transaction (new case numbers) -------------
const cols = { org_id: [], body_id: [], item_id: [], case_no: [], kind: [], title: [], party_name: [], party_kind: [], enterprise_related: [], is_major: [], filed_date: [], decided_date: [], closed_date: [], status: [], benchmark_id: [], fine_fen: [], discretion_outside: [] } as Parameters<typeof insertCaseBatch>[1];
for (let i = 0; i < ROWS; i += 1) {
  const r = row(i);
  cols.org_id.push(units.market!);
  cols.body_id.push(bodies[i % 2]!.id);
  cols.item_id.push(null);
  cols.case_no.push(`基线〔2025〕${i + 1}号`);
  cols.kind.push('penalty');
  cols.title.push(r[3] as string);
  cols.party_name.push(r[4] as string);
  cols.party_kind.push('legal_person');
  cols.enterprise_related.push(true);
  cols.is_major.push(r[7] === '是');
  cols.filed_date.push(r[8] as string);
  cols.decided_date.push(r[9] as string);
  cols.closed_date.push(null);
  cols.status.push('decided');
  cols.benchmark_id.push(null);
  cols.fine_fen.push((r[11] as number) * 100);
  cols.discretion_outside.push(false);
}
const baseline = await measure(() =>
  db.transaction(async (tx) => {
    for (let from = 0; from < ROWS; from += IMPORT_BATCH) {
      const slice = Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, (v as unknown[]).slice(from, from + IMPORT_BATCH)])) as unknown as typeof cols;
      await insertCaseBatch(tx, slice, user.id, new Date());
    }
  }),
);

const line = (name: string, m: Awaited<ReturnType<typeof measure>>) =>
  console.log(`${name}：${ROWS} 行，${(m.ms / 1000).toFixed(2)} s，${Math.round(ROWS / (m.ms / 1000)).toLocaleString()} 行/秒，峰值 RSS ${mb(m.rss)}（起始 ${mb(m.baseRss)}），峰值堆 ${mb(m.heap)}（起始 ${mb(m.baseHeap)}）`);
console.log(`导入写入 ${imported} 行`);
line('本服务（读取 .xlsx + 逐行校验 + unnest 批量写入）', ours);
line('基线（裸 unnest 写入，无解析与校验）', baseline);
console.log(`耗时比 本服务 / 基线 = ${(ours.ms / baseline.ms).toFixed(2)}；吞吐比 = ${(baseline.ms / ours.ms).toFixed(2)}`);
await platform.close();
rmSync(dataDir, { recursive: true, force: true });
