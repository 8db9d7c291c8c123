import { defineMachine, type FieldDef } from '../../kernel/shared/define-machine';

export const PLAN_KINDS = [
  { value: 'annual', label: '年度督察' },
  { value: 'special', label: '专项督察' },
  { value: 'patrol', label: '巡察' },
] as const;
export const PLAN_METHODS = [
  { value: 'written', label: '书面督察' },
  { value: 'on_site', label: '实地督察' },
  { value: 'third_party', label: '第三方评估' },
] as const;
export const PLAN_STATUSES = [
  { value: 'draft', label: '草拟' },
  { value: 'in_progress', label: '实施中' },
  { value: 'completed', label: '已完成' },
] as const;
export const FINDING_SOURCES = [
  { value: 'inspection', label: '法治督察' },
  { value: 'patrol', label: '巡察' },
  { value: 'overdue_deadline', label: '逾期事项' },
  { value: 'other', label: '其他' },
] as const;
export const FINDING_STATUSES = [
  { value: 'open', label: '待督办' },
  { value: 'ordered', label: '已督办' },
  { value: 'closed', label: '已销号' },
] as const;
export const ESCALATION_LEVELS = [
  { value: 0, label: '督办' },
  { value: 1, label: '约谈' },
  { value: 2, label: '通报' },
] as const;

const interviewFields: readonly FieldDef[] = [
  { name: 'interviewedOn', label: '约谈日期', type: 'date', required: true },
  { name: 'headName', label: '被约谈单位主要负责人', type: 'text', required: true, maxLength: 50 },
  { name: 'participants', label: '参加人员', type: 'textarea', required: true, maxLength: 500 },
  { name: 'interviewSummary', label: '约谈情况', type: 'textarea', required: true, maxLength: 4000 },
];
const noticeFields: readonly FieldDef[] = [
  { name: 'noticeNo', label: '通报文号', type: 'text', maxLength: 60, help: '如：示范市依法治市办通报〔2026〕3号' },
  { name: 'noticeContent', label: '通报内容', type: 'textarea', required: true, maxLength: 4000 },
  { name: 'noticePublishedOn', label: '通报日期', type: 'date', required: true },
];

/**
 * 督办单 (“销号式整改”): issued by the 依法治市办 to a unit with a rectification deadline (整改期限, a date
 * the office sets — not a statutory period); the unit reports its rectification with evidence, the office
 * verifies and closes it (销号) or returns it for rework. An overdue order may lead to an interview of the
 * unit's head (约谈) and a public notice (通报), as 《法治政府建设与责任落实督察工作规定》 provides
 * (约谈、责令整改、通报批评).
 *
 * The rectification clock stops when the unit reports (the deadline binds the unit's report, not the
 * office's verification) and restarts on a return, with the new date if one is set.
 */
export const orderMachine = defineMachine({
  entity: 'supervision_order',
  initial: 'issued',
  states: {
    issued: { label: '已签发', tone: 'processing', todo: { permission: 'rectify', title: '落实督办整改' } },
    submitted: { label: '整改已报送', tone: 'warning', todo: { permission: 'verify', title: '核查整改情况' } },
    returned: { label: '退回重新整改', tone: 'error', todo: { permission: 'rectify', title: '重新整改' } },
    closed: { label: '已销号', tone: 'success', final: true },
    withdrawn: { label: '已撤销', tone: 'default', final: true },
  },
  clocks: {
    rectification: {
      label: '整改期限',
      basis: '督办单',
      period: 0,
      unit: 'fixed_date',
      maxExtensions: 0,
      dueSoonWorkingDays: 3,
    },
  },
  onCreate: { clocks: [{ clock: 'rectification', action: 'start', due: 'dueDate' }] },
  transitions: {
    submitRectification: {
      label: '报送整改情况',
      from: ['issued', 'returned'],
      to: 'submitted',
      permission: 'rectify',
      fields: [
        { name: 'measures', label: '整改措施', type: 'textarea', required: true, maxLength: 4000 },
        { name: 'result', label: '整改结果', type: 'textarea', required: true, maxLength: 4000 },
        { name: 'completedOn', label: '整改完成日期', type: 'date', required: true, help: '整改佐证材料请在“附件”中上传' },
      ],
      clocks: [{ clock: 'rectification', action: 'stop' }],
    },
    close: {
      label: '核查销号',
      from: ['submitted'],
      to: 'closed',
      permission: 'verify',
      fields: [{ name: 'verificationOpinion', label: '核查意见', type: 'textarea', required: true, maxLength: 2000 }],
      clocks: [{ clock: 'rectification', action: 'stop' }],
    },
    returnForRework: {
      label: '退回重新整改',
      from: ['submitted'],
      to: 'returned',
      permission: 'verify',
      fields: [
        { name: 'reason', label: '退回理由', type: 'textarea', required: true, maxLength: 2000 },
        { name: 'dueDate', label: '新的整改期限', type: 'date', help: '不填则沿用原整改期限（原期限已过的须重新确定）' },
      ],
      clocks: [{ clock: 'rectification', action: 'restart', due: 'dueDate' }],
    },
    recordInterview: {
      label: '约谈',
      from: ['issued'],
      to: 'issued',
      permission: 'verify',
      fields: interviewFields,
      confirm: '督办事项逾期未整改，约谈被督办单位主要负责人。',
    },
    recordInterviewReturned: {
      label: '约谈',
      from: ['returned'],
      to: 'returned',
      permission: 'verify',
      fields: interviewFields,
      confirm: '督办事项逾期未整改，约谈被督办单位主要负责人。',
    },
    issueNotice: {
      label: '通报',
      from: ['issued'],
      to: 'issued',
      permission: 'verify',
      fields: noticeFields,
    },
    issueNoticeReturned: {
      label: '通报',
      from: ['returned'],
      to: 'returned',
      permission: 'verify',
      fields: noticeFields,
    },
    withdraw: {
      label: '撤销督办',
      from: ['issued', 'submitted', 'returned'],
      to: 'withdrawn',
      permission: 'issue',
      fields: [{ name: 'reason', label: '撤销理由', type: 'textarea', required: true, maxLength: 2000 }],
      clocks: [{ clock: 'rectification', action: 'stop' }],
      confirm: '撤销后督办单作废，不再计入整改统计。确认撤销？',
      danger: true,
    },
  },
});

export type OrderState = keyof typeof orderMachine.states;
/** States in which the unit still has to rectify (the order is open). */
export const OPEN_ORDER_STATES = ['issued', 'submitted', 'returned'] as const;
