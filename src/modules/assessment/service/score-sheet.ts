import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { orgInScope, readXlsx, recordAudit, requirePermission, writeXlsx, type Ctx, type RowError } from '../../../kernel';
import { assessmentItem, assessmentScore } from '../schema';
import { getSchemeToManage, MODULE, PERM } from './access';
import { scoringContext, upsertScore } from './scores';

// Items a sheet carries: those scored by hand with a plain score (民主测评 needs counts, 自动取数 is computed).
const sheetItems = <T extends { scorer: string }>(items: T[]) => items.filter((i) => i.scorer === 'office' || i.scorer === 'third_party');

/** 评分表模板: one row per assessed unit, one column per hand-scored item, with the current scores. */
export const scoreSheetTemplate = async (ctx: Ctx, schemeId: number): Promise<{ fileName: string; data: Buffer }> => {
  requirePermission(ctx, PERM.import);
  const scheme = await getSchemeToManage(ctx, schemeId, ctx.db);
  const { items, targets } = await scoringContext(ctx, ctx.db, schemeId).catch(async () => {
    // A finalized or draft scheme still gets its template (read-only use).
    const its = await ctx.db.select().from(assessmentItem).where(eq(assessmentItem.schemeId, schemeId)).orderBy(asc(assessmentItem.sortOrder));
    return { items: its, targets: [] as { orgId: number; name: string; path: string }[] };
  });
  const cols = sheetItems([...items].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id));
  const scores = await ctx.db.select().from(assessmentScore).where(eq(assessmentScore.schemeId, schemeId));
  const data = await writeXlsx<{ orgId: number; name: string }>(
    '评分表',
    [
      { header: '单位', width: 28, value: (t) => t.name },
      ...cols.map((i) => ({ header: i.name, width: 14, value: (t: { orgId: number }) => scores.find((s) => s.itemId === i.id && s.orgId === t.orgId)?.score ?? '' })),
    ],
    targets.sort((a, b) => a.path.localeCompare(b.path)),
    `满分：${cols.map((i) => `${i.name} ${i.maxScore} 分`).join('；')}`,
  );
  return { fileName: `${scheme.year}年度评分表-${scheme.title}.xlsx`, data };
};

/**
 * 导入评分表: unit name × item columns. Every cell is checked (unit assessed and in scope, number within
 * 0..满分); nothing is written unless the whole sheet is valid. Empty cells leave a score unchanged.
 */
export const importScoreSheet = async (ctx: Ctx, schemeId: number, file: Buffer): Promise<{ saved: number; errors: RowError[] }> => {
  requirePermission(ctx, PERM.import);
  return ctx.db.transaction(async (tx) => {
    const { items, targets } = await scoringContext(ctx, tx, schemeId);
    const cols = sheetItems(items);
    const columns = [{ header: '单位', key: 'orgName', required: true }, ...cols.map((i) => ({ header: i.name.replace(/[*＊\s]/g, ''), key: `i${i.id}` }))];
    const shape: Record<string, z.ZodType> = { orgName: z.string({ error: '请填写单位' }).trim().min(1, '请填写单位') };
    for (const i of cols) {
      shape[`i${i.id}`] = z
        .string()
        .optional()
        .transform((v, c) => {
          if (v === undefined || v.trim() === '') return null;
          const n = Number(v);
          if (!Number.isFinite(n)) {
            c.addIssue({ code: 'custom', message: `“${i.name}”须为数字` });
            return z.NEVER;
          }
          if (n < 0 || n > i.maxScore) {
            c.addIssue({ code: 'custom', message: `“${i.name}”得分须在 0 至 ${i.maxScore} 之间` });
            return z.NEVER;
          }
          return Math.round(n * 100) / 100;
        });
    }
    const { rows, errors } = await readXlsx(file, columns, z.object(shape), 2000);
    const actor = ctx.actor!;
    const writes: { item: (typeof cols)[number]; orgId: number; score: number }[] = [];
    const seen = new Set<number>();
    for (const { row, value } of rows) {
      const v = value as Record<string, unknown> & { orgName: string };
      const target = targets.find((t) => t.name === v.orgName);
      if (!target || !orgInScope(actor, PERM.manage, { id: target.orgId, path: target.path })) {
        errors.push({ row, path: 'orgName', message: `单位“${v.orgName}”不是本方案的被考核单位` });
        continue;
      }
      if (seen.has(target.orgId)) {
        errors.push({ row, path: 'orgName', message: `单位“${v.orgName}”重复` });
        continue;
      }
      seen.add(target.orgId);
      for (const i of cols) {
        const s = v[`i${i.id}`];
        if (typeof s === 'number') writes.push({ item: i, orgId: target.orgId, score: s });
      }
    }
    if (errors.length === 0 && writes.length === 0) errors.push({ row: 0, path: 'file', message: '文件中没有可导入的得分' });
    if (errors.length > 0) return { saved: 0, errors: errors.sort((a, b) => a.row - b.row) };
    for (const w of writes) {
      const [existing] = await tx.select().from(assessmentScore).where(and(eq(assessmentScore.itemId, w.item.id), eq(assessmentScore.orgId, w.orgId)));
      await upsertScore(
        tx,
        ctx,
        schemeId,
        {
          item: w.item,
          orgId: w.orgId,
          values: { score: w.score, note: existing?.note ?? '评分表导入', evidence: existing?.evidence ?? null, satisfied: null, basicallySatisfied: null, dissatisfied: null, rawValue: null },
        },
        false,
      );
    }
    await recordAudit(tx, ctx, { action: 'score.import', module: MODULE, entityType: 'assessment_scheme', entityId: schemeId, after: { cells: writes.length } });
    return { saved: writes.length, errors: [] };
  });
};
