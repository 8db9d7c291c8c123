/**
 * 随机抽取 — reproducible and verifiable.
 *
 * Inputs: a 32-byte seed from `crypto.randomBytes` (hex) and a snapshot of the pools at draw time (target
 * ids with credit code and grade, inspector ids with unit and declared conflicts, all ordered by id, and
 * the plan's ratios). The snapshot's SHA-256 (over a canonical JSON with sorted keys) is recorded with it.
 *
 * Algorithm `hmac-sha256-rank/v1`:
 * 1. Each candidate gets the rank HMAC-SHA256(seed, `${pool}:${id}`) (hex); candidates are sorted by rank
 *    (ties impossible in practice; then by id).
 * 2. Targets: for a graded plan, per credit grade G the first ⌈n_G × ratio_G / 100⌉ of pool `target:G`;
 *    otherwise the first ⌈n × ratio / 100⌉ of pool `target`.
 * 3. Inspectors for each drawn target T: those without a declared conflict with T's credit code, ranked in
 *    pool `inspector:T`; first one from each participating unit (in the plan's unit order), then the next
 *    ranked until the group has `minInspectors` (≥ 2). If a unit has no eligible inspector, or there are
 *    too few, the draw fails with a clear error.
 * Re-running the same seed on the same snapshot gives the same groups: that is what 核验 does.
 */
import { createHash, createHmac } from 'node:crypto';
import type { DrawGroup, DrawSnapshot } from './schema';

export const DRAW_ALGORITHM = 'hmac-sha256-rank/v1';

/** JSON with object keys sorted at every depth (arrays keep their order). */
export const canonical = (v: unknown): string => {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
};

export const snapshotDigest = (s: DrawSnapshot): string => createHash('sha256').update(canonical(s)).digest('hex');

export const rank = (seed: string, pool: string, id: number): string => createHmac('sha256', Buffer.from(seed, 'hex')).update(`${pool}:${id}`).digest('hex');

const ranked = <T extends { id: number }>(seed: string, pool: string, list: readonly T[]): T[] =>
  list
    .map((x) => ({ x, r: rank(seed, pool, x.id) }))
    .sort((a, b) => (a.r < b.r ? -1 : a.r > b.r ? 1 : a.x.id - b.x.id))
    .map((e) => e.x);

export const sampleSize = (n: number, percent: number): number => (n === 0 || percent <= 0 ? 0 : Math.min(n, Math.ceil((n * percent) / 100 - 1e-9)));

export class DrawError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/** Runs the draw; throws DrawError when the pools cannot satisfy the rules. */
export const runDraw = (seed: string, s: DrawSnapshot, unitNames: Record<number, string> = {}): DrawGroup[] => {
  const targets: DrawSnapshot['targets'] = [];
  if (s.params.graded) {
    for (const g of ['A', 'B', 'C', 'D'] as const) {
      const pool = s.targets.filter((t) => t.grade === g);
      targets.push(...ranked(seed, `target:${g}`, pool).slice(0, sampleSize(pool.length, s.params.gradeRatios[g])));
    }
  } else {
    targets.push(...ranked(seed, 'target', s.targets).slice(0, sampleSize(s.targets.length, s.params.ratioPercent)));
  }
  if (targets.length === 0) throw new DrawError('按计划比例未抽到任何检查对象：请检查名录库是否有在库对象，或提高抽查比例', 'targets');
  return targets.map((t) => {
    const eligible = ranked(
      seed,
      `inspector:${t.id}`,
      s.inspectors.filter((i) => !i.conflicts.includes(t.creditCode)),
    );
    const chosen: number[] = [];
    for (const unit of s.params.units) {
      const pick = eligible.find((i) => i.orgId === unit && !chosen.includes(i.id));
      if (!pick) throw new DrawError(`${unitNames[unit] ?? `单位 ${unit}`}没有可抽取的执法检查人员（无在库人员，或均与检查对象 ${t.creditCode} 存在利害关系需回避）`, 'inspectors');
      chosen.push(pick.id);
    }
    for (const i of eligible) {
      if (chosen.length >= s.params.minInspectors) break;
      if (!chosen.includes(i.id)) chosen.push(i.id);
    }
    if (chosen.length < s.params.minInspectors) {
      throw new DrawError(`执法检查人员不足：检查对象 ${t.creditCode} 需要至少 ${s.params.minInspectors} 名无利害关系的检查人员，名录库中仅有 ${chosen.length} 名`, 'inspectors');
    }
    return { targetId: t.id, inspectorIds: chosen };
  });
};
