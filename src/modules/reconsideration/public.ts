/**
 * What other modules may use of `reconsideration`: the stable names of its outbox events and, for their
 * subscribers, the decision an event is about. Event payloads hold ids only (`{ id, from, to, actorId }`);
 * a subscriber reads what it needs through `decisionOf`, never this module's tables.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel';
import { DECISION_TYPES } from './case-machine';
import { reconsiderationCase } from './schema';

export const RECONSIDERATION_EVENTS = {
  /** 批准并作出决定: the case is `decided`, with its 决定书文号 and decision type. */
  decided: 'reconsideration.reconsideration_case.approveDecision',
} as const;

export interface ReconsiderationTransitionEvent {
  id: number;
  from: string;
  to: string;
  actorId: number | null;
}

/** A 行政复议决定 as other modules may see it: no applicant data. */
export interface ReconsiderationDecision {
  caseId: number;
  /** The 复议机构 (司法局) that decided. */
  orgId: number;
  /** 被申请人: the agency whose act was contested. */
  respondentOrgId: number;
  /** 被申请行政复议的行政行为's document number as registered (e.g. a 行政处罚决定书文号), if any. */
  actDocNo: string | null;
  decisionType: string | null;
  decisionTypeLabel: string | null;
  /** 纠错: 变更、撤销、确认违法、责令履行、确认无效 (《行政复议法》第六十三条至第六十七条). */
  corrective: boolean;
  decisionNo: string | null;
  decisionDate: string | null;
}

/** The decision of a `decided` case, or null when the case does not exist or is not decided. */
export const decisionOf = async (db: DbOrTx, caseId: number): Promise<ReconsiderationDecision | null> => {
  const [row] = await db
    .select({
      id: reconsiderationCase.id,
      orgId: reconsiderationCase.orgId,
      respondentOrgId: reconsiderationCase.respondentOrgId,
      actDocNo: reconsiderationCase.actDocNo,
      status: reconsiderationCase.status,
      decisionType: reconsiderationCase.decisionType,
      decisionNo: reconsiderationCase.decisionNo,
      decisionDate: reconsiderationCase.decisionDate,
    })
    .from(reconsiderationCase)
    .where(eq(reconsiderationCase.id, caseId));
  if (!row || row.status !== 'decided') return null;
  const type = DECISION_TYPES.find((t) => t.value === row.decisionType);
  return {
    caseId: row.id,
    orgId: row.orgId,
    respondentOrgId: row.respondentOrgId,
    actDocNo: row.actDocNo,
    decisionType: row.decisionType,
    decisionTypeLabel: type?.label ?? null,
    corrective: type?.corrective ?? false,
    decisionNo: row.decisionNo,
    decisionDate: row.decisionDate,
  };
};
