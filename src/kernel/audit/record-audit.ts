import { sql } from 'drizzle-orm';
import { hmacSm3 } from '../crypto/sm';
import { queryRows, type DbOrTx } from '../db/client';
import type { Ctx } from '../context';

// Every audit insert takes this transaction-scoped advisory lock, so the chain has one order.
const AUDIT_CHAIN_LOCK = 7_201_001;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  module: string;
  entityType?: string | null;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  result?: 'success' | 'failure';
}

interface ChainedFields {
  at: Date;
  actorId: number | null;
  actorName: string | null;
  actorOrgId: number | null;
  action: string;
  module: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  result: string;
  requestId: string | null;
  ip: string | null;
}

/** A stable serialisation: object keys sorted at every depth, so a jsonb round trip keeps it. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** canonical(row_i): the part of the chained input that does not depend on the previous row. */
const canonicalRow = (row: ChainedFields): string =>
  canonicalJson({ ...row, at: row.at.toISOString(), before: row.before ?? null, after: row.after ?? null });

/** h_i = HMAC-SM3(auditKey, h_{i-1} ‖ canonical(row_i)). */
export const chainHash = (key: Buffer, prevHash: string, row: ChainedFields): string => hmacSm3(key, prevHash + canonicalRow(row));

// JSON values go through a jsonb round trip; normalise them the same way before hashing.
const jsonValue = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * 审计: appends one audit row in the caller's transaction, chained to the previous row. When the
 * transaction rolls back, the audit row goes with it; a business change never commits unaudited.
 */
export const recordAudit = async (tx: DbOrTx, ctx: Ctx, entry: AuditEntry): Promise<void> => {
  const fields: ChainedFields = {
    at: ctx.now,
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.displayName ?? null,
    actorOrgId: ctx.actor?.orgId ?? null,
    action: entry.action,
    module: entry.module,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before: jsonValue(entry.before),
    after: jsonValue(entry.after),
    reason: entry.reason ?? null,
    result: entry.result ?? 'success',
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
  // Everything that does not need the previous hash is done before taking the lock: every writing
  // transaction queues on it, so the time it is held is the audit chain's throughput limit.
  const canonical = canonicalRow(fields);
  const before = fields.before === null ? null : JSON.stringify(fields.before);
  const after = fields.after === null ? null : JSON.stringify(fields.after);
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  // A new statement after the lock: under READ COMMITTED it sees the row the previous holder committed.
  const [last] = await queryRows<{ hash: string }>(tx, sql`select hash from audit_log order by seq desc limit 1`);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = hmacSm3(ctx.services.keys.audit, prevHash + canonical);
  await tx.execute(
    sql`insert into audit_log (at, actor_id, actor_name, actor_org_id, action, module, entity_type, entity_id, before, after, reason, result, request_id, ip, prev_hash, hash)
        values (${fields.at}, ${fields.actorId}, ${fields.actorName}, ${fields.actorOrgId}, ${fields.action}, ${fields.module}, ${fields.entityType},
                ${fields.entityId}, ${before}::jsonb, ${after}::jsonb, ${fields.reason}, ${fields.result}, ${fields.requestId}, ${fields.ip}, ${prevHash}, ${hash})`,
  );
};

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** First row whose chain does not hold. */
  firstBadSeq: number | null;
  problem: string | null;
  headSeq: number | null;
  headHash: string;
}

/** Walks the whole audit chain and reports the first row that was changed, removed, inserted or reordered. */
export const verifyAuditChain = async (db: DbOrTx, key: Buffer, batchSize = 2000): Promise<AuditVerification> => {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let checked = 0;
  let headSeq: number | null = null;
  for (;;) {
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`select seq, at, actor_id, actor_name, actor_org_id, action, module, entity_type, entity_id, before, after,
                 reason, result, request_id, ip, prev_hash, hash
          from audit_log where seq > ${afterSeq} order by seq limit ${batchSize}`,
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      const fields: ChainedFields = {
        at: r.at instanceof Date ? r.at : new Date(String(r.at)),
        actorId: (r.actor_id as number | null) ?? null,
        actorName: (r.actor_name as string | null) ?? null,
        actorOrgId: (r.actor_org_id as number | null) ?? null,
        action: r.action as string,
        module: r.module as string,
        entityType: (r.entity_type as string | null) ?? null,
        entityId: (r.entity_id as string | null) ?? null,
        before: r.before ?? null,
        after: r.after ?? null,
        reason: (r.reason as string | null) ?? null,
        result: r.result as string,
        requestId: (r.request_id as string | null) ?? null,
        ip: (r.ip as string | null) ?? null,
      };
      const fail = (problem: string): AuditVerification => ({
        ok: false,
        checked,
        firstBadSeq: seq,
        problem,
        headSeq,
        headHash: prevHash,
      });
      if (r.prev_hash !== prevHash) return fail('前序哈希不连续：有记录被删除、插入或调换顺序');
      if (chainHash(key, prevHash, fields) !== r.hash) return fail('记录内容与哈希不符：记录被篡改');
      prevHash = r.hash as string;
      afterSeq = seq;
      headSeq = seq;
      checked += 1;
    }
  }
  return { ok: true, checked, firstBadSeq: null, problem: null, headSeq, headHash: prevHash };
};
