// Shapes of the disclosure API answers (docs/api.md, 政府信息公开申请).
import type { DeadlineView } from '../../../kernel/shared/deadline';
import type { HistoryItem } from '../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../web/kit/transition-buttons';

export interface RequestListItem {
  id: number;
  requestNo: string;
  applicantName: string;
  channel: string;
  receivedDate: string;
  status: string;
  orgId: number;
  orgName: string;
  replyType: string | null;
  replyNo: string | null;
  deadline: DeadlineView | null;
  version: number;
}

export interface RequestRecord {
  id: number;
  requestNo: string;
  receiptCode: string | null;
  orgId: number;
  orgName: string;
  channel: string;
  applicantType: string;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantPhone: string | null;
  applicantEmail: string | null;
  applicantAddress: string | null;
  content: string;
  purpose: string | null;
  deliveryMethod: string | null;
  receivedDate: string;
  status: string;
  version: number;
  correctionItems: string | null;
  correctionDeadline: string | null;
  correctedDate: string | null;
  consultationParty: string | null;
  consultationStartedOn: string | null;
  consultationEndedOn: string | null;
  consultationOpinion: string | null;
  extensionDays: number | null;
  reason: string | null;
  replyType: string | null;
  replySummary: string | null;
  repliedDate: string | null;
  replyNo: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RequestDetail {
  record: RequestRecord;
  transitions: TransitionView[];
  deadlines: DeadlineView[];
  history: HistoryItem[];
}

/** GET /api/public/disclosure/requests/:receiptCode (fields beyond status are optional). */
export interface PublicRequestStatus {
  requestNo?: string | null;
  applicantName?: string | null;
  orgName?: string | null;
  status: string;
  statusLabel?: string | null;
  receivedDate?: string | null;
  dueDate?: string | null;
  correctionItems?: string | null;
  correctionDeadline?: string | null;
  replyType?: string | null;
  replyTypeLabel?: string | null;
  repliedDate?: string | null;
  replyNo?: string | null;
}
