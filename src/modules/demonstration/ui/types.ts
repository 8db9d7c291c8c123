// Shapes of the demonstration API as the pages use them.
import type { DeadlineView } from '../../../kernel/shared/deadline';
import type { HistoryItem } from '../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../web/kit/transition-buttons';

export interface Counts {
  total: number;
  closed: number;
  inProgress: number;
  submitted: number;
  overdue: number;
  dueSoon: number;
  closedOnTime: number;
  avgScore: number | null;
}

export interface IndicatorNode {
  id: number;
  editionId: number;
  parentId: number | null;
  level: number;
  code: string;
  name: string;
  standard: string | null;
  evidenceRequired: string | null;
  maxScore: number | null;
  confirmed: boolean;
  statisticId: string | null;
  version: number;
  score: number | null;
  counts: Counts;
  evidence: { id: string; label: string; unit: string; value: number | null } | null;
  children?: IndicatorNode[];
}

export interface Edition {
  id: number;
  code: string;
  name: string;
  isCurrent: boolean;
  note: string | null;
  version: number;
}

export interface IndicatorTree {
  edition: Edition;
  total: { maxScore: number | null; score: number | null; level1: number; level2: number; level3: number; unconfirmed: number };
  items: IndicatorNode[];
}

export interface AssignmentListItem {
  id: number;
  orgId: number;
  orgName: string;
  role: 'lead' | 'co';
  status: string;
  dueDate: string;
  progressPercent: number | null;
  score: number | null;
  title: string;
  indicatorCode: string;
  indicatorName: string;
  deadline: DeadlineView | null;
}

export interface AssignmentDetail {
  record: {
    id: number;
    taskId: number;
    orgId: number;
    orgName: string;
    role: 'lead' | 'co';
    status: string;
    version: number;
    dueDate: string;
    progressSummary: string | null;
    progressPercent: number | null;
    selfScore: number | null;
    score: number | null;
    comment: string | null;
    reason: string | null;
    lastReportedAt: string | null;
    closedAt: string | null;
    createdAt: string;
  };
  task: { id: number; title: string; measures: string | null; evidenceRequired: string | null; year: number; dueDate: string; leadOrgName: string };
  indicator: { id: number; code: string; name: string; standard: string | null; maxScore: number | null; evidence: IndicatorNode['evidence'] };
  units: { id: number; orgName: string; role: string; status: string }[];
  transitions: TransitionView[];
  deadlines: DeadlineView[];
  history: HistoryItem[];
  progress: { id: number; summary: string; percent: number; selfScore: number | null; reportedAt: string }[];
}
