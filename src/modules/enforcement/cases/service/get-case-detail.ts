import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, type Ctx, deadlinesOf, historyOf, permissionCode, queryRows } from '../../../../kernel';
import { allowedTransitions, clockEffectsPossible, toTransitionView } from '../../../../kernel/shared/define-machine';
import { discretionBenchmark, enforcementBody, enforcementItem, enforcementOfficer } from '../../registry/schema';
import { caseMachine, DECISION_TYPES, KIND_ONLY, publicationMachine, RECORD_STAGES, type CaseKind, type RecordStage } from '../case-machine';
import { enforcementPublication, type EnforcementCaseRow } from '../schema';
import { caseInScope, getCaseInScope, MODULE, toCaseView } from './access';

/** Stages a case has reached (by its dates), for the 全过程记录 checklist. */
const stagesReached = (r: EnforcementCaseRow): RecordStage[] => {
  const s: RecordStage[] = ['filing'];
  if (r.kind === 'inspection' || r.status !== 'registered') s.push('investigation');
  if (r.noticeDate) s.push('notice');
  if (r.hearingRequestDate) s.push('hearing');
  if (r.legalReviewDate) s.push('review');
  if (r.decidedDate) s.push('decision');
  if (r.servedDate) s.push('service');
  if (r.executionMode || (r.kind === 'compulsory' && r.decisionType === 'impose')) s.push('execution');
  return s;
};

/**
 * 重大 cases need audio-visual records on on-site and coercive steps (国办发〔2018〕118号: 现场执法、强制措施
 * 全程音像记录): the investigation (现场检查、调查取证), and for 强制 cases the execution of the measure.
 */
const avRequired = (r: EnforcementCaseRow, stage: RecordStage): boolean =>
  r.isMajor && (stage === 'investigation' || stage === 'hearing' || (r.kind === 'compulsory' && (stage === 'execution' || stage === 'decision')));

/** 全过程记录: per stage, the documents, photos and audio-visual records attached, and what is missing. */
export const recordChecklist = async (ctx: Ctx, row: EnforcementCaseRow) => {
  const files = await queryRows<{ category: string | null; mime_type: string; n: number }>(
    ctx.db,
    sql`select category, mime_type, count(*)::int as n from attachment where owner_type = ${caseMachine.entity} and owner_id = ${row.id} group by 1, 2`,
  );
  const reached = stagesReached(row);
  const stages = RECORD_STAGES.map((st) => {
    const mine = files.filter((f) => f.category === st.value);
    const sum = (pred: (m: string) => boolean) => mine.filter((f) => pred(f.mime_type)).reduce((a, f) => a + f.n, 0);
    const av = sum((m) => m.startsWith('audio/') || m.startsWith('video/'));
    const photos = sum((m) => m.startsWith('image/'));
    const documents = sum((m) => !m.startsWith('audio/') && !m.startsWith('video/') && !m.startsWith('image/'));
    const isReached = reached.includes(st.value);
    const needsAv = isReached && avRequired(row, st.value);
    return { stage: st.value, label: st.label, reached: isReached, documents, photos, audioVisual: av, avRequired: needsAv, avMissing: needsAv && av === 0, hasRecord: documents + photos + av > 0 };
  });
  return { stages, avMissing: stages.filter((s) => s.avMissing).map((s) => s.label), uncategorised: files.filter((f) => !f.category || !RECORD_STAGES.some((s) => s.value === f.category)).reduce((a, f) => a + f.n, 0) };
};

/** 案件详情: record (masked), possible actions, deadlines, history, officers, benchmark, 全过程记录 and 公示. */
export const getCaseDetail = async (ctx: Ctx, id: number) => {
  const row = await getCaseInScope(ctx, id);
  const calendar = await ctx.services.calendar.get();
  const [body] = await ctx.db.select({ name: enforcementBody.name }).from(enforcementBody).where(eq(enforcementBody.id, row.bodyId));
  const [item] = row.itemId ? await ctx.db.select({ code: enforcementItem.code, name: enforcementItem.name, legalBasis: enforcementItem.legalBasis }).from(enforcementItem).where(eq(enforcementItem.id, row.itemId)) : [];
  const officers = row.officerIds.length ? await ctx.db.select({ id: enforcementOfficer.id, name: enforcementOfficer.name }).from(enforcementOfficer).where(inArray(enforcementOfficer.id, row.officerIds)) : [];
  const [benchmark] = row.benchmarkId ? await ctx.db.select().from(discretionBenchmark).where(eq(discretionBenchmark.id, row.benchmarkId)) : [];
  const benchmarks = row.itemId ? await ctx.db.select().from(discretionBenchmark).where(and(eq(discretionBenchmark.itemId, row.itemId), eq(discretionBenchmark.status, 'active'))).orderBy(asc(discretionBenchmark.id)) : [];
  const deadlines = await deadlinesOf(ctx.db, calendar, caseMachine.entity, id, ctx.now, caseMachine.clocks);
  const history = await historyOf(ctx.db, caseMachine.entity, id);
  const mayAct = new Map<string, boolean>();
  for (const p of ['report', 'legalReview']) mayAct.set(p, await caseInScope(ctx, id, permissionCode(MODULE, p)));
  const kind = row.kind as CaseKind;
  const transitions = allowedTransitions(caseMachine, row.status, (p) => mayAct.get(p) ?? false)
    .filter(({ name }) => !KIND_ONLY[name] || KIND_ONLY[name]!.includes(kind))
    .filter(({ name }) => !(name === 'requestHearing' && (!row.hearingRight || row.hearingHeldDate)))
    .filter(({ name }) => !(name === 'decide' && ((kind === 'inspection') !== (row.status === 'registered') || (row.isMajor && row.legalReviewResult !== 'passed'))))
    .filter(({ name }) => !(name === 'execute' && !(row.fineFen ?? 0)))
    .filter(({ def }) => clockEffectsPossible(caseMachine, def, deadlines))
    .map(({ name, def }) => {
      // The decision form offers the fields and decision types of this kind only.
      const fields = (def.fields ?? [])
        .filter((f) => kind === 'penalty' || !['fineYuan', 'benchmarkLevel', 'discretionReason', 'noPenaltyBasis', 'educationRecord'].includes(f.name))
        .map((f) => (f.name === 'decisionType' ? { ...f, options: DECISION_TYPES.filter((t) => t.kind === kind).map((t) => ({ value: t.value, label: t.label })) } : f));
      return { name, label: def.label, fields, confirm: def.confirm ?? null, danger: def.danger ?? false };
    });
  const [pub] = await ctx.db.select().from(enforcementPublication).where(eq(enforcementPublication.caseId, id));
  let publication = null;
  if (pub) {
    const pubDeadlines = await deadlinesOf(ctx.db, calendar, publicationMachine.entity, pub.id, ctx.now, publicationMachine.clocks);
    const pubHistory = await historyOf(ctx.db, publicationMachine.entity, pub.id);
    const pubTransitions = allowedTransitions(publicationMachine, pub.status, (p) => mayAct.get(p) ?? false).map(toTransitionView);
    publication = { record: pub, deadlines: pubDeadlines, history: pubHistory, transitions: pubTransitions };
  }
  return {
    record: { ...toCaseView(ctx, row), bodyName: body?.name ?? null, item: item ?? null, officers, benchmark: benchmark ?? null },
    benchmarks,
    transitions,
    deadlines,
    history,
    records: await recordChecklist(ctx, row),
    publication,
  };
};

/** 操作记录: who did what to the case, from the audit trail. */
export const getCaseActivity = async (ctx: Ctx, id: number) => {
  await getCaseInScope(ctx, id);
  const items = await ctx.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, reason: auditLog.reason, result: auditLog.result })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, caseMachine.entity), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.seq))
    .limit(200);
  return { items };
};
