/** Option lists of 法治考核 shared by server and browser. */

export const SCHEME_STATUSES = [
  { value: 'draft', label: '草拟中' },
  { value: 'published', label: '已发布（评分中）' },
  { value: 'finalized', label: '已定稿' },
] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number]['value'];

/** 评分方式. */
export const SCORERS = [
  { value: 'office', label: '依法治办评分' },
  { value: 'third_party', label: '第三方评估' },
  { value: 'democratic', label: '民主测评' },
  { value: 'auto', label: '自动取数' },
] as const;
export type Scorer = (typeof SCORERS)[number]['value'];

export const AUTO_RULES = [
  { value: 'rate', label: '按比率得分（满分 × 比率%）' },
  { value: 'count_penalty', label: '按件扣分（满分 − 每件扣分 × 件数）' },
] as const;

export const STUDY_FORMS = [
  { value: 'center_group', label: '理论学习中心组学法' },
  { value: 'executive_meeting', label: '政府常务会议学法' },
  { value: 'lecture', label: '专题讲座' },
  { value: 'court_hearing', label: '旁听庭审' },
  { value: 'other', label: '其他' },
] as const;

/** 民主测评得分 = 满分 × (满意 + 0.6 × 基本满意) / 测评总数. */
export const BASIC_SATISFIED_WEIGHT = 0.6;
export const DEMOCRATIC_FORMULA = '得分 = 满分 ×（满意票 + 0.6 × 基本满意票）÷ 测评总票数';

const round2 = (v: number) => Math.round(v * 100) / 100;

/** 民主测评 score from the panel's counts; 0 when nobody voted. */
export const democraticScore = (maxScore: number, satisfied: number, basicallySatisfied: number, dissatisfied: number): number => {
  const total = satisfied + basicallySatisfied + dissatisfied;
  if (total === 0) return 0;
  return round2((maxScore * (satisfied + BASIC_SATISFIED_WEIGHT * basicallySatisfied)) / total);
};

/** Automatic score from a statistic's value: `rate` → maxScore × value/100; `count_penalty` → maxScore − penalty × value (≥ 0). */
export const autoScore = (
  item: { maxScore: number; autoRule: string | null; penalty: number | null },
  value: number | null,
): { score: number; note: string } => {
  if (value === null) return { score: 0, note: '统计值为空（无数据），按 0 分计' };
  if (item.autoRule === 'count_penalty') {
    const penalty = item.penalty ?? 0;
    return { score: round2(Math.max(0, item.maxScore - penalty * value)), note: `${value} 件，每件扣 ${penalty} 分` };
  }
  const rate = Math.min(100, Math.max(0, value));
  return { score: round2((item.maxScore * rate) / 100), note: `比率 ${value}%` };
};

/** 参考率 / 通过率 in per cent (one decimal), null when undefined. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
