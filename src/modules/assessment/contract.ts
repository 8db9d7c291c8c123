import { z } from 'zod';
import { isLocalDate } from '../../kernel/shared/local-date';
import { RATINGS, REPORT_FORMS } from './duty-report-machine';
import { AUTO_RULES, SCORERS, STUDY_FORMS } from './options';

const values = <T extends readonly { value: string }[]>(list: T) => list.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]];
const localDate = (label: string) => z.string({ error: `请填写${label}` }).refine(isLocalDate, `${label}须为有效日期（YYYY-MM-DD）`);
const requiredText = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`);
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}须为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 字`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
const MAX_ID = 2_147_483_647;
const id = (label: string) => z.number({ error: `请选择${label}` }).int(`${label}无效`).positive(`请选择${label}`).max(MAX_ID, `${label}不存在`);
const year = z.number({ error: '请填写年度' }).int('年度须为整数').min(2000, '年度不能早于 2000 年').max(2100, '年度不能晚于 2100 年');
const version = z.number({ error: '缺少版本号' }).int('版本号无效').positive('版本号无效').max(MAX_ID, '版本号无效');
/**
 * A decimal amount (分值、得分、时长、比重) as a JSON string such as "27.5": exact to two places, never a
 * binary fraction.
 */
const points = (label: string, max = 1000) =>
  z
    .string({ error: `${label}须为数字（如 "27.5"）` })
    .trim()
    .regex(/^\d{1,7}(\.\d{1,2})?$/, `${label}须为不小于 0 的数字，最多两位小数`)
    .transform(Number)
    .refine((v) => v <= max, `${label}不能超过 ${max}`);
const count = (label: string) => z.number({ error: `${label}须为整数` }).int(`${label}须为整数`).min(0, `${label}不能为负数`).max(1_000_000, `${label}过大`);

/** 考核方案 (create / edit). */
export const schemeSchema = z.object({
  year,
  title: requiredText('方案名称', 200),
  weightInTarget: points('占目标责任制考核比重', 100),
  dutyReportDueDate: localDate('述职述法报送截止日期').optional().nullable().transform((v) => v ?? null),
  note: optionalText('说明', 2000),
});
export type SchemeInput = z.infer<typeof schemeSchema>;
export const schemeEditSchema = schemeSchema.extend({ version });

/** 考核项目. */
export const itemSchema = z
  .object({
    sortOrder: z.number({ error: '序号须为整数' }).int('序号须为整数').min(0, '序号不能为负数').max(9999, '序号不能超过 9999').default(0),
    name: requiredText('项目名称', 200),
    maxScore: points('分值', 1000).refine((v) => v > 0, '分值须大于 0'),
    scorer: z.enum(values(SCORERS), { error: '评分方式无效' }),
    rule: optionalText('评分细则', 4000),
    statisticId: z.string({ error: '统计项须为文字' }).trim().max(100, '统计项不能超过 100 字').optional().nullable().transform((v) => (v ? v : null)),
    autoRule: z.enum(values(AUTO_RULES), { error: '取数规则无效' }).optional().nullable().transform((v) => v ?? null),
    penalty: points('每件扣分', 1000).optional().nullable().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    if (v.scorer === 'auto') {
      if (!v.statisticId) ctx.addIssue({ code: 'custom', path: ['statisticId'], message: '自动取数项目须选择统计项' });
      if (!v.autoRule) ctx.addIssue({ code: 'custom', path: ['autoRule'], message: '自动取数项目须选择取数规则' });
      if (v.autoRule === 'count_penalty' && (v.penalty === null || v.penalty <= 0)) ctx.addIssue({ code: 'custom', path: ['penalty'], message: '按件扣分须填写每件扣分（大于 0）' });
    } else if (v.statisticId || v.autoRule) {
      ctx.addIssue({ code: 'custom', path: ['statisticId'], message: '只有自动取数项目才能绑定统计项' });
    }
  });
export type ItemInput = z.infer<typeof itemSchema>;
export const itemEditSchema = z.object({ item: itemSchema });

/** 被考核单位 (the whole list replaces the old one while the scheme is a draft). */
export const targetsSchema = z.object({
  orgIds: z.array(id('被考核单位'), { error: '请选择被考核单位' }).min(1, '请至少选择一个被考核单位').max(500, '被考核单位不能超过 500 个'),
  version,
});

/** 方案状态变更 (发布 / 定稿). */
export const schemeStatusSchema = z.object({ version });

/** One score of the grid; democratic items give the panel's counts instead of a score. */
export const scoreEntrySchema = z.object({
  itemId: id('考核项目'),
  orgId: id('被考核单位'),
  score: points('得分').optional().nullable(),
  satisfied: count('满意票数').optional().nullable(),
  basicallySatisfied: count('基本满意票数').optional().nullable(),
  dissatisfied: count('不满意票数').optional().nullable(),
  note: optionalText('评分说明', 2000),
  evidence: optionalText('评分依据', 4000),
  /** The version of the existing score being changed (absent for a new score). */
  version: version.optional(),
});
export type ScoreEntry = z.infer<typeof scoreEntrySchema>;
export const scoresSchema = z.object({ entries: z.array(scoreEntrySchema, { error: '请填写评分' }).min(1, '请至少填写一项评分').max(5000, '一次最多提交 5000 项评分') });

/** 述职述法报告 (created as submitted). */
export const dutyReportSchema = z.object({
  orgId: id('报告单位'),
  year,
  reporterName: requiredText('述法人姓名', 50),
  reporterTitle: requiredText('述法人职务', 100),
  form: z.enum(values(REPORT_FORMS), { error: '述法形式无效' }),
  reportDate: localDate('述法日期'),
  summary: requiredText('述法内容', 8000).refine((v) => v.length >= 20, '述法内容至少 20 个字'),
  problems: optionalText('存在问题', 4000),
  plans: optionalText('下一步打算', 4000),
});
export type DutyReportInput = z.infer<typeof dutyReportSchema>;

export const transitionBodySchema = z.object({
  version,
  input: z.record(z.string(), z.unknown()).default({}),
});

/** 学法记录. */
export const studySessionSchema = z.object({
  orgId: id('学法单位'),
  date: localDate('学法日期'),
  topic: requiredText('学法主题', 200),
  form: z.enum(values(STUDY_FORMS), { error: '学法形式无效' }),
  lecturer: optionalText('授课人', 100),
  attendeeCount: z.number({ error: '参加人数须为整数' }).int('参加人数须为整数').min(1, '参加人数至少 1 人').max(10000, '参加人数不能超过 10000'),
  attendees: optionalText('参加人员', 4000),
  durationHours: points('学法时长', 24).refine((v) => v > 0, '学法时长须大于 0'),
});
export type StudySessionInput = z.infer<typeof studySessionSchema>;
export const studySessionEditSchema = studySessionSchema.extend({ version });

/** 学法考试. */
export const examSchema = z.object({
  title: requiredText('考试名称', 200),
  year,
  examDate: localDate('考试日期'),
  orgId: id('组织单位'),
});
export type ExamInput = z.infer<typeof examSchema>;

/** 一个单位的考试情况: 参考 ≤ 应考, 通过 ≤ 参考. */
export const examResultSchema = z
  .object({
    orgId: id('单位'),
    eligible: count('应考人数'),
    participated: count('参考人数'),
    passed: count('通过人数'),
    version: version.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.participated > v.eligible) ctx.addIssue({ code: 'custom', path: ['participated'], message: '参考人数不能多于应考人数' });
    if (v.passed > v.participated) ctx.addIssue({ code: 'custom', path: ['passed'], message: '通过人数不能多于参考人数' });
  });
export type ExamResultInput = z.infer<typeof examResultSchema>;

const orgFilter = z.coerce.number({ error: '单位须为数字' }).int('单位须为整数').positive('单位无效').max(MAX_ID, '单位不存在').optional();
const yearFilter = z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度不能早于 2000 年').max(2100, '年度不能晚于 2100 年').optional();

export const schemeFilterSchema = z.object({
  year: yearFilter,
  status: z.enum(['draft', 'published', 'finalized'], { error: '状态无效' }).optional(),
});
export type SchemeFilter = z.infer<typeof schemeFilterSchema>;

export const dutyReportFilterSchema = z.object({
  year: yearFilter,
  orgId: orgFilter,
  status: z.enum(['submitted', 'returned', 'reviewed'], { error: '状态无效' }).optional(),
  q: z.string().trim().max(50, '关键词不能超过 50 字').optional(),
});
export type DutyReportFilter = z.infer<typeof dutyReportFilterSchema>;

export const studyFilterSchema = z.object({
  orgId: orgFilter,
  form: z.enum(values(STUDY_FORMS), { error: '学法形式无效' }).optional(),
  dateFrom: localDate('起始日期').optional(),
  dateTo: localDate('截止日期').optional(),
  q: z.string().trim().max(50, '关键词不能超过 50 字').optional(),
});
export type StudyFilter = z.infer<typeof studyFilterSchema>;

export const examFilterSchema = z.object({ year: yearFilter });
export type ExamFilter = z.infer<typeof examFilterSchema>;

export { RATINGS };
