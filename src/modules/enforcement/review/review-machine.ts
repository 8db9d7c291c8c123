import { defineMachine, type FieldDef } from '../../../kernel/shared/define-machine';

/** 评查标准 categories (a sheet item belongs to one). */
export const SHEET_CATEGORIES = [
  { value: 'subject', label: '主体合法' },
  { value: 'evidence', label: '事实证据' },
  { value: 'procedure', label: '程序' },
  { value: 'law', label: '法律适用与裁量' },
  { value: 'documents', label: '文书规范' },
  { value: 'archive', label: '归档' },
] as const;

/** The default scoring sheet (100 points); a campaign may change it while in draft. */
export const DEFAULT_SHEET: { key: string; category: (typeof SHEET_CATEGORIES)[number]['value']; title: string; maxPoints: number }[] = [
  { key: 's1', category: 'subject', title: '执法主体合法、执法人员持证', maxPoints: 10 },
  { key: 'e1', category: 'evidence', title: '事实清楚、证据确凿充分', maxPoints: 25 },
  { key: 'p1', category: 'procedure', title: '立案、调查、告知、听证、法制审核等程序合法', maxPoints: 25 },
  { key: 'l1', category: 'law', title: '适用依据正确、裁量适当（符合裁量基准）', maxPoints: 20 },
  { key: 'd1', category: 'documents', title: '文书制作规范、送达合法', maxPoints: 10 },
  { key: 'a1', category: 'archive', title: '案卷装订、归档完整规范', maxPoints: 10 },
];

export const REVIEW_KINDS = [
  { value: 'self', label: '自查' },
  { value: 'onsite', label: '现场评查' },
  { value: 'cross', label: '交叉评查' },
] as const;

export const GRADES = [
  { value: 'excellent', label: '优秀' },
  { value: 'pass', label: '合格' },
  { value: 'fail', label: '不合格' },
] as const;

export const DOC_KINDS = [
  { value: 'notice', label: '行政执法监督通知书', short: '通知书', defaultDays: 15, basis: '监督机关确定的期限' },
  { value: 'opinion', label: '行政执法监督意见书', short: '意见书', defaultDays: 30, basis: '山东省行政执法监督条例第二十八条（示例）' },
  { value: 'decision', label: '行政执法监督决定书', short: '决定书', defaultDays: 30, basis: '山东省行政执法监督条例第二十九条（示例）' },
] as const;
export type DocKind = (typeof DOC_KINDS)[number]['value'];

export const DECISION_KINDS = [
  { value: 'order_perform', label: '责令限期履行' },
  { value: 'order_correct', label: '责令补正或更正' },
  { value: 'revoke', label: '撤销' },
  { value: 'confirm_unlawful', label: '确认违法' },
  { value: 'confirm_void', label: '确认无效' },
] as const;

export const COMPLAINT_CHANNELS = [
  { value: 'hotline', label: '12345热线' },
  { value: 'letter', label: '来信' },
  { value: 'visit', label: '来访' },
  { value: 'online', label: '网上' },
] as const;

export const COMPLAINT_RESULTS = [
  { value: 'substantiated', label: '属实' },
  { value: 'partly', label: '部分属实' },
  { value: 'unfounded', label: '不属实' },
] as const;

export const ACTIVITY_KINDS = [
  { value: 'review', label: '参与评查' },
  { value: 'visit', label: '明察暗访' },
  { value: 'forum', label: '座谈' },
  { value: 'training', label: '培训' },
] as const;

export const STEP_STATUSES = [
  { value: 'planned', label: '未开始' },
  { value: 'doing', label: '推进中' },
  { value: 'done', label: '已完成' },
] as const;

const date = (name: string, label: string, help?: string): FieldDef => ({ name, label, type: 'date', required: true, ...(help ? { help } : {}) });
const textarea = (name: string, label: string, maxLength = 4000): FieldDef => ({ name, label, type: 'textarea', required: true, maxLength });

/** 案卷评查活动: draft (sheet and targets) → sampling (files) → scoring → finished (results frozen). */
export const reviewMachine = defineMachine({
  entity: 'enforcement_review',
  initial: 'draft',
  states: {
    draft: { label: '筹备', tone: 'default' },
    sampling: { label: '抽取案卷', tone: 'processing', todo: { permission: 'review', title: '抽取评查案卷' } },
    scoring: { label: '评查打分', tone: 'processing', todo: { permission: 'review', title: '评查打分' } },
    finished: { label: '已完成', tone: 'success', final: true },
  },
  clocks: {},
  transitions: {
    startSampling: { label: '确定评查标准，开始抽取案卷', from: ['draft'], to: 'sampling', permission: 'review' },
    startScoring: { label: '开始评查打分', from: ['sampling'], to: 'scoring', permission: 'review', confirm: '开始打分后案卷名单不再变动，确认？' },
    finish: {
      label: '完成评查，冻结结果',
      from: ['scoring'],
      to: 'finished',
      permission: 'review',
      fields: [date('finishedDate', '完成日期')],
      confirm: '完成后评查结果冻结，不能再修改分数。确认？',
    },
  },
});

/**
 * 执法监督文书: issued (the body must answer within the document's period) → replied → closed, or returned for
 * a new answer. The reply period pauses while the supervisor examines the answer and resumes on return.
 */
export const docMachine = defineMachine({
  entity: 'enforcement_supervision_doc',
  initial: 'issued',
  states: {
    issued: { label: '待回复', tone: 'processing', todo: { permission: 'report', title: '回复执法监督文书' } },
    replied: { label: '已回复待审核', tone: 'warning', todo: { permission: 'supervise', title: '审核执法监督文书回复' } },
    closed: { label: '已办结', tone: 'success', final: true },
  },
  clocks: {
    noticeReply: { label: '通知书回复期限', basis: '监督机关确定的期限', period: 15, unit: 'calendar_day', maxExtensions: 0, dueSoonWorkingDays: 3 },
    opinionCorrection: { label: '意见书自行纠正期限', basis: '《山东省行政执法监督条例》第二十八条（示例，可按本地规定设置）', period: 30, unit: 'calendar_day', maxExtensions: 0, dueSoonWorkingDays: 5 },
    decisionReport: { label: '决定书执行情况报告期限', basis: '《山东省行政执法监督条例》第二十九条（示例，可按本地规定设置）', period: 30, unit: 'calendar_day', maxExtensions: 0, dueSoonWorkingDays: 5 },
  },
  transitions: {
    reply: {
      label: '回复（纠正或执行情况）',
      from: ['issued'],
      to: 'replied',
      permission: 'report',
      fields: [date('replyDate', '回复日期'), textarea('replyContent', '纠正或执行情况')],
      clocks: [
        { clock: 'noticeReply', action: 'pause', from: 'replyDate' },
        { clock: 'opinionCorrection', action: 'pause', from: 'replyDate' },
        { clock: 'decisionReport', action: 'pause', from: 'replyDate' },
      ],
    },
    accept: {
      label: '审核通过，办结',
      from: ['replied'],
      to: 'closed',
      permission: 'supervise',
      fields: [date('closedDate', '办结日期'), { name: 'closingOpinion', label: '审核意见', type: 'textarea', maxLength: 2000 }],
      clocks: [
        { clock: 'noticeReply', action: 'stop', from: 'closedDate' },
        { clock: 'opinionCorrection', action: 'stop', from: 'closedDate' },
        { clock: 'decisionReport', action: 'stop', from: 'closedDate' },
      ],
    },
    returnReply: {
      label: '退回重新办理',
      from: ['replied'],
      to: 'issued',
      permission: 'supervise',
      fields: [textarea('returnReason', '退回理由', 2000)],
      clocks: [
        { clock: 'noticeReply', action: 'resume' },
        { clock: 'opinionCorrection', action: 'resume' },
        { clock: 'decisionReport', action: 'resume' },
      ],
    },
  },
});

/** The reply clock of each document kind. */
export const DOC_CLOCK: Record<DocKind, 'noticeReply' | 'opinionCorrection' | 'decisionReport'> = {
  notice: 'noticeReply',
  opinion: 'opinionCorrection',
  decision: 'decisionReport',
};

/** 投诉举报: registered → verifying (the body checks by a set date) → verified → concluded; or not accepted. */
export const complaintMachine = defineMachine({
  entity: 'enforcement_complaint',
  initial: 'registered',
  states: {
    registered: { label: '待分办', tone: 'processing', todo: { permission: 'supervise', title: '分办执法投诉举报' } },
    verifying: { label: '核查中', tone: 'processing', todo: { permission: 'report', title: '核查执法投诉举报' } },
    verified: { label: '已核查待审核', tone: 'warning', todo: { permission: 'supervise', title: '审核投诉举报核查结果' } },
    concluded: { label: '已办结', tone: 'success', final: true },
    dismissed: { label: '不予受理', tone: 'default', final: true },
  },
  clocks: {
    verify: { label: '核查期限', basis: '监督机关交办的期限', period: 0, unit: 'fixed_date', maxExtension: 30, maxExtensions: 1, dueSoonWorkingDays: 3 },
  },
  transitions: {
    assign: {
      label: '交执法主体核查',
      from: ['registered'],
      to: 'verifying',
      permission: 'supervise',
      fields: [date('verifyDueDate', '核查完成时限'), { name: 'assignNote', label: '交办要求', type: 'textarea', maxLength: 2000 }],
      clocks: [{ clock: 'verify', action: 'start', due: 'verifyDueDate' }],
    },
    dismiss: {
      label: '不予受理',
      from: ['registered'],
      to: 'dismissed',
      permission: 'supervise',
      fields: [textarea('reason', '不予受理理由', 2000)],
      danger: true,
    },
    submitVerification: {
      label: '报送核查结果',
      from: ['verifying'],
      to: 'verified',
      permission: 'report',
      fields: [
        { name: 'result', label: '核查结论', type: 'select', required: true, options: COMPLAINT_RESULTS },
        textarea('findings', '核查情况'),
        date('verifiedDate', '核查完成日期'),
      ],
      clocks: [{ clock: 'verify', action: 'stop', from: 'verifiedDate' }],
    },
    returnVerification: {
      label: '退回重新核查',
      from: ['verified'],
      to: 'verifying',
      permission: 'supervise',
      fields: [date('verifyDueDate', '新的核查完成时限'), textarea('reason', '退回理由', 2000)],
      clocks: [{ clock: 'verify', action: 'start', due: 'verifyDueDate' }],
    },
    conclude: {
      label: '办结',
      from: ['verified'],
      to: 'concluded',
      permission: 'supervise',
      fields: [textarea('conclusion', '办理结果（答复投诉人的内容）', 2000), date('concludedDate', '办结日期')],
    },
  },
});
