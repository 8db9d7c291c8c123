// Shapes of the inspection API answers.
import type { DeadlineView } from '../../../kernel/shared/deadline';
import type { HistoryItem } from '../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../web/kit/transition-buttons';

export interface OrderListItem {
  id: number;
  orderNo: string;
  orgId: number;
  orgName: string;
  title: string;
  requirement: string;
  dueDate: string;
  issuedOn: string;
  submittedOn: string | null;
  closedOn: string | null;
  source: string;
  sourceLink: string | null;
  sourceTitle: string | null;
  status: string;
  escalationLevel: number;
  interviewedOn: string | null;
  headName: string | null;
  noticeNo: string | null;
  noticePublishedOn: string | null;
  noticeContent: string | null;
  deadline: DeadlineView | null;
  version: number;
}

export interface OrderRecord extends Omit<OrderListItem, 'deadline'> {
  issuerOrgId: number;
  issuerOrgName: string | null;
  findingId: number | null;
  content: string;
  sourceModule: string | null;
  sourceEntityType: string | null;
  sourceEntityId: number | null;
  measures: string | null;
  result: string | null;
  completedOn: string | null;
  verificationOpinion: string | null;
  reason: string | null;
  participants: string | null;
  interviewSummary: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrderDetail {
  record: OrderRecord;
  finding: { id: number; description: string; category: string | null; foundOn: string; planId: number | null; status: string } | null;
  transitions: TransitionView[];
  deadlines: DeadlineView[];
  history: HistoryItem[];
}

export interface FindingListItem {
  id: number;
  planId: number | null;
  planTitle: string | null;
  orgId: number;
  orgName: string;
  description: string;
  category: string | null;
  requirement: string;
  dueDate: string | null;
  foundOn: string;
  source: string;
  status: string;
  orderId: number | null;
  orderNo: string | null;
}

export interface PlanListItem {
  id: number;
  year: number;
  title: string;
  kind: string;
  method: string;
  startDate: string;
  endDate: string;
  items: string[];
  inspectors: string[];
  status: string;
  version: number;
  targetCount: number;
  findingCount: number;
}

export interface TargetItem {
  id: number;
  orgId: number;
  orgName: string;
  inspectedOn: string | null;
  conclusion: string | null;
  version: number;
  findingCount: number;
  openFindingCount: number;
}
