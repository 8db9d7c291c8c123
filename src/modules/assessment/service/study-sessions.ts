import { z } from 'zod';
import { and, count, desc, eq, gte, ilike, lte, or, sql } from 'drizzle-orm';
import { isLocalDate, notFound, orgUnit, readXlsx, recordAudit, requirePermission, toLocalDate, validationError, writeXlsx, type Ctx, type RowError } from '../../../kernel';
import { studySessionSchema, type StudyFilter, type StudySessionInput } from '../contract';
import { STUDY_FORMS } from '../options';
import { studySession, type StudySessionRow } from '../schema';
import { CONFLICT, MODULE, orgNameOf, orgScope, PERM, requireWritableUnit, unitWritable } from './access';

const ENTITY = 'study_session';
const formLabel = (v: string) => STUDY_FORMS.find((f) => f.value === v)?.label ?? v;

const conditions = (ctx: Ctx, f: StudyFilter, permission: string) =>
  and(
    orgScope(ctx, studySession.orgId, permission),
    f.orgId ? sql`${studySession.orgId} in (select id from org_unit where path like (select path from org_unit where id = ${f.orgId}) || '%')` : undefined,
    f.form ? eq(studySession.form, f.form) : undefined,
    f.dateFrom ? gte(studySession.date, f.dateFrom) : undefined,
    f.dateTo ? lte(studySession.date, f.dateTo) : undefined,
    f.q ? or(ilike(studySession.topic, `%${f.q}%`), ilike(studySession.lecturer, `%${f.q}%`)) : undefined,
  );

/** 学法记录列表 within scope, newest first, with the page's total hours. */
export const findStudySessions = async (ctx: Ctx, f: StudyFilter, page: { page: number; pageSize: number }, permission: string = PERM.read) => {
  requirePermission(ctx, permission);
  const where = conditions(ctx, f, permission);
  const [agg] = await ctx.db
    .select({ total: count(), hours: sql<number>`coalesce(sum(${studySession.durationHours}), 0)::float` })
    .from(studySession)
    .where(where);
  const items = await ctx.db
    .select({
      id: studySession.id,
      orgId: studySession.orgId,
      orgName: orgNameOf(studySession.orgId),
      date: studySession.date,
      topic: studySession.topic,
      form: studySession.form,
      lecturer: studySession.lecturer,
      attendeeCount: studySession.attendeeCount,
      attendees: studySession.attendees,
      durationHours: studySession.durationHours,
      version: studySession.version,
    })
    .from(studySession)
    .where(where)
    .orderBy(desc(studySession.date), desc(studySession.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(agg?.total ?? 0), totalHours: Number(agg?.hours ?? 0), items };
};

const checkDate = (ctx: Ctx, date: string) => {
  if (date > toLocalDate(ctx.now)) throw validationError([{ path: 'date', message: '学法日期不能晚于今天' }]);
};

/** 登记学法 for a unit the actor may write for. */
export const createStudySession = async (ctx: Ctx, input: StudySessionInput): Promise<StudySessionRow> =>
  ctx.db.transaction(async (tx) => {
    await requireWritableUnit(ctx, tx, input.orgId);
    checkDate(ctx, input.date);
    const [row] = await tx.insert(studySession).values({ ...input, createdBy: ctx.actor!.id, createdAt: ctx.now, updatedAt: ctx.now }).returning();
    await recordAudit(tx, ctx, { action: 'study.create', module: MODULE, entityType: ENTITY, entityId: row!.id, after: input });
    return row!;
  });

/** 修改学法记录 at the version the editor saw. */
export const updateStudySession = async (ctx: Ctx, id: number, input: StudySessionInput & { version: number }): Promise<StudySessionRow> =>
  ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(studySession).where(and(eq(studySession.id, id), orgScope(ctx, studySession.orgId)));
    if (!row) throw notFound('学法记录');
    const [org] = await tx.select({ id: orgUnit.id, path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, row.orgId));
    if (!org || !unitWritable(ctx.actor!, org)) await requireWritableUnit(ctx, tx, row.orgId);
    await requireWritableUnit(ctx, tx, input.orgId);
    checkDate(ctx, input.date);
    const { version, ...rest } = input;
    const [after] = await tx
      .update(studySession)
      .set({ ...rest, version: sql`${studySession.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(studySession.id, id), eq(studySession.version, version)))
      .returning();
    if (!after) throw CONFLICT();
    await recordAudit(tx, ctx, { action: 'study.update', module: MODULE, entityType: ENTITY, entityId: id, before: row, after: rest });
    return after;
  });

/** 导出学法记录 (.xlsx); audited. */
export const exportStudySessions = async (ctx: Ctx, f: StudyFilter): Promise<Buffer> => {
  requirePermission(ctx, PERM.export);
  const { items } = await findStudySessions(ctx, f, { page: 1, pageSize: 50_000 }, PERM.export);
  const buf = await writeXlsx<(typeof items)[number]>(
    '领导干部学法',
    [
      { header: '单位', width: 28, value: (r) => r.orgName },
      { header: '学法日期', width: 12, value: (r) => r.date },
      { header: '学法主题', width: 40, value: (r) => r.topic },
      { header: '学法形式', width: 20, value: (r) => formLabel(r.form) },
      { header: '授课人', width: 16, value: (r) => r.lecturer ?? '' },
      { header: '参加人数', value: (r) => r.attendeeCount },
      { header: '学法时长（小时）', value: (r) => r.durationHours },
      { header: '参加人员', width: 40, value: (r) => r.attendees ?? '' },
    ],
    items,
  );
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'study.export', module: MODULE, reason: JSON.stringify(f), after: { rows: items.length } }));
  return buf;
};

export const STUDY_IMPORT_COLUMNS = [
  { header: '单位', key: 'orgName', required: true },
  { header: '学法日期', key: 'date', required: true },
  { header: '学法主题', key: 'topic', required: true },
  { header: '学法形式', key: 'form', required: true },
  { header: '授课人', key: 'lecturer' },
  { header: '参加人数', key: 'attendeeCount', required: true },
  { header: '学法时长（小时）', key: 'durationHours', required: true },
  { header: '参加人员', key: 'attendees' },
];

const numberCell = (label: string) =>
  z.string({ error: `请填写${label}` }).transform((v, c) => {
    const n = Number(v);
    if (!Number.isFinite(n)) {
      c.addIssue({ code: 'custom', message: `${label}须为数字` });
      return z.NEVER;
    }
    return n;
  });

const rowSchema = z.object({
  orgName: z.string({ error: '请填写单位' }).trim().min(1, '请填写单位'),
  date: z.string({ error: '请填写学法日期' }).refine(isLocalDate, '学法日期须为 YYYY-MM-DD'),
  topic: z.string({ error: '请填写学法主题' }),
  form: z.string({ error: '请填写学法形式' }).transform((v, c) => {
    const hit = STUDY_FORMS.find((f) => f.label === v || f.value === v);
    if (!hit) {
      c.addIssue({ code: 'custom', message: `学法形式须为：${STUDY_FORMS.map((f) => f.label).join('、')}` });
      return z.NEVER;
    }
    return hit.value;
  }),
  lecturer: z.string().optional(),
  attendeeCount: numberCell('参加人数'),
  durationHours: numberCell('学法时长'),
  attendees: z.string().optional(),
});

/** 导入学法记录: all rows valid (unit in scope, same rules as the form) or nothing is written. */
export const importStudySessions = async (ctx: Ctx, file: Buffer): Promise<{ created: number; errors: RowError[] }> => {
  requirePermission(ctx, PERM.import);
  const { rows, errors } = await readXlsx(file, STUDY_IMPORT_COLUMNS, rowSchema, 5000);
  const units = await ctx.db.select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path, isActive: orgUnit.isActive }).from(orgUnit);
  const today = toLocalDate(ctx.now);
  const resolved: StudySessionInput[] = [];
  for (const { row, value } of rows) {
    const unit = units.find((u) => u.name === value.orgName);
    if (!unit || !unit.isActive || !unitWritable(ctx.actor!, unit)) {
      errors.push({ row, path: 'orgName', message: `单位“${value.orgName}”不存在或不在本人数据范围内` });
      continue;
    }
    const parsed = studySessionSchema.safeParse({ ...value, durationHours: String(value.durationHours), orgId: unit.id, lecturer: value.lecturer ?? null, attendees: value.attendees ?? null });
    if (!parsed.success) {
      for (const i of parsed.error.issues) errors.push({ row, path: i.path.join('.'), message: i.message });
      continue;
    }
    if (parsed.data.date > today) {
      errors.push({ row, path: 'date', message: '学法日期不能晚于今天' });
      continue;
    }
    resolved.push(parsed.data);
  }
  if (errors.length === 0 && resolved.length === 0) errors.push({ row: 0, path: 'file', message: '文件中没有数据行' });
  if (errors.length > 0) return { created: 0, errors: errors.sort((a, b) => a.row - b.row) };
  await ctx.db.transaction(async (tx) => {
    for (const r of resolved) await tx.insert(studySession).values({ ...r, createdBy: ctx.actor!.id, createdAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'study.import', module: MODULE, after: { rows: resolved.length } });
  });
  return { created: resolved.length, errors: [] };
};
