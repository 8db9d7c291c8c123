import { z } from 'zod';
import { isLocalDate } from '../../../kernel/shared/local-date';
import { ACTIVITY_KINDS, COMPLAINT_CHANNELS, COMPLAINT_RESULTS, DECISION_KINDS, DOC_KINDS, GRADES, REVIEW_KINDS, SHEET_CATEGORIES, STEP_STATUSES } from './review-machine';

const values = <T extends readonly { value: string }[]>(list: T) => list.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]];
const oneOf = <T extends readonly { value: string; label: string }[]>(list: T, what: string) =>
  z.enum(values(list), { error: `${what}须为：${list.map((o) => o.label).join('、')}` });
export const localDate = (label: string) =>
  z.string({ error: `请填写${label}` }).max(10, `${label}须为有效日期（YYYY-MM-DD）`).refine(isLocalDate, `${label}须为有效日期（YYYY-MM-DD）`);
const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);
const optText = (label: string, max: number) =>
  z
    .string({ error: `${label}须为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 字`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const MAX_ID = 2_147_483_647;
export const idOf = (label: string) => z.number({ error: `请选择${label}` }).int(`请选择${label}`).positive(`请选择${label}`).max(MAX_ID, `${label}不存在`);
const optId = (label: string) => idOf(label).nullable().optional().transform((v) => v ?? null);
const version = z.number({ error: '缺少版本号' }).int('版本号须为整数').min(1, '版本号无效').max(MAX_ID, '版本号无效');
const year = z.number({ error: '请填写年度' }).int('年度须为整数').min(2000, '年度不能早于 2000 年').max(2100, '年度不能晚于 2100 年');
const queryId = (label: string) => z.coerce.number({ error: `${label}须为数字` }).int(`${label}须为整数`).positive(`${label}须为正整数`).max(MAX_ID, `${label}超出范围`).optional();
const queryText = (label: string) => z.string().trim().max(100, `${label}不能超过 100 字`).optional();
const queryDate = (label: string) => localDate(label).optional();

export const sheetItemSchema = z
  .object({
    key: z.string({ error: '请填写评查项目编号' }).trim().regex(/^[a-zA-Z0-9_]{1,20}$/, '评查项目编号为 1 至 20 位字母、数字或下划线'),
    category: oneOf(SHEET_CATEGORIES, '评查项目分类'),
    title: text('评查项目名称', 2, 200),
    maxPoints: z.number({ error: '分值须为数字' }).int('分值须为整数').min(1, '分值至少 1 分').max(100, '分值不能超过 100 分'),
  })
  .strict();

/** A scoring sheet: items with distinct keys whose points sum to 100. */
export const sheetSchema = z
  .array(sheetItemSchema, { error: '请填写评查标准' })
  .min(1, '评查标准至少一项')
  .max(60, '评查标准不能超过 60 项')
  .superRefine((items, ctx) => {
    const sum = items.reduce((a, i) => a + i.maxPoints, 0);
    if (sum !== 100) ctx.addIssue({ code: 'custom', message: `评查标准各项分值合计须为 100 分（现为 ${sum} 分）` });
    const seen = new Set<string>();
    items.forEach((i, n) => {
      if (seen.has(i.key)) ctx.addIssue({ code: 'custom', path: [n, 'key'], message: `评查项目编号“${i.key}”重复` });
      seen.add(i.key);
    });
  });

const thresholds = {
  excellentMin: z.number({ error: '优秀分数线须为数字' }).int('优秀分数线须为整数').min(1, '优秀分数线至少 1 分').max(100, '优秀分数线不能超过 100 分').default(90),
  passMin: z.number({ error: '合格分数线须为数字' }).int('合格分数线须为整数').min(1, '合格分数线至少 1 分').max(100, '合格分数线不能超过 100 分').default(70),
};
const bodyIds = z.array(idOf('评查对象'), { error: '请选择评查对象' }).min(1, '至少选择一个执法主体').max(200, '评查对象不能超过 200 个');

export const createReviewSchema = z
  .object({
    year,
    title: text('评查活动名称', 4, 200),
    kind: oneOf(REVIEW_KINDS, '评查方式'),
    periodFrom: localDate('案卷起始日期'),
    periodTo: localDate('案卷截止日期'),
    bodyIds,
    sheet: sheetSchema.optional(),
    ...thresholds,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.periodTo < v.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: '截止日期不能早于起始日期' });
    if (v.passMin >= v.excellentMin) ctx.addIssue({ code: 'custom', path: ['passMin'], message: '合格分数线须低于优秀分数线' });
  });
export type CreateReviewInput = z.infer<typeof createReviewSchema>;

export const updateSheetSchema = z
  .object({ version, sheet: sheetSchema, ...thresholds })
  .strict()
  .superRefine((v, ctx) => {
    if (v.passMin >= v.excellentMin) ctx.addIssue({ code: 'custom', path: ['passMin'], message: '合格分数线须低于优秀分数线' });
  });
export type UpdateSheetInput = z.infer<typeof updateSheetSchema>;

export const sampleSchema = z
  .object({
    version,
    /** random: N per body with a seed; manual: the listed case ids. */
    mode: z.enum(['random', 'manual'], { error: '抽取方式须为随机抽取或指定案卷' }),
    perBody: z.number({ error: '每个主体抽取数须为数字' }).int('每个主体抽取数须为整数').min(1, '每个主体至少抽取 1 卷').max(100, '每个主体最多抽取 100 卷').optional(),
    seed: z.string().trim().regex(/^[A-Za-z0-9-]{4,40}$/, '随机种子为 4 至 40 位字母、数字或短横线').optional(),
    caseIds: z.array(idOf('案卷'), { error: '请选择案卷' }).max(500, '一次最多指定 500 卷').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.mode === 'random' && !v.perBody) ctx.addIssue({ code: 'custom', path: ['perBody'], message: '请填写每个主体抽取的案卷数' });
    if (v.mode === 'manual' && !v.caseIds?.length) ctx.addIssue({ code: 'custom', path: ['caseIds'], message: '请选择要评查的案卷' });
  });
export type SampleInput = z.infer<typeof sampleSchema>;

const problemSchema = z
  .object({
    category: oneOf(SHEET_CATEGORIES, '问题类别'),
    itemKey: z.string().trim().max(20, '评查项目编号过长').nullable().optional().transform((v) => v ?? null),
    description: text('问题描述', 4, 1000),
  })
  .strict();

export const scoreFileSchema = z
  .object({
    version,
    scores: z.record(z.string().max(20, '评查项目编号过长'), z.number({ error: '得分须为数字' }).int('得分须为整数').min(0, '得分不能为负'), { error: '请填写各项得分' }),
    reviewers: z.array(text('评查人员', 2, 20), { error: '请填写评查人员' }).max(10, '评查人员不能超过 10 人').optional(),
    problems: z.array(problemSchema, { error: '问题须为列表' }).max(50, '问题不能超过 50 条').default([]),
    comment: optText('评查意见', 2000),
  })
  .strict();
export type ScoreFileInput = z.infer<typeof scoreFileSchema>;

export const reviewFilterSchema = z.object({
  year: z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度无效').max(2100, '年度无效').optional(),
  kind: oneOf(REVIEW_KINDS, '评查方式').optional(),
  status: z.enum(['draft', 'sampling', 'scoring', 'finished'], { error: '状态无效' }).optional(),
  q: queryText('关键词'),
});
export type ReviewFilter = z.infer<typeof reviewFilterSchema>;

export const fileFilterSchema = z.object({
  reviewId: queryId('评查活动'),
  bodyId: queryId('执法主体'),
  grade: oneOf(GRADES, '等次').optional(),
  year: z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度无效').max(2100, '年度无效').optional(),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

export const issueDocSchema = z
  .object({
    kind: oneOf(DOC_KINDS, '文书种类'),
    bodyId: idOf('执法主体'),
    decisionKind: oneOf(DECISION_KINDS, '决定类型').nullable().optional().transform((v) => v ?? null),
    title: text('文书标题', 4, 200),
    content: text('发现的问题及认定', 10, 8000),
    requiredAction: text('要求', 4, 4000),
    signerName: text('签发人', 2, 20),
    issuedDate: localDate('签发日期'),
    servedDate: localDate('送达日期'),
    periodDays: z.number({ error: '回复期限须为数字' }).int('回复期限须为整数').min(1, '回复期限至少 1 日').max(180, '回复期限不能超过 180 日').optional(),
    problemId: optId('评查问题'),
    complaintId: optId('投诉举报'),
    caseId: optId('执法案件'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'decision' && !v.decisionKind) ctx.addIssue({ code: 'custom', path: ['decisionKind'], message: '请选择决定类型' });
    if (v.kind !== 'decision' && v.decisionKind) ctx.addIssue({ code: 'custom', path: ['decisionKind'], message: '只有决定书需要选择决定类型' });
    if (v.servedDate < v.issuedDate) ctx.addIssue({ code: 'custom', path: ['servedDate'], message: '送达日期不能早于签发日期' });
  });
export type IssueDocInput = z.infer<typeof issueDocSchema>;

export const docFilterSchema = z.object({
  kind: oneOf(DOC_KINDS, '文书种类').optional(),
  status: z.enum(['issued', 'replied', 'closed'], { error: '状态无效' }).optional(),
  bodyId: queryId('执法主体'),
  orgId: queryId('单位'),
  issuedFrom: queryDate('签发起始日期'),
  issuedTo: queryDate('签发截止日期'),
  overdue: z.enum(['true', 'false'], { error: '只能为 true 或 false' }).optional().transform((v) => v === 'true'),
  q: queryText('关键词'),
});
export type DocFilter = z.infer<typeof docFilterSchema>;

export const transitionBodySchema = z
  .object({ version, input: z.record(z.string(), z.unknown(), { error: '请填写办理信息' }).default({}) })
  .strict();

const phone = z
  .string({ error: '联系电话须为文字' })
  .trim()
  .refine((v) => v === '' || /^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(v), '联系电话格式无效')
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

export const portalComplaintSchema = z
  .object({
    bodyId: idOf('被投诉的执法主体'),
    complainantName: text('投诉人姓名', 1, 50),
    complainantPhone: phone,
    subject: text('投诉事项', 4, 200),
    content: text('投诉内容', 10, 8000),
  })
  .strict();
export type PortalComplaintInput = z.infer<typeof portalComplaintSchema>;

export const registerComplaintSchema = portalComplaintSchema
  .extend({
    channel: oneOf(COMPLAINT_CHANNELS, '来源渠道'),
    receivedDate: localDate('收到日期'),
  })
  .strict();
export type RegisterComplaintInput = z.infer<typeof registerComplaintSchema>;

export const complaintFilterSchema = z.object({
  channel: oneOf(COMPLAINT_CHANNELS, '来源渠道').optional(),
  status: z.enum(['registered', 'verifying', 'verified', 'concluded', 'dismissed'], { error: '状态无效' }).optional(),
  result: oneOf(COMPLAINT_RESULTS, '核查结论').optional(),
  bodyId: queryId('执法主体'),
  receivedFrom: queryDate('收到起始日期'),
  receivedTo: queryDate('收到截止日期'),
  overdue: z.enum(['true', 'false'], { error: '只能为 true 或 false' }).optional().transform((v) => v === 'true'),
  q: queryText('关键词'),
});
export type ComplaintFilter = z.infer<typeof complaintFilterSchema>;

export const createCampaignSchema = z
  .object({
    title: text('专项整治名称', 4, 200),
    periodFrom: localDate('开始日期'),
    periodTo: localDate('结束日期'),
    bodyIds,
    channels: z.array(text('线索渠道', 2, 100), { error: '请填写线索渠道' }).min(1, '至少填写一个线索渠道').max(20, '线索渠道不能超过 20 个'),
    summary: optText('工作方案要点', 4000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.periodTo < v.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: '结束日期不能早于开始日期' });
  });
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

export const addStepSchema = z
  .object({ title: text('工作步骤', 2, 200), startDate: localDate('开始日期'), endDate: localDate('完成日期'), note: optText('说明', 2000) })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '完成日期不能早于开始日期' });
  });
export type AddStepInput = z.infer<typeof addStepSchema>;

export const updateStepSchema = z.object({ version, status: oneOf(STEP_STATUSES, '推进状态'), note: optText('说明', 2000) }).strict();

const count = (label: string) => z.number({ error: `${label}须为数字` }).int(`${label}须为整数`).min(0, `${label}不能为负`).max(1_000_000, `${label}过大`);
export const monthlyReportSchema = z
  .object({
    bodyId: idOf('执法主体'),
    month: z.string({ error: '请填写月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM'),
    problemsFound: count('发现问题数'),
    problemsRectified: count('整改问题数'),
    content: text('本月工作情况', 10, 8000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.problemsRectified > v.problemsFound) ctx.addIssue({ code: 'custom', path: ['problemsRectified'], message: '整改问题数不能多于发现问题数' });
  });
export type MonthlyReportInput = z.infer<typeof monthlyReportSchema>;

export const supervisorSchema = z
  .object({
    name: text('姓名', 2, 20),
    workUnit: text('工作单位', 2, 100),
    termFrom: localDate('聘期开始'),
    termTo: localDate('聘期结束'),
    phone,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.termTo <= v.termFrom) ctx.addIssue({ code: 'custom', path: ['termTo'], message: '聘期结束须晚于聘期开始' });
  });
export type SupervisorInput = z.infer<typeof supervisorSchema>;

export const activitySchema = z
  .object({
    activityDate: localDate('活动日期'),
    kind: oneOf(ACTIVITY_KINDS, '活动类型'),
    bodyId: optId('相关执法主体'),
    notes: text('活动情况', 4, 2000),
  })
  .strict();
export type ActivityInput = z.infer<typeof activitySchema>;

export const yearQuery = z.object({
  year: z.coerce.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度无效').max(2100, '年度无效').optional(),
  orgId: queryId('单位'),
});
