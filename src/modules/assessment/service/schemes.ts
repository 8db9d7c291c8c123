import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, auditLog, orgUnit, recordAudit, requirePermission, validationError, type Ctx } from '../../../kernel';
import type { SchemeFilter, SchemeInput } from '../contract';
import { assessmentItem, assessmentScheme, assessmentTarget, type AssessmentSchemeRow } from '../schema';
import { CONFLICT, getSchemeInScope, getSchemeToManage, MODULE, orgNameOf, orgScope, PERM, requireSchemeState, schemeScope } from './access';

const ENTITY = 'assessment_scheme';

/** 考核方案列表 within scope, newest year first, with item and target counts. */
export const findSchemes = async (ctx: Ctx, f: SchemeFilter, page: { page: number; pageSize: number }) => {
  requirePermission(ctx, PERM.read);
  const where = and(schemeScope(ctx), f.year ? eq(assessmentScheme.year, f.year) : undefined, f.status ? eq(assessmentScheme.status, f.status) : undefined);
  const [{ total }] = (await ctx.db.select({ total: count() }).from(assessmentScheme).where(where)) as [{ total: number }];
  const items = await ctx.db
    .select({
      id: assessmentScheme.id,
      year: assessmentScheme.year,
      title: assessmentScheme.title,
      weightInTarget: assessmentScheme.weightInTarget,
      status: assessmentScheme.status,
      dutyReportDueDate: assessmentScheme.dutyReportDueDate,
      orgName: orgNameOf(assessmentScheme.orgId),
      version: assessmentScheme.version,
      itemCount: sql<number>`(select count(*)::int from assessment_item i where i.scheme_id = ${assessmentScheme.id})`,
      totalMaxScore: sql<number>`(select coalesce(sum(i.max_score), 0)::float from assessment_item i where i.scheme_id = ${assessmentScheme.id})`,
      targetCount: sql<number>`(select count(*)::int from assessment_target t where t.scheme_id = ${assessmentScheme.id})`,
    })
    .from(assessmentScheme)
    .where(where)
    .orderBy(desc(assessmentScheme.year), desc(assessmentScheme.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items };
};

/** 方案详情: the scheme, its items (with the sum of maxima) and its assessed units within scope. */
export const getSchemeDetail = async (ctx: Ctx, id: number) => {
  const scheme = await getSchemeInScope(ctx, id);
  const items = await ctx.db.select().from(assessmentItem).where(eq(assessmentItem.schemeId, id)).orderBy(asc(assessmentItem.sortOrder), asc(assessmentItem.id));
  const targets = await ctx.db
    .select({ orgId: assessmentTarget.orgId, orgName: orgUnit.name })
    .from(assessmentTarget)
    .innerJoin(orgUnit, eq(orgUnit.id, assessmentTarget.orgId))
    .where(and(eq(assessmentTarget.schemeId, id), orgScope(ctx, assessmentTarget.orgId)))
    .orderBy(asc(orgUnit.path));
  const [all] = await ctx.db.select({ n: count() }).from(assessmentTarget).where(eq(assessmentTarget.schemeId, id));
  const totalMaxScore = Math.round(items.reduce((s, i) => s + i.maxScore, 0) * 100) / 100;
  const [managed] = await ctx.db.select({ id: assessmentScheme.id }).from(assessmentScheme).where(and(eq(assessmentScheme.id, id), orgScope(ctx, assessmentScheme.orgId, PERM.manage)));
  return { scheme: { ...scheme, orgName: (await orgNameFor(ctx, scheme.orgId)) ?? '' }, items, targets, targetCount: Number(all?.n ?? 0), totalMaxScore, canManage: Boolean(managed) };
};

const orgNameFor = async (ctx: Ctx, id: number) => (await ctx.db.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, id)))[0]?.name;

/** 新建方案 (草拟中), owned by the actor's unit. */
export const createScheme = async (ctx: Ctx, input: SchemeInput): Promise<AssessmentSchemeRow> => {
  const actor = requirePermission(ctx, PERM.manage);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assessmentScheme)
      .values({ ...input, status: 'draft', orgId: actor.orgId, createdBy: actor.id, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    await recordAudit(tx, ctx, { action: 'scheme.create', module: MODULE, entityType: ENTITY, entityId: row!.id, after: input });
    return row!;
  });
};

/** 修改方案: title, weight and due date may change until the scheme is finalized; conditional on the version. */
export const updateScheme = async (ctx: Ctx, id: number, input: SchemeInput & { version: number }): Promise<AssessmentSchemeRow> =>
  ctx.db.transaction(async (tx) => {
    const row = await getSchemeToManage(ctx, id, tx);
    requireSchemeState(row, ['draft', 'published'], '修改');
    if (row.status !== 'draft' && input.year !== row.year) throw validationError([{ path: 'year', message: '方案发布后不能修改年度' }]);
    const { version, ...rest } = input;
    const [after] = await tx
      .update(assessmentScheme)
      .set({ ...rest, version: sql`${assessmentScheme.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(assessmentScheme.id, id), eq(assessmentScheme.version, version)))
      .returning();
    if (!after) throw CONFLICT();
    await recordAudit(tx, ctx, { action: 'scheme.update', module: MODULE, entityType: ENTITY, entityId: id, before: { version: row.version }, after: rest });
    return after;
  });

/** 发布 (items frozen; needs items and units) and 定稿 (scores frozen). */
export const changeSchemeStatus = async (ctx: Ctx, id: number, to: 'published' | 'finalized', version: number): Promise<AssessmentSchemeRow> =>
  ctx.db.transaction(async (tx) => {
    const row = await getSchemeToManage(ctx, id, tx);
    if (to === 'published') {
      requireSchemeState(row, ['draft'], '发布');
      const [items] = await tx.select({ n: count() }).from(assessmentItem).where(eq(assessmentItem.schemeId, id));
      const [targets] = await tx.select({ n: count() }).from(assessmentTarget).where(eq(assessmentTarget.schemeId, id));
      const problems = [];
      if (!Number(items?.n)) problems.push({ path: 'items', message: '方案还没有考核项目，不能发布' });
      if (!Number(targets?.n)) problems.push({ path: 'targets', message: '方案还没有被考核单位，不能发布' });
      if (problems.length) throw validationError(problems);
    } else {
      requireSchemeState(row, ['published'], '定稿');
    }
    if (row.version !== version) throw CONFLICT();
    const [after] = await tx
      .update(assessmentScheme)
      .set({ status: to, version: sql`${assessmentScheme.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(assessmentScheme.id, id), eq(assessmentScheme.version, version), eq(assessmentScheme.status, row.status)))
      .returning();
    if (!after) throw CONFLICT();
    await recordAudit(tx, ctx, {
      action: to === 'published' ? 'scheme.publish' : 'scheme.finalize',
      module: MODULE,
      entityType: ENTITY,
      entityId: id,
      before: { status: row.status, version: row.version },
      after: { status: to, version: after.version },
    });
    return after;
  });

/** 被考核单位: replaces the list while the scheme is a draft. */
export const setTargets = async (ctx: Ctx, id: number, orgIds: number[], version: number) =>
  ctx.db.transaction(async (tx) => {
    const row = await getSchemeToManage(ctx, id, tx);
    requireSchemeState(row, ['draft'], '调整被考核单位');
    const unique = [...new Set(orgIds)];
    const found = await tx.select({ id: orgUnit.id, isActive: orgUnit.isActive }).from(orgUnit).where(inArray(orgUnit.id, unique));
    const missing = unique.filter((o) => !found.some((f) => f.id === o && f.isActive));
    if (missing.length) throw validationError(missing.map((o) => ({ path: 'orgIds', message: `单位（编号 ${o}）不存在或已停用` })));
    const [bumped] = await tx
      .update(assessmentScheme)
      .set({ version: sql`${assessmentScheme.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(assessmentScheme.id, id), eq(assessmentScheme.version, version), eq(assessmentScheme.status, 'draft')))
      .returning();
    if (!bumped) throw CONFLICT();
    await tx.delete(assessmentTarget).where(eq(assessmentTarget.schemeId, id));
    await tx.insert(assessmentTarget).values(unique.map((orgId) => ({ schemeId: id, orgId })));
    await recordAudit(tx, ctx, { action: 'scheme.set_targets', module: MODULE, entityType: ENTITY, entityId: id, after: { orgIds: unique } });
    return bumped;
  });

/** 操作记录 of a scheme (its own, item, score and import actions). */
export const getSchemeActivity = async (ctx: Ctx, id: number) => {
  await getSchemeInScope(ctx, id);
  const items = await ctx.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, reason: auditLog.reason, result: auditLog.result })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, ENTITY), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.seq))
    .limit(200);
  return { items };
};

export const assertNotFinal = (row: AssessmentSchemeRow) => {
  if (row.status === 'finalized') throw new AppError('INVALID_STATE', '方案已定稿，评分不能再修改', { details: { reason: 'wrong_state', state: row.status } });
};
