// Shapes of the cases area's API answers.
import type { DeadlineView } from '../../../../kernel/shared/deadline';
import type { HistoryItem } from '../../../../web/kit/record-detail-shell';
import type { TransitionView } from '../../../../web/kit/transition-buttons';

export interface CaseListItem {
  id: number;
  bodyName: string;
  itemName: string | null;
  caseNo: string;
  kind: string;
  title: string;
  partyName: string;
  enterpriseRelated: boolean;
  isMajor: boolean;
  filedDate: string;
  decidedDate: string | null;
  status: string;
  decisionType: string | null;
  fineFen: number | null;
  discretionOutside: boolean;
  legalReviewResult: string | null;
  imported: boolean;
  publicationStatus: string | null;
  deadline: DeadlineView | null;
}

export interface CaseRecord extends Omit<CaseListItem, 'deadline' | 'itemName' | 'publicationStatus'> {
  orgId: number;
  bodyId: number;
  partyKind: string;
  partyIdNumber: string | null;
  partyPhone: string | null;
  majorGround: string | null;
  riskClass: string | null;
  item: { code: string; name: string; legalBasis: string } | null;
  officers: { id: number; name: string }[];
  benchmark: { circumstance: string; level: string; fineMinFen: number | null; fineMaxFen: number | null } | null;
  /** 被复议纠错: the 复议决定书文号, the kind of correction and its date (null when not corrected). */
  correctedByReconsideration: string | null;
  correctionKind: string | null;
  correctedDate: string | null;
  version: number;
  createdAt: string;
  [key: string]: unknown;
}

export interface RecordStageView {
  stage: string;
  label: string;
  reached: boolean;
  documents: number;
  photos: number;
  audioVisual: number;
  avRequired: boolean;
  avMissing: boolean;
  hasRecord: boolean;
}

export interface PublicationRecord {
  id: number;
  status: string;
  version: number;
  bodyName: string;
  category: string;
  targetName: string;
  decisionNo: string | null;
  decidedDate: string;
  conclusion: string | null;
  publishedDate: string | null;
  changedDate: string | null;
  withdrawGround: string | null;
  reason: string | null;
  withdrawnDate: string | null;
}

export interface CaseDetail {
  record: CaseRecord;
  benchmarks: { id: number; circumstance: string; level: string; fineMinFen: number | null; fineMaxFen: number | null }[];
  transitions: TransitionView[];
  deadlines: DeadlineView[];
  history: HistoryItem[];
  records: { stages: RecordStageView[]; avMissing: string[]; uncategorised: number };
  publication: { record: PublicationRecord; deadlines: DeadlineView[]; history: HistoryItem[]; transitions: TransitionView[] } | null;
}

export interface CaseOptions {
  bodies: { id: number; name: string; items: { id: number; code: string; name: string; kind: string; hasBenchmark: boolean }[]; officers: { id: number; name: string }[] }[];
}
