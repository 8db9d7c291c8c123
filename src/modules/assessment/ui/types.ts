// Shapes of the 法治考核 API answers used by the pages.
export interface Item {
  id: number;
  schemeId: number;
  sortOrder: number;
  name: string;
  maxScore: number;
  scorer: string;
  rule: string | null;
  statisticId: string | null;
  autoRule: string | null;
  penalty: number | null;
}

export interface Scheme {
  id: number;
  year: number;
  title: string;
  weightInTarget: number;
  status: string;
  dutyReportDueDate: string | null;
  note: string | null;
  orgName: string;
  version: number;
  createdAt: string;
}

export interface SchemeDetail {
  scheme: Scheme;
  items: Item[];
  targets: { orgId: number; orgName: string }[];
  targetCount: number;
  totalMaxScore: number;
  canManage: boolean;
}

export interface Score {
  id: number;
  itemId: number;
  orgId: number;
  score: number;
  note: string | null;
  evidence: string | null;
  satisfied: number | null;
  basicallySatisfied: number | null;
  dissatisfied: number | null;
  rawValue: number | null;
  version: number;
}

export interface ScoreGrid {
  scheme: { id: number; status: string; version: number; year: number; title: string };
  items: Item[];
  targets: { orgId: number; orgName: string }[];
  scores: Score[];
}

export interface ResultCell {
  id: number;
  score: number;
  note: string | null;
  evidence: string | null;
  satisfied: number | null;
  basicallySatisfied: number | null;
  dissatisfied: number | null;
}

export interface Results {
  scheme: { id: number; year: number; title: string; status: string; weightInTarget: number };
  items: { id: number; name: string; maxScore: number; scorer: string }[];
  totalMaxScore: number;
  targetCount: number;
  rows: { orgId: number; orgName: string; total: number; rank: number; scored: number; scores: Record<string, ResultCell> }[];
}
