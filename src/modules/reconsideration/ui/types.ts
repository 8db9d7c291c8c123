// Shapes of the reconsideration API answers.
import type { DeadlineView } from '../../../kernel/shared/deadline';
import type { FieldDef } from '../../../kernel/shared/define-machine';
import type { HistoryItem } from '../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../web/kit/transition-buttons';

export interface Party {
  name: string;
  type: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface CaseListItem {
  id: number;
  caseNo: string;
  applicantName: string;
  receivedDate: string;
  actName: string;
  field: string;
  procedure: string | null;
  status: string;
  orgName: string;
  respondentName: string;
  applicationLate: boolean;
  deemedAccepted: boolean;
  decisionType: string | null;
  decisionNo: string | null;
  deadline: DeadlineView | null;
}

export interface CaseRecord extends Omit<CaseListItem, 'deadline'> {
  receiptCode: string;
  orgId: number;
  respondentOrgId: number;
  channel: string;
  applicants: Party[];
  thirdParties: Party[];
  agent: Party | null;
  actDocNo: string | null;
  actDate: string | null;
  knewDate: string;
  notInformed: boolean;
  rightsKnownDate: string | null;
  obstacleDays: number;
  request: string;
  factsReasons: string;
  applicationDeadline: string;
  applicationNote: string | null;
  deemedAcceptedOn: string | null;
  version: number;
  [key: string]: unknown;
}

export interface Consultation {
  id: number;
  kind: string;
  heldOn: string;
  participants: string;
  opinion: string;
}

export interface Letter {
  id: number;
  kind: string;
  recipientName: string | null;
  issuedDate: string;
  servedDate: string;
  content: string;
  status: string;
  version: number;
  replyDate: string | null;
  replySummary: string | null;
  deadline: DeadlineView | null;
  transitions: { name: string; label: string; fields: readonly FieldDef[] }[];
}

export interface CaseDetail {
  record: CaseRecord;
  transitions: TransitionView[];
  deadlines: DeadlineView[];
  history: HistoryItem[];
  consultations: Consultation[];
  letters: Letter[];
}
