import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, decryptField, encryptField, maskPhone, notFound, recordAudit, requirePermission, scopeWhere, toLocalDate, validationError, type Ctx } from '../../../../kernel';
import { enforcementBody } from '../../registry/schema';
import type { ActivityInput, AddStepInput, CreateCampaignInput, MonthlyReportInput, SupervisorInput } from '../contract';
import { enforcementCampaign, enforcementCampaignReport, enforcementCampaignStep, enforcementSupervisor, enforcementSupervisorActivity } from '../schema';
import { actsOn, bodyForWrite, campaignScope, MODULE, orgNameSql, PERM, supervisorScope } from './access';

/** Months (YYYY-MM) of a period up to and including `lastMonth`. */
export const monthsOf = (from: string, to: string, lastMonth: string): string[] => {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7) < lastMonth ? to.slice(0, 7) : lastMonth;
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
};

/** The outer campaign's id, qualified (a bare column in a subquery binds to the subquery's table). */
const CAMPAIGN_ID = sql.raw('"enforcement_campaign"."id"');

/** 新建专项整治 (the actor's unit organises it); participating bodies in the actor's supervise scope. */
export const createCampaign = async (ctx: Ctx, input: CreateCampaignInput) => {
  const actor = requirePermission(ctx, PERM.supervise);
  return ctx.db.transaction(async (tx) => {
    const ids = [...new Set(input.bodyIds)];
    for (const id of ids) await bodyForWrite(ctx, actor, id, PERM.supervise, tx);
    const [row] = await tx
      .insert(enforcementCampaign)
      .values({ orgId: actor.orgId, title: input.title, periodFrom: input.periodFrom, periodTo: input.periodTo, bodyIds: ids, channels: input.channels, summary: input.summary, createdBy: actor.id, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    await recordAudit(tx, ctx, { action: 'campaign.create', module: MODULE, entityType: 'enforcement_campaign', entityId: row!.id, after: { title: input.title, bodies: ids.length } });
    return row!;
  });
};

const getCampaignInScope = async (ctx: Ctx, id: number, permission: string = PERM.read) => {
  const [row] = await ctx.db.select().from(enforcementCampaign).where(and(eq(enforcementCampaign.id, id), campaignScope(ctx, permission)));
  if (!row) throw notFound('专项整治');
  return row;
};

export const findCampaigns = async (ctx: Ctx) => {
  requirePermission(ctx, PERM.read);
  const items = await ctx.db
    .select({
      id: enforcementCampaign.id,
      title: enforcementCampaign.title,
      orgName: orgNameSql(enforcementCampaign.orgId),
      periodFrom: enforcementCampaign.periodFrom,
      periodTo: enforcementCampaign.periodTo,
      bodies: sql<number>`jsonb_array_length(${enforcementCampaign.bodyIds})::int`,
      steps: sql<number>`(select count(*)::int from enforcement_campaign_step s where s.campaign_id = ${CAMPAIGN_ID})`,
      stepsDone: sql<number>`(select count(*)::int from enforcement_campaign_step s where s.campaign_id = ${CAMPAIGN_ID} and s.status = 'done')`,
      problemsFound: sql<number>`(select coalesce(sum(r.problems_found), 0)::int from enforcement_campaign_report r where r.campaign_id = ${CAMPAIGN_ID})`,
      problemsRectified: sql<number>`(select coalesce(sum(r.problems_rectified), 0)::int from enforcement_campaign_report r where r.campaign_id = ${CAMPAIGN_ID})`,
    })
    .from(enforcementCampaign)
    .where(campaignScope(ctx))
    .orderBy(desc(enforcementCampaign.periodFrom), desc(enforcementCampaign.id))
    .limit(200);
  return { items, total: items.length };
};

/** 专项整治详情: steps, monthly reports (in the reader's scope) and the bodies that have not reported each past month. */
export const getCampaignDetail = async (ctx: Ctx, id: number) => {
  const row = await getCampaignInScope(ctx, id);
  const organiser = await actsOn(ctx, PERM.supervise, row.orgId);
  const bodies = row.bodyIds.length ? await ctx.db.select({ id: enforcementBody.id, name: enforcementBody.name, orgId: enforcementBody.orgId }).from(enforcementBody).where(inArray(enforcementBody.id, row.bodyIds)) : [];
  const steps = await ctx.db.select().from(enforcementCampaignStep).where(eq(enforcementCampaignStep.campaignId, id)).orderBy(asc(enforcementCampaignStep.startDate), asc(enforcementCampaignStep.id));
  const reports = await ctx.db
    .select()
    .from(enforcementCampaignReport)
    .where(and(eq(enforcementCampaignReport.campaignId, id), campaignScopeOfReport(ctx)))
    .orderBy(asc(enforcementCampaignReport.month), asc(enforcementCampaignReport.bodyId));
  const today = toLocalDate(ctx.now);
  // A month's report is due once the month is over: months up to last month.
  const lastMonth = (() => {
    const y = Number(today.slice(0, 4));
    const m = Number(today.slice(5, 7));
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  })();
  const months = monthsOf(row.periodFrom, row.periodTo, lastMonth);
  const visibleBodies = organiser ? bodies : (await Promise.all(bodies.map(async (b) => ((await actsOn(ctx, PERM.read, b.orgId)) ? b : null)))).filter((b): b is NonNullable<typeof b> => b !== null);
  const missing = months.map((month) => ({ month, bodies: visibleBodies.filter((b) => !reports.some((r) => r.bodyId === b.id && r.month === month)).map((b) => ({ id: b.id, name: b.name })) }));
  const reportable = (await Promise.all(bodies.map(async (b) => ((await actsOn(ctx, PERM.report, b.orgId)) ? { id: b.id, name: b.name } : null)))).filter((b): b is NonNullable<typeof b> => b !== null);
  return {
    record: { ...row, bodies: bodies.map((b) => ({ id: b.id, name: b.name })) },
    steps,
    reports: reports.map((r) => ({ ...r, bodyName: bodies.find((b) => b.id === r.bodyId)?.name ?? null })),
    missing,
    totals: { problemsFound: reports.reduce((a, r) => a + r.problemsFound, 0), problemsRectified: reports.reduce((a, r) => a + r.problemsRectified, 0) },
    can: { manage: organiser, reportFor: reportable },
  };
};

/** Monthly reports: the organiser's scope over the campaign, or the reporting body's unit. */
const campaignScopeOfReport = (ctx: Ctx) =>
  sql`(exists (select 1 from enforcement_campaign c where c.id = ${enforcementCampaignReport.campaignId} and ${scopeWhere(ctx.actor, PERM.read, { org: sql`c.org_id` })}) or ${scopeWhere(
    ctx.actor,
    PERM.read,
    { org: enforcementCampaignReport.orgId },
  )})`;

const organiserCampaign = async (ctx: Ctx, id: number) => {
  requirePermission(ctx, PERM.supervise);
  const row = await getCampaignInScope(ctx, id);
  if (!(await actsOn(ctx, PERM.supervise, row.orgId))) throw new AppError('FORBIDDEN', '只有组织专项整治的机关可以维护工作步骤');
  return row;
};

/** 工作步骤 (周推进计划). */
export const addStep = async (ctx: Ctx, id: number, input: AddStepInput) => {
  const row = await organiserCampaign(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const [step] = await tx.insert(enforcementCampaignStep).values({ campaignId: id, orgId: row.orgId, title: input.title, startDate: input.startDate, endDate: input.endDate, note: input.note, updatedAt: ctx.now }).returning();
    await recordAudit(tx, ctx, { action: 'campaign.step', module: MODULE, entityType: 'enforcement_campaign', entityId: id, after: { stepId: step!.id, title: input.title } });
    return step!;
  });
};

export const updateStep = async (ctx: Ctx, stepId: number, input: { version: number; status: 'planned' | 'doing' | 'done'; note: string | null }) => {
  const [step] = await ctx.db.select().from(enforcementCampaignStep).where(eq(enforcementCampaignStep.id, stepId));
  if (!step) throw notFound('工作步骤');
  await organiserCampaign(ctx, step.campaignId);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(enforcementCampaignStep)
      .set({ status: input.status, note: input.note ?? step.note, version: sql`${enforcementCampaignStep.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(enforcementCampaignStep.id, stepId), eq(enforcementCampaignStep.version, input.version)))
      .returning();
    if (!updated) throw new AppError('CONFLICT', '记录已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await recordAudit(tx, ctx, { action: 'campaign.step_status', module: MODULE, entityType: 'enforcement_campaign', entityId: step.campaignId, before: { status: step.status }, after: { stepId, status: input.status } });
    return updated;
  });
};

/** 月报 by a participating body (report permission over its unit); one per body and month. */
export const submitMonthlyReport = async (ctx: Ctx, id: number, input: MonthlyReportInput) => {
  const actor = requirePermission(ctx, PERM.report);
  const row = await getCampaignInScope(ctx, id);
  if (!row.bodyIds.includes(input.bodyId)) throw validationError([{ path: 'bodyId', message: '该执法主体未参加本次专项整治' }]);
  const today = toLocalDate(ctx.now);
  if (input.month > today.slice(0, 7)) throw validationError([{ path: 'month', message: '不能报送尚未开始的月份' }]);
  if (input.month < row.periodFrom.slice(0, 7) || input.month > row.periodTo.slice(0, 7)) throw validationError([{ path: 'month', message: '月份不在专项整治期间内' }]);
  return ctx.db.transaction(async (tx) => {
    const body = await bodyForWrite(ctx, actor, input.bodyId, PERM.report, tx);
    const [dup] = await tx
      .select({ id: enforcementCampaignReport.id })
      .from(enforcementCampaignReport)
      .where(and(eq(enforcementCampaignReport.campaignId, id), eq(enforcementCampaignReport.bodyId, body.id), eq(enforcementCampaignReport.month, input.month)));
    if (dup) throw new AppError('CONFLICT', `${body.name} ${input.month} 的月报已报送`, { details: { reason: 'duplicate' } });
    const [rep] = await tx
      .insert(enforcementCampaignReport)
      .values({ campaignId: id, orgId: body.orgId, bodyId: body.id, month: input.month, problemsFound: input.problemsFound, problemsRectified: input.problemsRectified, content: input.content, submittedDate: today, createdBy: actor.id, createdAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (!rep) throw new AppError('CONFLICT', `${body.name} ${input.month} 的月报已报送`, { details: { reason: 'duplicate' } });
    await recordAudit(tx, ctx, { action: 'campaign.report', module: MODULE, entityType: 'enforcement_campaign', entityId: id, after: { bodyId: body.id, month: input.month } });
    return rep;
  });
};

/** 特邀行政执法监督员 roster of the actor's unit. */
export const addSupervisor = async (ctx: Ctx, input: SupervisorInput) => {
  const actor = requirePermission(ctx, PERM.supervise);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(enforcementSupervisor)
      .values({ orgId: actor.orgId, name: input.name, workUnit: input.workUnit, termFrom: input.termFrom, termTo: input.termTo, phone: input.phone ? encryptField(ctx.services.keys.field, input.phone) : null, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    await recordAudit(tx, ctx, { action: 'supervisor.add', module: MODULE, entityType: 'enforcement_special_supervisor', entityId: row!.id, after: { name: input.name, workUnit: input.workUnit } });
    return { ...row!, phone: maskPhone(input.phone) };
  });
};

export const findSupervisors = async (ctx: Ctx) => {
  requirePermission(ctx, PERM.read);
  const rows = await ctx.db.select().from(enforcementSupervisor).where(supervisorScope(ctx)).orderBy(asc(enforcementSupervisor.id)).limit(500);
  const ids = rows.map((r) => r.id);
  const acts = ids.length
    ? await ctx.db
        .select({ a: enforcementSupervisorActivity, bodyName: sql<string | null>`(select b.name from enforcement_body b where b.id = ${enforcementSupervisorActivity.bodyId})` })
        .from(enforcementSupervisorActivity)
        .where(inArray(enforcementSupervisorActivity.supervisorId, ids))
        .orderBy(desc(enforcementSupervisorActivity.activityDate))
    : [];
  const today = toLocalDate(ctx.now);
  return {
    total: rows.length,
    items: rows.map((r) => ({
      ...r,
      phone: maskPhone(r.phone ? decryptField(ctx.services.keys.field, r.phone) : null),
      inTerm: r.termFrom <= today && today <= r.termTo,
      orgName: null as string | null,
      activities: acts.filter((x) => x.a.supervisorId === r.id).map((x) => ({ ...x.a, bodyName: x.bodyName })),
    })),
  };
};

export const addActivity = async (ctx: Ctx, supervisorId: number, input: ActivityInput) => {
  requirePermission(ctx, PERM.supervise);
  const [sup] = await ctx.db.select().from(enforcementSupervisor).where(and(eq(enforcementSupervisor.id, supervisorId), supervisorScope(ctx, PERM.supervise)));
  if (!sup) throw notFound('特邀监督员');
  if (input.activityDate > toLocalDate(ctx.now)) throw validationError([{ path: 'activityDate', message: '活动日期不能晚于今天' }]);
  if (input.bodyId) {
    const [b] = await ctx.db.select({ id: enforcementBody.id }).from(enforcementBody).where(eq(enforcementBody.id, input.bodyId));
    if (!b) throw validationError([{ path: 'bodyId', message: '执法主体不存在' }]);
  }
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(enforcementSupervisorActivity).values({ supervisorId, orgId: sup.orgId, activityDate: input.activityDate, kind: input.kind, bodyId: input.bodyId, notes: input.notes, createdBy: ctx.actor!.id, createdAt: ctx.now }).returning();
    await recordAudit(tx, ctx, { action: 'supervisor.activity', module: MODULE, entityType: 'enforcement_special_supervisor', entityId: supervisorId, after: { kind: input.kind, date: input.activityDate } });
    return row!;
  });
};
