import { and, count, desc, eq, sql } from 'drizzle-orm';
import { AppError, applyTransition, inOrgSubtree, notFound, scopeWhere, orgInScope, orgUnit, recordAudit, requirePermission, runClockEffects, syncStateTodo, toLocalDate, validationError, type Ctx } from '../../../kernel';
import { diffDays } from '../../../kernel/shared/local-date';
import { ATTENDANCE, HEAD_ATTENDANCE, suggestionMachine } from '../case-machine';
import type { HearingInput, ObservationInput, SuggestionInput } from '../contract';
import { litigationCase, litigationHearing, litigationObservation, litigationSuggestion, type LitigationCaseRow } from '../schema';
import { caseScope, checkWithin, getCaseInScope, MODULE, PERM, suggestionTable } from './access';
import { applyCaseTransition } from './transition-case';

type Problem = { path: string; message: string };

/** Hearings may be recorded once the defence is filed, until the case is judged. */
const HEARING_STATES = ['awaiting_hearing', 'heard'];

/** 出庭通知书 at least 3 days before the hearing (HEAD2020 第五条): hearing date − notice date ≥ 3. */
export const noticeIsLate = (noticeServedDate: string | null, hearingDate: string): boolean => noticeServedDate !== null && diffDays(noticeServedDate, hearingDate) < 3;

/** Rules of a hearing record (HEAD2020 第五、六、八、十一条); a hearing still ahead has no attendance yet. */
const checkHearing = (row: LitigationCaseRow, h: HearingInput, today: string): void => {
  const problems: Problem[] = [];
  const held = h.hearingDate <= today;
  if (row.defenceFiledDate && h.hearingDate < row.defenceFiledDate) problems.push({ path: 'hearingDate', message: `开庭日期不能早于提交答辩状之日（${row.defenceFiledDate}）` });
  if (h.noticeServedDate) {
    if (h.noticeServedDate > today) problems.push({ path: 'noticeServedDate', message: '日期不能晚于今天' });
    if (h.noticeServedDate > h.hearingDate) problems.push({ path: 'noticeServedDate', message: '出庭通知书送达日期不能晚于开庭日期' });
  }
  if (h.identityFiledDate) {
    if (h.identityFiledDate > today) problems.push({ path: 'identityFiledDate', message: '日期不能晚于今天' });
    if (h.identityFiledDate > h.hearingDate) problems.push({ path: 'identityFiledDate', message: '负责人身份证明应在开庭前提交（第六条）' });
  }
  if (!held) {
    if (h.attendance) problems.push({ path: 'attendance', message: '尚未开庭，开庭后再记录出庭情况' });
  } else if (!h.attendance) {
    problems.push({ path: 'attendance', message: '请选择出庭情况' });
  } else if (HEAD_ATTENDANCE.includes(h.attendance)) {
    if (!h.headName) problems.push({ path: 'headName', message: '请填写出庭负责人姓名' });
    if (!h.headPost) problems.push({ path: 'headPost', message: '请填写出庭负责人职务' });
    if (h.headSpoke === null) problems.push({ path: 'headSpoke', message: '请填写负责人是否就实质性解决争议发表意见（第十一条）' });
    if (h.absenceReason) problems.push({ path: 'absenceReason', message: '负责人已出庭，不填写未出庭理由' });
  } else {
    if (!h.absenceReason) problems.push({ path: 'absenceReason', message: '负责人未出庭的，请选择理由（第八条）' });
    if (h.headName || h.headPost) problems.push({ path: 'headName', message: `出庭情况为“${ATTENDANCE.find((a) => a.value === h.attendance)!.label}”，不填写出庭负责人` });
  }
  if (problems.length) throw validationError(problems);
};

const hearingValues = (h: HearingInput) => ({ ...h, noticeLate: noticeIsLate(h.noticeServedDate, h.hearingDate), headSpoke: HEAD_ATTENDANCE.includes(h.attendance ?? '') ? h.headSpoke : null });

/** A held hearing moves a case waiting for its hearing to 已开庭. */
const markHeard = async (tx: Parameters<typeof applyCaseTransition>[0], ctx: Ctx, caseId: number, h: HearingInput, today: string) => {
  if (h.hearingDate > today) return;
  const [row] = await tx.select().from(litigationCase).where(eq(litigationCase.id, caseId));
  if (row?.status === 'awaiting_hearing') await applyCaseTransition(tx, ctx, row, 'hold', { heardDate: h.hearingDate });
};

/** 记录庭审与出庭情况. */
export const addHearing = async (ctx: Ctx, caseId: number, input: HearingInput) => {
  requirePermission(ctx, PERM.handle);
  return ctx.db.transaction(async (tx) => {
    const row = await getCaseInScope(ctx, caseId, tx, PERM.handle);
    if (!HEARING_STATES.includes(row.status)) throw new AppError('INVALID_STATE', '提交答辩状后、裁判前才能记录庭审');
    const today = toLocalDate(ctx.now);
    checkHearing(row, input, today);
    const [created] = await tx
      .insert(litigationHearing)
      .values({ caseId, orgId: row.orgId, ...hearingValues(input), createdBy: ctx.actor?.id ?? null, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    await markHeard(tx, ctx, caseId, input, today);
    await recordAudit(tx, ctx, { action: 'case.hearing', module: MODULE, entityType: 'litigation_case', entityId: caseId, after: { hearingId: created!.id, hearingDate: input.hearingDate, attendance: input.attendance } });
    return created!;
  });
};

/** 补记出庭情况: edits a hearing (version → 409 on a stale one). */
export const updateHearing = async (ctx: Ctx, hearingId: number, input: HearingInput & { version: number }) => {
  requirePermission(ctx, PERM.handle);
  return ctx.db.transaction(async (tx) => {
    const [hit] = await tx
      .select({ hearing: litigationHearing })
      .from(litigationHearing)
      .innerJoin(litigationCase, eq(litigationCase.id, litigationHearing.caseId))
      .where(and(eq(litigationHearing.id, hearingId), caseScope(ctx, PERM.handle)));
    if (!hit) throw notFound('庭审记录');
    const row = await getCaseInScope(ctx, hit.hearing.caseId, tx, PERM.handle);
    if (!HEARING_STATES.includes(row.status) && row.status !== 'judged') throw new AppError('INVALID_STATE', '案件已结，不能修改庭审记录');
    const { version, ...h } = input;
    const today = toLocalDate(ctx.now);
    checkHearing(row, h, today);
    const [updated] = await tx
      .update(litigationHearing)
      .set({ ...hearingValues(h), version: sql`${litigationHearing.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(litigationHearing.id, hearingId), eq(litigationHearing.version, version)))
      .returning();
    if (!updated) throw new AppError('CONFLICT', '庭审记录已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
    await markHeard(tx, ctx, row.id, h, today);
    await recordAudit(tx, ctx, { action: 'case.hearing_update', module: MODULE, entityType: 'litigation_case', entityId: row.id, before: { attendance: hit.hearing.attendance }, after: { hearingId, attendance: h.attendance } });
    return updated;
  });
};

/** 收到司法建议: the court's reply date starts a fixed-date clock. */
export const addSuggestion = async (ctx: Ctx, caseId: number, input: SuggestionInput) => {
  requirePermission(ctx, PERM.handle);
  return ctx.db.transaction(async (tx) => {
    const row = await getCaseInScope(ctx, caseId, tx, PERM.handle);
    const today = toLocalDate(ctx.now);
    const problems: Problem[] = [];
    const p = checkWithin('receivedDate', input.receivedDate, row.filedDate, '立案日期', today);
    if (p) problems.push(p);
    if (input.dueDate < input.receivedDate) problems.push({ path: 'dueDate', message: '回复期限不能早于收到日期' });
    if (problems.length) throw validationError(problems);
    const [created] = await tx
      .insert(litigationSuggestion)
      .values({ caseId, orgId: row.orgId, ...input, status: suggestionMachine.initial, createdBy: ctx.actor?.id ?? null, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    const s = created!;
    await runClockEffects(tx, ctx, MODULE, suggestionMachine, s, [{ clock: 'reply', action: 'start', from: 'receivedDate', due: 'dueDate' }], { receivedDate: input.receivedDate, dueDate: input.dueDate });
    await syncStateTodo(tx, ctx, MODULE, suggestionMachine, s, `${row.caseNo} 司法建议`, `/${MODULE}/suggestions/${s.id}`);
    await recordAudit(tx, ctx, { action: 'case.suggestion', module: MODULE, entityType: 'litigation_case', entityId: caseId, after: { suggestionId: s.id, dueDate: input.dueDate } });
    return s;
  });
};

/** Loads a 司法建议 through its case's scope (404 outside). */
export const getSuggestionInScope = async (ctx: Ctx, id: number, permission: string = PERM.read) => {
  const [hit] = await ctx.db
    .select({ s: litigationSuggestion })
    .from(litigationSuggestion)
    .innerJoin(litigationCase, eq(litigationCase.id, litigationSuggestion.caseId))
    .where(and(eq(litigationSuggestion.id, id), caseScope(ctx, permission)));
  if (!hit) throw notFound('司法建议');
  return hit.s;
};

/** 记录回复. */
export const transitionSuggestion = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Record<string, unknown> }) =>
  ctx.db.transaction(async (tx) => {
    const s = await getSuggestionInScope({ ...ctx, db: tx }, id, PERM.read);
    const today = toLocalDate(ctx.now);
    return applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: suggestionMachine,
      target: suggestionTable,
      row: s,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      guard: async ({ input }) => {
        await getCaseInScope(ctx, s.caseId, tx, PERM.handle);
        const p = checkWithin('replyDate', input.replyDate as string, s.receivedDate, '收到司法建议之日', today);
        if (p) throw validationError([p]);
      },
    });
  });

/** 旁听庭审 / 庭审讲评 organised by a unit in the actor's handle scope. */
export const addObservation = async (ctx: Ctx, input: ObservationInput) => {
  const actor = requirePermission(ctx, PERM.handle);
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ id: orgUnit.id, path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.id, input.orgId));
    if (!org || !orgInScope(actor, PERM.handle, org)) throw validationError([{ path: 'orgId', message: '只能为本人数据范围内的单位登记' }]);
    if (input.heldOn > toLocalDate(ctx.now)) throw validationError([{ path: 'heldOn', message: '日期不能晚于今天' }]);
    if (input.caseId) {
      const [c] = await tx.select({ id: litigationCase.id }).from(litigationCase).where(and(eq(litigationCase.id, input.caseId), caseScope(ctx)));
      if (!c) throw validationError([{ path: 'caseId', message: '关联案件不存在或不在本人数据范围内' }]);
    }
    const [created] = await tx.insert(litigationObservation).values({ ...input, createdBy: ctx.actor?.id ?? null, createdAt: ctx.now }).returning();
    await recordAudit(tx, ctx, { action: 'observation.create', module: MODULE, entityType: 'litigation_observation', entityId: created!.id, after: { orgId: input.orgId, heldOn: input.heldOn, kind: input.kind } });
    return created!;
  });
};

/** 旁听庭审 records within the actor's read scope (by the organiser unit), newest first. */
export const findObservations = async (ctx: Ctx, f: { year?: number | undefined; orgId?: number | undefined }, page: { page: number; pageSize: number }) => {
  requirePermission(ctx, PERM.read);
  const where = and(
    scopeWhere(ctx.actor, PERM.read, { org: litigationObservation.orgId, owner: litigationObservation.createdBy }),
    f.orgId ? inOrgSubtree(litigationObservation.orgId, f.orgId) : undefined,
    f.year ? sql`${litigationObservation.heldOn} between ${`${f.year}-01-01`} and ${`${f.year}-12-31`}` : undefined,
  );
  const [{ total }] = (await ctx.db.select({ total: count() }).from(litigationObservation).where(where)) as [{ total: number }];
  const items = await ctx.db
    .select({
      id: litigationObservation.id,
      orgId: litigationObservation.orgId,
      orgName: sql<string>`(select name from org_unit o where o.id = ${litigationObservation.orgId})`,
      caseId: litigationObservation.caseId,
      caseNo: sql<string | null>`(select case_no from litigation_case c where c.id = ${litigationObservation.caseId})`,
      heldOn: litigationObservation.heldOn,
      kind: litigationObservation.kind,
      title: litigationObservation.title,
      participants: litigationObservation.participants,
      note: litigationObservation.note,
    })
    .from(litigationObservation)
    .where(where)
    .orderBy(desc(litigationObservation.heldOn), desc(litigationObservation.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { total: Number(total), items };
};
