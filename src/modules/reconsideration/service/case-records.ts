import { and, eq } from 'drizzle-orm';
import { AppError, applyTransition, orgUnit, recordAudit, requirePermission, runClockEffects, toLocalDate, validationError, notFound, type Ctx } from '../../../kernel';
import { letterMachine } from '../case-machine';
import type { ConsultationInput, LetterInput } from '../contract';
import { reconsiderationConsultation, reconsiderationLetter } from '../schema';
import { caseScope, getCaseInScope, letterTable, MODULE, PERM } from './access';
import { reconsiderationCase } from '../schema';

const ACTIVE_FROM = ['accepted', 'awaiting_answer', 'in_review', 'hearing_scheduled', 'suspended', 'pending_approval'];

/** 行政复议委员会咨询 / 专家论证 (第五十二条): recorded on an accepted, undecided case. */
export const addConsultation = async (ctx: Ctx, caseId: number, input: ConsultationInput) => {
  requirePermission(ctx, PERM.handle);
  return ctx.db.transaction(async (tx) => {
    const row = await getCaseInScope(ctx, caseId, tx, PERM.handle);
    if (!ACTIVE_FROM.includes(row.status)) throw new AppError('INVALID_STATE', '只能在案件受理后、作出决定前记录咨询意见');
    if (input.heldOn > toLocalDate(ctx.now)) throw validationError([{ path: 'heldOn', message: '日期不能晚于今天' }]);
    if (row.acceptedDate && input.heldOn < row.acceptedDate) throw validationError([{ path: 'heldOn', message: `日期不能早于受理日期（${row.acceptedDate}）` }]);
    const [created] = await tx
      .insert(reconsiderationConsultation)
      .values({ caseId, orgId: row.orgId, ...input, createdBy: ctx.actor?.id ?? null, createdAt: ctx.now })
      .returning();
    await recordAudit(tx, ctx, { action: 'case.consultation', module: MODULE, entityType: 'reconsideration_case', entityId: caseId, after: { kind: input.kind, heldOn: input.heldOn } });
    return created!;
  });
};

/**
 * 制发意见书 / 建议书 after the decision (statutes.md §1.9). A 意见书 starts the 60-day report clock from its
 * receipt (第七十六条); a 建议书 has no statutory period, so its reply date is set by the office (fixed date).
 */
export const addLetter = async (ctx: Ctx, caseId: number, input: LetterInput) => {
  requirePermission(ctx, PERM.handle);
  return ctx.db.transaction(async (tx) => {
    const row = await getCaseInScope(ctx, caseId, tx, PERM.handle);
    if (row.status !== 'decided') throw new AppError('INVALID_STATE', '作出行政复议决定后才能制发意见书或建议书');
    const today = toLocalDate(ctx.now);
    const problems: { path: string; message: string }[] = [];
    if (input.issuedDate > today) problems.push({ path: 'issuedDate', message: '制发日期不能晚于今天' });
    if (row.decisionDate && input.issuedDate < row.decisionDate) problems.push({ path: 'issuedDate', message: `制发日期不能早于决定日期（${row.decisionDate}）` });
    if (input.servedDate < input.issuedDate || input.servedDate > today) problems.push({ path: 'servedDate', message: '送达日期应在制发日期与今天之间' });
    if (input.kind === 'suggestion' && !input.dueDate) problems.push({ path: 'dueDate', message: '请填写建议书的反馈期限' });
    if (input.dueDate && input.dueDate <= input.servedDate) problems.push({ path: 'dueDate', message: '反馈期限应晚于送达日期' });
    const [recipient] = await tx.select({ id: orgUnit.id }).from(orgUnit).where(eq(orgUnit.id, input.recipientOrgId));
    if (!recipient) problems.push({ path: 'recipientOrgId', message: '送达单位不存在' });
    if (problems.length) throw validationError(problems);
    const [created] = await tx
      .insert(reconsiderationLetter)
      .values({
        caseId,
        orgId: row.orgId,
        kind: input.kind,
        recipientOrgId: input.recipientOrgId,
        issuedDate: input.issuedDate,
        servedDate: input.servedDate,
        dueDate: input.kind === 'opinion' ? null : input.dueDate,
        content: input.content,
        status: letterMachine.initial,
        createdBy: ctx.actor?.id ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    const letter = created!;
    const effect = input.kind === 'opinion' ? { clock: 'opinionReport', action: 'start' as const, from: 'servedDate' } : { clock: 'suggestionReply', action: 'start' as const, from: 'servedDate', due: 'dueDate' };
    await runClockEffects(tx, ctx, MODULE, letterMachine, letter, [effect], { servedDate: input.servedDate, dueDate: input.dueDate });
    await recordAudit(tx, ctx, { action: 'case.letter', module: MODULE, entityType: 'reconsideration_case', entityId: caseId, after: { letterId: letter.id, kind: input.kind, recipientOrgId: input.recipientOrgId } });
    return letter;
  });
};

/** Loads a letter through its case's scope (404 outside). */
export const getLetterInScope = async (ctx: Ctx, id: number, permission: string = PERM.read) => {
  const [hit] = await ctx.db
    .select({ letter: reconsiderationLetter })
    .from(reconsiderationLetter)
    .innerJoin(reconsiderationCase, eq(reconsiderationCase.id, reconsiderationLetter.caseId))
    .where(and(eq(reconsiderationLetter.id, id), caseScope(ctx, permission)));
  if (!hit) throw notFound('意见书或建议书');
  return hit.letter;
};

/** 记录反馈: the recipient's report on the letter. */
export const transitionLetter = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Record<string, unknown> }) =>
  ctx.db.transaction(async (tx) => {
    const letter = await getLetterInScope({ ...ctx, db: tx }, id, PERM.read);
    const today = toLocalDate(ctx.now);
    return applyTransition({
      tx,
      ctx,
      module: MODULE,
      machine: letterMachine,
      target: letterTable,
      row: letter,
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      guard: async ({ input }) => {
        const d = input.replyDate as string;
        if (d > today) throw validationError([{ path: 'replyDate', message: '日期不能晚于今天' }]);
        if (d < letter.servedDate) throw validationError([{ path: 'replyDate', message: `日期不能早于送达日期（${letter.servedDate}）` }]);
        // Acting needs the handle scope over the case.
        await getCaseInScope(ctx, letter.caseId, tx, PERM.handle);
      },
    });
  });
