import { and, eq, isNotNull, sql, type AnyColumn } from 'drizzle-orm';
import { inOrgSubtree, recordAudit, type EventConsumer } from '../../../../kernel';
import { decisionOf, type ReconsiderationTransitionEvent } from '../../../reconsideration/public';
import { caseMachine } from '../case-machine';
import { enforcementCase } from '../schema';
import { MODULE } from './access';

// 文号 are typed by hand in both modules: spaces dropped, any bracket pair taken as 〔〕.
const OPEN_BRACKETS = '[［【(（';
const CLOSE_BRACKETS = ']］】)）';

/** A 文号 in a comparable form: no whitespace, 〔〕 for every kind of bracket. */
export const normalizeDocNo = (s: string): string =>
  [...s.replace(/\s+/g, '')].map((ch) => (OPEN_BRACKETS.includes(ch) ? '〔' : CLOSE_BRACKETS.includes(ch) ? '〕' : ch)).join('');

const normalizedSql = (column: AnyColumn) =>
  sql`translate(regexp_replace(${column}, '\s+', '', 'g'), ${OPEN_BRACKETS + CLOSE_BRACKETS}, ${'〔'.repeat(OPEN_BRACKETS.length) + '〕'.repeat(CLOSE_BRACKETS.length)})`;

/**
 * 被复议纠错: when a 行政复议 decision corrects the contested act (变更、撤销、确认违法、责令履行、确认无效), the
 * enforcement case whose 决定书文号 is the act's document number is marked with the 复议决定书文号, the kind
 * of correction and its date. It runs as the system, so it limits itself: only cases of the 被申请人 (the
 * agency whose act was contested) and the units below it, matched by 文号 — never a same-numbered decision of
 * another agency. Idempotent; the change is audited on the case.
 */
export const markCorrectedByReconsideration: EventConsumer = async ({ ctx, event }) => {
  const { id } = event.payload as ReconsiderationTransitionEvent;
  const decision = await decisionOf(ctx.db, id);
  if (!decision?.corrective || !decision.actDocNo) return;
  const docNo = normalizeDocNo(decision.actDocNo);
  if (!docNo) return;
  const matches = await ctx.db
    .select({ id: enforcementCase.id, version: enforcementCase.version, correctedByReconsideration: enforcementCase.correctedByReconsideration, correctionKind: enforcementCase.correctionKind, correctedDate: enforcementCase.correctedDate })
    .from(enforcementCase)
    .where(and(inOrgSubtree(enforcementCase.orgId, decision.respondentOrgId), isNotNull(enforcementCase.decisionNo), sql`${normalizedSql(enforcementCase.decisionNo)} = ${docNo}`));
  const correction = { correctedByReconsideration: decision.decisionNo ?? `复议案件 ${decision.caseId}`, correctionKind: decision.decisionTypeLabel, correctedDate: decision.decisionDate };
  for (const c of matches) {
    if (c.correctedByReconsideration === correction.correctedByReconsideration) continue;
    await ctx.db
      .update(enforcementCase)
      .set({ ...correction, version: sql`${enforcementCase.version} + 1`, updatedAt: ctx.now })
      .where(eq(enforcementCase.id, c.id));
    await recordAudit(ctx.db, ctx, {
      action: 'case.corrected_by_reconsideration',
      module: MODULE,
      entityType: caseMachine.entity,
      entityId: c.id,
      before: { correctedByReconsideration: c.correctedByReconsideration, correctionKind: c.correctionKind, correctedDate: c.correctedDate, version: c.version },
      after: { ...correction, version: c.version + 1 },
      reason: `行政复议决定纠错：${correction.correctedByReconsideration}（${correction.correctionKind ?? ''}）`,
    });
  }
};
