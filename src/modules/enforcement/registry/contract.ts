/** Input schemas of the registry area (执法主体、人员、证件、事项、裁量基准、四张清单): zod with Chinese messages. */
import { z } from 'zod';
import { isLocalDate } from '../../../kernel/shared/local-date';
import { BODY_KIND_OPTIONS, CERT_KIND_OPTIONS, EXAM_SUBJECT_OPTIONS, ITEM_KIND_OPTIONS, LEVEL_OPTIONS, LIST_KIND_OPTIONS } from './registry-machine';

const values = <T extends readonly { value: string }[]>(list: T) => list.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]];
const MAX_ID = 2_147_483_647;
/** Largest fine in 分 (一百亿元): keeps the bigint exact in a JS number. */
export const MAX_FEN = 1_000_000_000_000;

export const localDate = (label: string) => z.string({ error: `请填写${label}` }).max(10, `${label}须为有效日期（YYYY-MM-DD）`).refine(isLocalDate, `${label}须为有效日期（YYYY-MM-DD）`);
const optionalDate = (label: string) =>
  localDate(label)
    .nullable()
    .optional()
    .transform((v) => v ?? null);
export const requiredText = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);
const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}须为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 字`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
const idOf = (label: string) => z.number({ error: `请选择${label}` }).int(`请选择${label}`).positive(`请选择${label}`).max(MAX_ID, `${label}不存在`);
const queryId = (label: string) => z.coerce.number({ error: `${label}须为数字` }).int(`${label}无效`).positive(`${label}无效`).max(MAX_ID, `${label}不存在`).optional();
const version = z.number({ error: '缺少版本号' }).int('版本号须为整数').positive('版本号须为正整数').max(MAX_ID, '版本号无效');
const bool = (label: string) => z.boolean({ error: `${label}须为是或否` });
const booleanQuery = z
  .enum(['true', 'false'], { error: '只能为 true 或 false' })
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));
const keyword = z.string().trim().max(50, '关键词不能超过 50 字').optional();
const year = z.coerce.number({ error: '年份须为数字' }).int('年份须为整数').min(2000, '年份不能早于 2000').max(2100, '年份不能晚于 2100');

// 18-digit resident ID with its ISO 7064 check digit.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export const isValidIdNumber = (v: string): boolean => {
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
};
export const idNumberSchema = z
  .string({ error: '请填写身份证号码' })
  .trim()
  .toUpperCase()
  .max(18, '身份证号码应为 18 位')
  .refine(isValidIdNumber, '身份证号码无效（应为 18 位，校验位正确）');
export const certNoSchema = z
  .string({ error: '请填写证件编号' })
  .trim()
  .min(4, '证件编号至少 4 位')
  .max(40, '证件编号不能超过 40 位')
  .regex(/^[0-9A-Za-z-]+$/, '证件编号只能包含数字、字母和连字符');

// ── 执法主体 ──────────────────────────────────────────────────────────────

const bodyFields = {
  name: requiredText('主体名称', 2, 100),
  kind: z.enum(values(BODY_KIND_OPTIONS), { error: '主体类别须为法定、授权或委托' }),
  legalBasis: requiredText('设立或授权依据', 2, 1000),
  entrustingOrgId: idOf('委托机关').nullable().optional().transform((v) => v ?? null),
  entrustScope: optionalText('委托范围', 1000),
  entrustFrom: optionalDate('委托起始日期'),
  entrustUntil: optionalDate('委托截止日期'),
};
const entrustRule = (b: { kind?: string; entrustingOrgId?: number | null; entrustScope?: string | null; entrustFrom?: string | null; entrustUntil?: string | null }, ctx: z.RefinementCtx) => {
  if (b.kind === 'entrusted') {
    if (!b.entrustingOrgId) ctx.addIssue({ code: 'custom', path: ['entrustingOrgId'], message: '委托执法须填写委托机关' });
    if (!b.entrustScope) ctx.addIssue({ code: 'custom', path: ['entrustScope'], message: '委托执法须填写委托范围' });
    if (!b.entrustUntil) ctx.addIssue({ code: 'custom', path: ['entrustUntil'], message: '委托执法须填写委托期限' });
  }
  if (b.entrustFrom && b.entrustUntil && b.entrustFrom > b.entrustUntil) ctx.addIssue({ code: 'custom', path: ['entrustUntil'], message: '委托截止日期不能早于起始日期' });
};
export const bodySchema = z.object({ orgId: idOf('所属单位'), ...bodyFields }).strict().superRefine(entrustRule);
export type BodyInput = z.infer<typeof bodySchema>;
export const bodyPatchSchema = z.object({ version, ...bodyFields }).strict().superRefine(entrustRule);
export type BodyPatch = z.infer<typeof bodyPatchSchema>;

export const bodyFilterSchema = z.object({
  kind: z.enum(values(BODY_KIND_OPTIONS), { error: '主体类别无效' }).optional(),
  status: z.enum(['active', 'suspended', 'revoked'], { error: '状态无效' }).optional(),
  orgId: queryId('单位'),
  /** Bodies not confirmed in this year. */
  unconfirmedYear: year.optional(),
  entrustExpired: booleanQuery,
  q: keyword,
});
export type BodyFilter = z.infer<typeof bodyFilterSchema>;

// ── 执法人员 ──────────────────────────────────────────────────────────────

const certFields = {
  kind: z.enum(values(CERT_KIND_OPTIONS), { error: '证件类型须为行政执法证或行政执法监督证' }),
  certNo: certNoSchema,
  issuedDate: localDate('发证日期'),
  expiresDate: optionalDate('有效期至'),
};
const certDates = (c: { issuedDate: string; expiresDate: string | null }, ctx: z.RefinementCtx) => {
  if (c.expiresDate && c.expiresDate <= c.issuedDate) ctx.addIssue({ code: 'custom', path: ['expiresDate'], message: '有效期至须晚于发证日期' });
};
export const certificateSchema = z.object({ officerId: idOf('执法人员'), ...certFields }).strict().superRefine(certDates);
export type CertificateInput = z.infer<typeof certificateSchema>;
const embeddedCertificate = z.object(certFields).strict().superRefine(certDates);

export const officerSchema = z
  .object({
    bodyId: idOf('执法主体'),
    name: requiredText('姓名', 2, 30),
    idNumber: idNumberSchema,
    post: optionalText('岗位', 60),
    isLegalReviewer: bool('法制审核人员').default(false),
    certificate: embeddedCertificate.nullable().optional().transform((v) => v ?? null),
  })
  .strict();
export type OfficerInput = z.infer<typeof officerSchema>;
export const officerPatchSchema = z.object({ version, name: requiredText('姓名', 2, 30), post: optionalText('岗位', 60), isLegalReviewer: bool('法制审核人员') }).strict();
export type OfficerPatch = z.infer<typeof officerPatchSchema>;

export const officerFilterSchema = z.object({
  bodyId: queryId('执法主体'),
  orgId: queryId('单位'),
  status: z.enum(['active', 'retired', 'transferred', 'dismissed'], { error: '人员状态无效' }).optional(),
  legalReviewer: booleanQuery,
  q: keyword,
});
export type OfficerFilter = z.infer<typeof officerFilterSchema>;

export const trainingSchema = z
  .object({
    trainedDate: localDate('培训日期'),
    course: requiredText('培训内容', 2, 200),
    hours: z.number({ error: '学时须为数字' }).int('学时须为整数').min(1, '学时至少为 1').max(200, '一次培训学时不能超过 200'),
  })
  .strict();
export type TrainingInput = z.infer<typeof trainingSchema>;

export const examSchema = z
  .object({
    subject: z.enum(values(EXAM_SUBJECT_OPTIONS), { error: '考试科目须为综合法律知识或专业法律知识' }),
    examDate: localDate('考试日期'),
    attended: bool('是否参加'),
    passed: bool('是否通过'),
    score: z.number({ error: '成绩须为数字' }).int('成绩须为整数').min(0, '成绩不能为负').max(100, '成绩不能超过 100').nullable().optional().transform((v) => v ?? null),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (!e.attended && e.passed) ctx.addIssue({ code: 'custom', path: ['passed'], message: '未参加考试不能记为通过' });
    if (!e.attended && e.score !== null) ctx.addIssue({ code: 'custom', path: ['score'], message: '未参加考试不能有成绩' });
  });
export type ExamInput = z.infer<typeof examSchema>;

export const transitionBodySchema = z.object({
  version,
  input: z.record(z.string(), z.unknown(), { error: '办理内容须为对象' }).default({}),
});

// ── 证件 ──────────────────────────────────────────────────────────────────

export const certificateFilterSchema = z.object({
  kind: z.enum(values(CERT_KIND_OPTIONS), { error: '证件类型无效' }).optional(),
  status: z.enum(['valid', 'suspended', 'revoked'], { error: '证件状态无效' }).optional(),
  bodyId: queryId('执法主体'),
  orgId: queryId('单位'),
  officerId: queryId('执法人员'),
  expired: booleanQuery,
  q: keyword,
});
export type CertificateFilter = z.infer<typeof certificateFilterSchema>;

export const annualReviewSchema = z.object({ version, year: z.number({ error: '年度须为数字' }).int('年度须为整数').min(2000, '年度不能早于 2000').max(2100, '年度不能晚于 2100') }).strict();

export const bulkCancelSchema = z
  .object({
    ids: z.array(idOf('证件'), { error: '请选择要注销的证件' }).min(1, '请至少选择一本证件').max(5000, '一次最多注销 5000 本'),
    reason: requiredText('注销原因', 2, 500),
  })
  .strict();

// ── 执法事项 ──────────────────────────────────────────────────────────────

const itemFields = {
  code: z
    .string({ error: '请填写事项编码' })
    .trim()
    .min(2, '事项编码至少 2 位')
    .max(40, '事项编码不能超过 40 位')
    .regex(/^[0-9A-Za-z\-_.]+$/, '事项编码只能包含数字、字母、连字符、下划线和点'),
  name: requiredText('事项名称', 4, 200),
  kind: z.enum(values(ITEM_KIND_OPTIONS), { error: '事项类别无效' }),
  legalBasis: requiredText('实施依据', 2, 2000),
};
export const itemSchema = z.object({ bodyId: idOf('执法主体'), ...itemFields }).strict();
export type ItemInput = z.infer<typeof itemSchema>;
export const itemPatchSchema = z.object({ version, ...itemFields }).strict();
export type ItemPatch = z.infer<typeof itemPatchSchema>;
export const abolishSchema = z.object({ version, abolishedDate: localDate('废止日期') }).strict();
export const itemTransferSchema = z
  .object({
    itemIds: z.array(idOf('事项'), { error: '请选择要划转的事项' }).min(1, '请至少选择一个事项').max(2000, '一次最多划转 2000 个事项'),
    toBodyId: idOf('划入的执法主体'),
    transferDate: localDate('划转日期'),
    reason: requiredText('划转依据', 2, 500),
  })
  .strict();
export type ItemTransferInput = z.infer<typeof itemTransferSchema>;

export const itemFilterSchema = z.object({
  bodyId: queryId('执法主体'),
  orgId: queryId('单位'),
  kind: z.enum(values(ITEM_KIND_OPTIONS), { error: '事项类别无效' }).optional(),
  status: z.enum(['active', 'abolished'], { error: '状态无效' }).optional(),
  q: keyword,
});
export type ItemFilter = z.infer<typeof itemFilterSchema>;

// ── 裁量基准 ──────────────────────────────────────────────────────────────

const fen = (label: string) => z.number({ error: `${label}须为数字（单位：分）` }).int(`${label}须为整数（分）`).min(0, `${label}不能为负`).max(MAX_FEN, `${label}过大`);
const benchmarkFields = {
  circumstance: requiredText('违法情节', 2, 1000),
  level: z.enum(values(LEVEL_OPTIONS), { error: '裁量阶次须为不予处罚、减轻、从轻、一般或从重' }),
  fineMinFen: fen('罚款下限').nullable().optional().transform((v) => v ?? null),
  fineMaxFen: fen('罚款上限').nullable().optional().transform((v) => v ?? null),
  measures: optionalText('其他处理措施', 1000),
  madeBy: requiredText('制定机关', 2, 100),
  madeDate: localDate('制定日期'),
};
const benchmarkRule = (b: { level: string; fineMinFen: number | null; fineMaxFen: number | null; measures: string | null }, ctx: z.RefinementCtx) => {
  if (b.fineMinFen !== null && b.fineMaxFen !== null && b.fineMinFen > b.fineMaxFen) ctx.addIssue({ code: 'custom', path: ['fineMaxFen'], message: '罚款上限不能低于下限' });
  if (b.level === 'none' && ((b.fineMinFen ?? 0) > 0 || (b.fineMaxFen ?? 0) > 0)) ctx.addIssue({ code: 'custom', path: ['fineMaxFen'], message: '不予处罚的情形不能设定罚款' });
  if (b.level !== 'none' && b.fineMaxFen === null && !b.measures) ctx.addIssue({ code: 'custom', path: ['measures'], message: '请填写罚款幅度或其他处理措施' });
};
export const benchmarkSchema = z.object({ itemId: idOf('执法事项'), ...benchmarkFields }).strict().superRefine(benchmarkRule);
export type BenchmarkInput = z.infer<typeof benchmarkSchema>;
export const benchmarkPatchSchema = z.object({ version, ...benchmarkFields }).strict().superRefine(benchmarkRule);
export type BenchmarkPatch = z.infer<typeof benchmarkPatchSchema>;
export const benchmarkFilterSchema = z.object({
  itemId: queryId('执法事项'),
  orgId: queryId('单位'),
  level: z.enum(values(LEVEL_OPTIONS), { error: '裁量阶次无效' }).optional(),
  status: z.enum(['active', 'abolished'], { error: '状态无效' }).optional(),
  q: keyword,
});
export type BenchmarkFilter = z.infer<typeof benchmarkFilterSchema>;
export const documentQuery = z.object({ format: z.enum(['docx', 'xlsx'], { error: '格式须为 docx 或 xlsx' }).default('docx') });

// ── 四张清单 ──────────────────────────────────────────────────────────────

const listFields = {
  listKind: z.enum(values(LIST_KIND_OPTIONS), { error: '清单类别无效' }),
  condition: requiredText('适用情形', 4, 2000),
  basis: requiredText('依据', 2, 1000),
  published: bool('是否公布').default(false),
};
export const listEntrySchema = z.object({ itemId: idOf('执法事项'), ...listFields }).strict();
export type ListEntryInput = z.infer<typeof listEntrySchema>;
export const listEntryPatchSchema = z.object({ version, ...listFields }).strict();
export type ListEntryPatch = z.infer<typeof listEntryPatchSchema>;
export const listFilterSchema = z.object({
  listKind: z.enum(values(LIST_KIND_OPTIONS), { error: '清单类别无效' }).optional(),
  itemId: queryId('执法事项'),
  bodyId: queryId('执法主体'),
  orgId: queryId('单位'),
  status: z.enum(['active', 'abolished'], { error: '状态无效' }).optional(),
  published: booleanQuery,
  q: keyword,
});
export type ListFilter = z.infer<typeof listFilterSchema>;

// ── 设置、看板 ────────────────────────────────────────────────────────────

export const settingsSchema = z
  .object({
    orgId: idOf('适用辖区'),
    trainingHoursTarget: z.number({ error: '年度培训学时须为数字' }).int('年度培训学时须为整数').min(1, '年度培训学时至少为 1').max(500, '年度培训学时不能超过 500'),
    legalReviewerMinPercent: z.number({ error: '法制审核人员比例须为数字' }).int('法制审核人员比例须为整数').min(1, '比例至少为 1%').max(100, '比例不能超过 100%'),
    certValidityYears: z.number({ error: '证件有效期须为数字' }).int('证件有效期须为整数').min(1, '证件有效期至少 1 年').max(10, '证件有效期不能超过 10 年'),
    version: version.nullable().optional().transform((v) => v ?? null),
  })
  .strict();
export type SettingsInput = z.infer<typeof settingsSchema>;
export const yearQuery = z.object({ year: year.optional(), orgId: queryId('单位') });
export const orgQuery = z.object({ orgId: queryId('单位') });
export const publicQuery = z.object({
  orgId: queryId('单位'),
  bodyId: queryId('执法主体'),
  q: keyword,
  page: z.coerce.number({ error: '页码须为数字' }).int('页码须为整数').min(1, '页码从 1 开始').max(10000, '页码过大').default(1),
  pageSize: z.coerce.number({ error: '每页条数须为数字' }).int('每页条数须为整数').min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20),
});
