// Shapes of the litigation API answers.
import type { DeadlineView } from '../../../kernel/shared/deadline';
import type { FieldDef } from '../../../kernel/shared/define-machine';
import type { HistoryItem } from '../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../web/kit/transition-buttons';

export interface Plaintiff {
  name: string;
  type: string;
  idNumber: string | null;
  phone: string | null;
}

export interface CaseListItem {
  id: number;
  caseNo: string;
  courtName: string;
  courtCaseNo: string | null;
  instance: string;
  plaintiffName: string;
  cause: string;
  contestedAct: string;
  afterReconsideration: boolean;
  filedDate: string;
  servedDate: string | null;
  status: string;
  orgId: number;
  orgName: string;
  outcome: string | null;
  lost: boolean;
  judgmentDate: string | null;
  hearingsHeld: number;
  headHearings: number;
  deadline: DeadlineView | null;
}

export interface CaseRecord extends Omit<CaseListItem, 'deadline' | 'hearingsHeld' | 'headHearings'> {
  plaintiffs: Plaintiff[];
  procedure: string;
  parentCaseId: number | null;
  thirdParties: string | null;
  reconsiderationDecisionNo: string | null;
  version: number;
  defenceLate: boolean;
  createdAt: string;
  [key: string]: unknown;
}

export interface Hearing {
  id: number;
  hearingDate: string;
  courtRoom: string | null;
  noticeServedDate: string | null;
  noticeLate: boolean;
  identityFiledDate: string | null;
  attendance: string | null;
  headName: string | null;
  headPost: string | null;
  absenceReason: string | null;
  absenceProof: string | null;
  headSpoke: boolean | null;
  note: string | null;
  version: number;
}

export interface Suggestion {
  id: number;
  receivedDate: string;
  content: string;
  dueDate: string;
  status: string;
  version: number;
  replyDate: string | null;
  replySummary: string | null;
  overdue: boolean;
  deadline: DeadlineView | null;
  transitions: { name: string; label: string; fields: readonly FieldDef[] }[];
}

export interface CaseDetail {
  record: CaseRecord;
  transitions: TransitionView[];
  canHandle: boolean;
  deadlines: DeadlineView[];
  history: HistoryItem[];
  hearings: Hearing[];
  appearance: { held: number; head: number; rate: number | null };
  suggestions: Suggestion[];
  linkedCases: { id: number; caseNo: string; courtCaseNo: string | null; instance: string; status: string; parentCaseId: number | null }[];
}

export interface AgencyRow {
  orgId: number;
  orgName: string;
  cases: number;
  judged: number;
  lost: number;
  lossRate: number | null;
  hearings: number;
  headHearings: number;
  appearanceRate: number | null;
  noShow: number;
  overdueDefence: number;
  overdueSuggestions: number;
  color: 'green' | 'yellow' | 'red';
  reasons: string[];
}

export interface WarningRule {
  year: number;
  redLossRate: number;
  redAppearanceBelow: number;
  redNoShow: number;
  redOverdueDefence: number;
  yellowLossRate: number;
  yellowAppearanceBelow: number;
  yellowOverdueSuggestion: number;
  version: number;
  updatedAt: string | null;
}
