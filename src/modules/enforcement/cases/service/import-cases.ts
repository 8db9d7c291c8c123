import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { isLocalDate, readSheetColumns, recordAudit, requirePermission, scopeWhere, toLocalDate, type Ctx, type DbOrTx, type RowError } from '../../../../kernel';
import { discretionBenchmark, enforcementBody, enforcementItem } from '../../registry/schema';
import { caseMachine, KINDS, PARTY_KINDS } from '../case-machine';
import { enforcementCase } from '../schema';
import { MODULE, PERM } from './access';

/** The template columns, in order. */
export const IMPORT_COLUMNS = [
  { header: '执法主体', key: 'bodyName', required: true },
  { header: '案件编号', key: 'caseNo', required: true },
  { header: '案件类型', key: 'kind', required: true },
  { header: '案件名称', key: 'title', required: true },
  { header: '当事人', key: 'partyName', required: true },
  { header: '当事人类型', key: 'partyKind', required: false },
  { header: '涉企', key: 'enterprise', required: false },
  { header: '重大', key: 'major', required: false },
  { header: '立案日期', key: 'filedDate', required: true },
  { header: '决定日期', key: 'decidedDate', required: true },
  { header: '结案日期', key: 'closedDate', required: false },
  { header: '罚款金额（元）', key: 'fine', required: false },
  { header: '事项编码', key: 'itemCode', required: false },
] as const;
type Key = (typeof IMPORT_COLUMNS)[number]['key'];
const DATE_KEYS: readonly Key[] = ['filedDate', 'decidedDate', 'closedDate'];

/** Most rows one file may hold, and rows per INSERT statement. */
export const IMPORT_MAX_ROWS = 100_000;
export const IMPORT_BATCH = 5_000;
/** Errors listed in one report (the count is always given in full). */
const MAX_REPORTED = 1_000;

/** The columns written by the import, in the order of the unnest arrays. */
interface Columns {
  org_id: number[];
  body_id: number[];
  item_id: (number | null)[];
  case_no: string[];
  kind: string[];
  title: string[];
  party_name: string[];
  party_kind: string[];
  enterprise_related: boolean[];
  is_major: boolean[];
  filed_date: string[];
  decided_date: string[];
  closed_date: (string | null)[];
  status: string[];
  benchmark_id: (number | null)[];
  fine_fen: (number | null)[];
  discretion_outside: boolean[];
}
const PG_TYPES: Record<keyof Columns, string> = {
  org_id: 'int4',
  body_id: 'int4',
  item_id: 'int4',
  case_no: 'text',
  kind: 'text',
  title: 'text',
  party_name: 'text',
  party_kind: 'text',
  enterprise_related: 'bool',
  is_major: 'bool',
  filed_date: 'date',
  decided_date: 'date',
  closed_date: 'date',
  status: 'text',
  benchmark_id: 'int4',
  fine_fen: 'int8',
  discretion_outside: 'bool',
};
const emptyColumns = (): Columns => Object.fromEntries(Object.keys(PG_TYPES).map((k) => [k, []])) as unknown as Columns;

/**
 * One `insert … select * from unnest(…)` per batch: one statement and one round trip for thousands of rows,
 * the arrays sent as typed parameters.
 */
export const insertCaseBatch = async (tx: DbOrTx, c: Columns, createdBy: number | null, now: Date): Promise<number> => {
  const keys = Object.keys(PG_TYPES) as (keyof Columns)[];
  const cols = sql.raw(keys.join(', '));
  const arrays = sql.join(
    keys.map((k) => sql`${sql.param(c[k])}::${sql.raw(PG_TYPES[k])}[]`),
    sql`, `,
  );
  const result = await tx.execute(
    sql`insert into enforcement_case (${cols}, imported, created_by, created_at, updated_at)
        select u.*, true, ${createdBy}::int, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz from unnest(${arrays}) as u`,
  );
  return (result as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? c.org_id.length;
};

/** Rows validated between two turns of the event loop, so other requests are served during the import. */
const ROWS_PER_TURN = 500;

/**
 * A date column holding a bare number (a date typed into a cell formatted as a number) in the range of
 * 1954–2119 is read as an Excel serial date, as the import did before; date-formatted cells already come as dates.
 */
const serialDate = (text: string | undefined): string | undefined => {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return text;
  const v = Number(text);
  return v > 20_000 && v < 80_000 ? new Date(Math.round((v - 25569) * 86_400_000)).toISOString().slice(0, 10) : text;
};

const YES = new Set(['是', 'Y', 'y', '1', 'true', 'TRUE', '√']);
const NO = new Set(['否', 'N', 'n', '0', 'false', 'FALSE', '']);
const kindOf = new Map<string, string>([...KINDS.map((k) => [k.label, k.value] as const), ...KINDS.map((k) => [k.value, k.value] as const), ['处罚', 'penalty'], ['许可', 'licence'], ['检查', 'inspection'], ['强制', 'compulsory']]);
const partyKindOf = new Map<string, string>([...PARTY_KINDS.map((k) => [k.label, k.value] as const), ['公民', 'citizen'], ['个人', 'citizen']]);

export interface ImportResult {
  created: number;
  errors: RowError[];
  errorCount: number;
}

/**
 * 导入执法案件 (already decided or closed cases from other systems or from the past): every row is validated
 * (body in the importer's scope, unique case number, kind, dates in order, fine, item of the body) and, only
 * if no row has an error, all rows are written in one transaction by one unnest INSERT per 5,000 rows.
 * Imported rows get their status (decided / closed) directly: they record decisions already taken elsewhere,
 * so there is no per-case transition history, clock or to-do; one audit row records the import (who, which
 * file by SHA-256, how many rows, which bodies), and each row carries `imported = true`.
 */
export const importCases = async (ctx: Ctx, file: Buffer): Promise<ImportResult> => {
  const actor = requirePermission(ctx, PERM.import);
  const today = toLocalDate(ctx.now);
  const errors: RowError[] = [];
  let errorCount = 0;
  const err = (row: number, path: string, message: string) => {
    errorCount += 1;
    if (errors.length < MAX_REPORTED) errors.push({ row, path, message });
  };
  // Look-ups: bodies in the importer's scope, their items and benchmarks, existing case numbers.
  const bodies = await ctx.db
    .select({ id: enforcementBody.id, orgId: enforcementBody.orgId, name: enforcementBody.name, status: enforcementBody.status })
    .from(enforcementBody)
    .where(scopeWhere(ctx.actor, PERM.import, { org: enforcementBody.orgId }));
  const bodyByName = new Map(bodies.map((b) => [b.name, b]));
  const orgIds = [...new Set(bodies.map((b) => b.orgId))];
  const items = orgIds.length ? await ctx.db.select({ id: enforcementItem.id, orgId: enforcementItem.orgId, bodyId: enforcementItem.bodyId, code: enforcementItem.code }).from(enforcementItem).where(inArray(enforcementItem.orgId, orgIds)) : [];
  const itemsByOrgCode = new Map(items.map((i) => [`${i.orgId}|${i.code}`, i]));
  const benchmarks = items.length
    ? await ctx.db
        .select({ id: discretionBenchmark.id, itemId: discretionBenchmark.itemId, min: discretionBenchmark.fineMinFen, max: discretionBenchmark.fineMaxFen })
        .from(discretionBenchmark)
        .where(and(inArray(discretionBenchmark.itemId, items.map((i) => i.id)), eq(discretionBenchmark.status, 'active')))
    : [];
  const existing = orgIds.length ? await ctx.db.select({ orgId: enforcementCase.orgId, caseNo: enforcementCase.caseNo }).from(enforcementCase).where(inArray(enforcementCase.orgId, orgIds)) : [];
  const taken = new Set(existing.map((e) => `${e.orgId}|${e.caseNo}`));

  const cols = emptyColumns();
  // Streamed: reading stops at a missing column or past IMPORT_MAX_ROWS rows, so a huge file costs no more
  // than the limit (the whole-workbook exceljs read held every cell of the file and blocked the server).
  const sheet = await readSheetColumns(file, IMPORT_COLUMNS, IMPORT_MAX_ROWS);
  if (sheet.errors.length) return { created: 0, errors: sheet.errors, errorCount: sheet.errors.length };
  const lookups = { bodyByName, itemsByOrgCode, benchmarks, taken, today };
  for (let i = 0; i < sheet.rows.length; i += 1) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await yieldToLoop();
    const { row, raw } = sheet.rows[i]!;
    validateRow(row, (k) => (DATE_KEYS.includes(k) ? serialDate(raw[k]) : raw[k]), lookups, err, cols);
  }
  if (errorCount === 0 && cols.org_id.length === 0) err(0, 'file', '文件中没有数据行');
  if (errorCount > 0) return { created: 0, errors, errorCount };

  const total = cols.org_id.length;
  await ctx.db.transaction(async (tx) => {
    for (let from = 0; from < total; from += IMPORT_BATCH) {
      const slice = Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, (v as unknown[]).slice(from, from + IMPORT_BATCH)])) as unknown as Columns;
      await insertCaseBatch(tx, slice, actor.id, ctx.now);
    }
    await recordAudit(tx, ctx, {
      action: 'case.import',
      module: MODULE,
      entityType: caseMachine.entity,
      after: { rows: total, bodies: [...new Set(cols.body_id)], sha256: createHash('sha256').update(file).digest('hex') },
    });
  });
  return { created: total, errors: [], errorCount: 0 };
};

interface Lookups {
  bodyByName: Map<string, { id: number; orgId: number; name: string; status: string }>;
  itemsByOrgCode: Map<string, { id: number; orgId: number; bodyId: number | null; code: string }>;
  benchmarks: { id: number; itemId: number; min: number | null; max: number | null }[];
  taken: Set<string>;
  today: string;
}

const validateRow = (r: number, get: (k: Key) => string | undefined, l: Lookups, err: (row: number, path: string, message: string) => void, cols: Columns): void => {
  let ok = true;
  const bad = (path: string, message: string) => {
    ok = false;
    err(r, path, message);
  };
  const bodyName = get('bodyName');
  const body = bodyName ? l.bodyByName.get(bodyName) : undefined;
  if (!bodyName) bad('bodyName', '请填写执法主体');
  else if (!body) bad('bodyName', `执法主体“${bodyName}”不存在或不在本人数据范围内`);
  const caseNo = get('caseNo');
  if (!caseNo) bad('caseNo', '请填写案件编号');
  else if (caseNo.length > 60) bad('caseNo', '案件编号不能超过 60 字');
  else if (body) {
    const key = `${body.orgId}|${caseNo}`;
    if (l.taken.has(key)) bad('caseNo', `案件编号“${caseNo}”已存在（或在文件中重复）`);
    else l.taken.add(key);
  }
  const kindText = get('kind');
  const kind = kindText ? kindOf.get(kindText) : undefined;
  if (!kind) bad('kind', '案件类型须为：行政处罚、行政许可、行政检查、行政强制');
  const title = get('title');
  if (!title || title.length < 4) bad('title', '案件名称至少 4 个字');
  else if (title.length > 200) bad('title', '案件名称不能超过 200 字');
  const partyName = get('partyName');
  if (!partyName) bad('partyName', '请填写当事人');
  else if (partyName.length > 100) bad('partyName', '当事人不能超过 100 字');
  const flag = (k: Key, label: string): boolean => {
    const v = get(k) ?? '';
    if (YES.has(v)) return true;
    if (!NO.has(v)) bad(k, `${label}须填“是”或“否”`);
    return false;
  };
  const enterprise = flag('enterprise', '涉企');
  const major = flag('major', '重大');
  const pk = get('partyKind');
  const partyKind = pk ? partyKindOf.get(pk) : enterprise ? 'legal_person' : 'citizen';
  if (!partyKind) bad('partyKind', '当事人类型须为：自然人、法人、其他组织');
  const date = (k: Key, label: string, required: boolean): string | null => {
    const v = get(k)?.replace(/\//g, '-');
    if (!v) {
      if (required) bad(k, `请填写${label}`);
      return null;
    }
    if (!isLocalDate(v)) {
      bad(k, `${label}须为 YYYY-MM-DD`);
      return null;
    }
    if (v > l.today) bad(k, `${label}不能晚于今天`);
    return v;
  };
  const filed = date('filedDate', '立案日期', true);
  const decided = date('decidedDate', '决定日期', true);
  const closed = date('closedDate', '结案日期', false);
  if (filed && decided && decided < filed) bad('decidedDate', '决定日期不能早于立案日期');
  if (decided && closed && closed < decided) bad('closedDate', '结案日期不能早于决定日期');
  const fineText = get('fine');
  let fineFen: number | null = null;
  if (fineText) {
    const n = Number(fineText.replace(/[,，]/g, ''));
    if (!Number.isFinite(n) || n < 0 || n > 1e10 || Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) bad('fine', '罚款金额须为不小于 0 的数字（元，最多两位小数）');
    else if (kind && kind !== 'penalty') bad('fine', '只有行政处罚案件填写罚款金额');
    else fineFen = Math.round(n * 100);
  }
  const code = get('itemCode');
  let item: { id: number; bodyId: number | null } | undefined;
  if (code && body) {
    item = l.itemsByOrgCode.get(`${body.orgId}|${code}`);
    if (!item || (item.bodyId !== null && item.bodyId !== body.id)) bad('itemCode', `事项编码“${code}”不在该主体的执法事项目录中`);
  }
  if (!ok) return;
  const ranges = item ? l.benchmarks.filter((b) => b.itemId === item!.id) : [];
  const outside = fineFen !== null && ranges.length > 0 && !ranges.some((b) => (b.min === null || fineFen! >= b.min) && (b.max === null || fineFen! <= b.max));
  cols.org_id.push(body!.orgId);
  cols.body_id.push(body!.id);
  cols.item_id.push(item?.id ?? null);
  cols.case_no.push(caseNo!);
  cols.kind.push(kind!);
  cols.title.push(title!);
  cols.party_name.push(partyName!);
  cols.party_kind.push(partyKind!);
  cols.enterprise_related.push(enterprise);
  cols.is_major.push(major);
  cols.filed_date.push(filed!);
  cols.decided_date.push(decided!);
  cols.closed_date.push(closed);
  cols.status.push(closed ? 'closed' : 'decided');
  cols.benchmark_id.push(null);
  cols.fine_fen.push(fineFen);
  cols.discretion_outside.push(outside);
};
