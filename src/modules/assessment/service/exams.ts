import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { notFound, orgUnit, queryRows, recordAudit, requirePermission, toLocalDate, validationError, writeXlsx, type Ctx } from '../../../kernel';
import type { ExamFilter, ExamInput, ExamResultInput } from '../contract';
import { percent } from '../options';
import { lawExam, lawExamResult, type LawExamRow } from '../schema';
import { CONFLICT, examScope, MODULE, orgNameOf, orgScope, PERM, requireWritableUnit } from './access';

const ENTITY = 'law_exam';

/** 学法考试列表 with the 参考率 / 通过率 over the results within the reader's scope. */
export const findExams = async (ctx: Ctx, f: ExamFilter, page: { page: number; pageSize: number }) => {
  requirePermission(ctx, PERM.read);
  const where = and(examScope(ctx), f.year ? eq(lawExam.year, f.year) : undefined);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(lawExam).where(where)) as [{ total: number }];
  const rows = await ctx.db
    .select({
      id: lawExam.id,
      title: lawExam.title,
      year: lawExam.year,
      examDate: lawExam.examDate,
      orgName: orgNameOf(lawExam.orgId),
      version: lawExam.version,
      units: sql<number>`(select count(*)::int from law_exam_result r where r.exam_id = ${lawExam.id} and ${orgScope(ctx, sql`r.org_id`)})`,
      eligible: sql<number>`(select coalesce(sum(r.eligible), 0)::int from law_exam_result r where r.exam_id = ${lawExam.id} and ${orgScope(ctx, sql`r.org_id`)})`,
      participated: sql<number>`(select coalesce(sum(r.participated), 0)::int from law_exam_result r where r.exam_id = ${lawExam.id} and ${orgScope(ctx, sql`r.org_id`)})`,
      passed: sql<number>`(select coalesce(sum(r.passed), 0)::int from law_exam_result r where r.exam_id = ${lawExam.id} and ${orgScope(ctx, sql`r.org_id`)})`,
    })
    .from(lawExam)
    .where(where)
    .orderBy(desc(lawExam.examDate), desc(lawExam.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    total: Number(total),
    items: rows.map((r) => ({ ...r, participationRate: percent(r.participated, r.eligible), passRate: percent(r.passed, r.participated) })),
  };
};

const getExamInScope = async (ctx: Ctx, id: number): Promise<LawExamRow> => {
  const [row] = await ctx.db.select().from(lawExam).where(and(eq(lawExam.id, id), examScope(ctx)));
  if (!row) throw notFound('学法考试');
  return row;
};

/** 考试详情: each unit's figures within scope, its rates, and the overall rates (两个百分百 when both are 100%). */
export const getExamDetail = async (ctx: Ctx, id: number, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const exam = await getExamInScope(ctx, id);
  const rows = await ctx.db
    .select({
      id: lawExamResult.id,
      orgId: lawExamResult.orgId,
      orgName: orgUnit.name,
      eligible: lawExamResult.eligible,
      participated: lawExamResult.participated,
      passed: lawExamResult.passed,
      version: lawExamResult.version,
    })
    .from(lawExamResult)
    .innerJoin(orgUnit, eq(orgUnit.id, lawExamResult.orgId))
    .where(and(eq(lawExamResult.examId, id), orgScope(ctx, lawExamResult.orgId, permission)))
    .orderBy(asc(orgUnit.path));
  const results = rows.map((r) => {
    const participationRate = percent(r.participated, r.eligible);
    const passRate = percent(r.passed, r.participated);
    return { ...r, participationRate, passRate, bothFull: participationRate === 100 && passRate === 100 };
  });
  const sum = (k: 'eligible' | 'participated' | 'passed') => results.reduce((s, r) => s + r[k], 0);
  const overall = { eligible: sum('eligible'), participated: sum('participated'), passed: sum('passed') };
  const participationRate = percent(overall.participated, overall.eligible);
  const passRate = percent(overall.passed, overall.participated);
  return {
    exam: { ...exam, orgName: (await queryRows<{ name: string }>(ctx.db, sql`select name from org_unit where id = ${exam.orgId}`))[0]?.name ?? '' },
    results,
    overall: { ...overall, participationRate, passRate, bothFull: participationRate === 100 && passRate === 100 },
  };
};

/** 新建考试 (依法治办). */
export const createExam = async (ctx: Ctx, input: ExamInput): Promise<LawExamRow> => {
  const actor = requirePermission(ctx, PERM.manage);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ id: orgUnit.id, path: orgUnit.path, isActive: orgUnit.isActive }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
    if (!org || !org.isActive) throw validationError([{ path: 'orgId', message: '组织单位不存在' }]);
    if (Number(input.examDate.slice(0, 4)) !== input.year) throw validationError([{ path: 'examDate', message: '考试日期须在所属年度内' }]);
    const [row] = await tx.insert(lawExam).values({ ...input, createdBy: actor.id, createdAt: ctx.now, updatedAt: ctx.now }).returning();
    await recordAudit(tx, ctx, { action: 'exam.create', module: MODULE, entityType: ENTITY, entityId: row!.id, after: input });
    return row!;
  });
};

/** 填报考试情况 for a unit (its own by `report`, any in scope by `manage`); a changed row needs its version. */
export const saveExamResult = async (ctx: Ctx, examId: number, input: ExamResultInput) => {
  await getExamInScope(ctx, examId);
  return ctx.db.transaction(async (tx) => {
    await requireWritableUnit(ctx, tx, input.orgId);
    const [exam] = await tx.select({ examDate: lawExam.examDate }).from(lawExam).where(eq(lawExam.id, examId));
    if (exam && exam.examDate > toLocalDate(ctx.now)) throw validationError([{ path: 'participated', message: '考试尚未举行，不能填报考试情况' }]);
    const [existing] = await tx.select().from(lawExamResult).where(and(eq(lawExamResult.examId, examId), eq(lawExamResult.orgId, input.orgId)));
    const values = { eligible: input.eligible, participated: input.participated, passed: input.passed, updatedBy: ctx.actor!.id, updatedAt: ctx.now };
    let row;
    if (!existing) {
      if (input.version !== undefined) throw CONFLICT();
      [row] = await tx.insert(lawExamResult).values({ examId, orgId: input.orgId, ...values }).onConflictDoNothing().returning();
    } else {
      if (input.version !== existing.version) throw CONFLICT();
      [row] = await tx
        .update(lawExamResult)
        .set({ ...values, version: sql`${lawExamResult.version} + 1` })
        .where(and(eq(lawExamResult.id, existing.id), eq(lawExamResult.version, existing.version)))
        .returning();
    }
    if (!row) throw CONFLICT();
    await recordAudit(tx, ctx, { action: 'exam.result_save', module: MODULE, entityType: ENTITY, entityId: examId, before: existing ?? null, after: values });
    return row;
  });
};

/** 导出考试情况 (.xlsx) within the export scope; audited. */
export const exportExamResults = async (ctx: Ctx, examId: number): Promise<{ fileName: string; data: Buffer }> => {
  requirePermission(ctx, PERM.export);
  const d = await getExamDetail(ctx, examId, PERM.export);
  type Row = (typeof d.results)[number];
  const pct = (v: number | null) => (v === null ? '' : `${v}%`);
  const data = await writeXlsx<Row>(
    '考试情况',
    [
      { header: '单位', width: 28, value: (r) => r.orgName },
      { header: '应考人数', value: (r) => r.eligible },
      { header: '参考人数', value: (r) => r.participated },
      { header: '通过人数', value: (r) => r.passed },
      { header: '参考率', value: (r) => pct(r.participationRate) },
      { header: '通过率', value: (r) => pct(r.passRate) },
      { header: '两个百分百', value: (r) => (r.bothFull ? '是' : '否') },
    ],
    d.results,
    `合计：应考 ${d.overall.eligible} 人，参考 ${d.overall.participated} 人，通过 ${d.overall.passed} 人；参考率 ${pct(d.overall.participationRate)}，通过率 ${pct(d.overall.passRate)}`,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'exam.export', module: MODULE, entityType: ENTITY, entityId: examId, after: { rows: d.results.length } }));
  return { fileName: `${d.exam.title}-考试情况.xlsx`, data };
};
