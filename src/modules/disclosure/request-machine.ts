import { defineMachine } from '../../kernel/shared/define-machine';

/** 《政府信息公开条例》第三十六条 答复类型 (closed list), plus 第三十七条 partial disclosure. */
export const REPLY_TYPES = [
  { value: 'already_public', label: '已主动公开（告知获取途径）', article: '第三十六条第（一）项' },
  { value: 'disclosed', label: '予以公开', article: '第三十六条第（二）项' },
  { value: 'partially_disclosed', label: '部分公开', article: '第三十七条' },
  { value: 'not_disclosed', label: '不予公开', article: '第三十六条第（三）项' },
  { value: 'not_exist', label: '信息不存在', article: '第三十六条第（四）项' },
  { value: 'not_this_organ', label: '非本机关负责公开', article: '第三十六条第（五）项' },
  { value: 'repeated', label: '重复申请，不予重复处理', article: '第三十六条第（六）项' },
  { value: 'special_law', label: '按有关法律、行政法规办理', article: '第三十六条第（七）项' },
] as const;
export type ReplyType = (typeof REPLY_TYPES)[number]['value'];

export const CHANNELS = [
  { value: 'in_person', label: '当面提交' },
  { value: 'letter', label: '信函' },
  { value: 'online', label: '网上申请' },
  { value: 'fax', label: '传真' },
  { value: 'email', label: '电子邮件' },
] as const;
export type Channel = (typeof CHANNELS)[number]['value'];

export const APPLICANT_TYPES = [
  { value: 'citizen', label: '公民' },
  { value: 'legal_person', label: '法人' },
  { value: 'other_org', label: '其他组织' },
] as const;

export const DELIVERY_METHODS = [
  { value: 'paper', label: '纸质' },
  { value: 'email', label: '电子邮件' },
  { value: 'pickup', label: '当面领取' },
  { value: 'online', label: '网上获取' },
] as const;

/**
 * 依申请公开办理流程 (《政府信息公开条例》第三十条至第三十七条). The reply clock runs 20 working days from
 * receipt (第33条), restarts on receipt of the corrected request (第30条), pauses during third-party
 * consultation (第32、33条) and may be extended once by up to 20 working days with approval (第33条).
 */
export const requestMachine = defineMachine({
  entity: 'disclosure_request',
  initial: 'registered',
  states: {
    registered: { label: '待审查', tone: 'processing', todo: { permission: 'handle', title: '审查依申请公开申请' } },
    awaiting_correction: { label: '待补正', tone: 'warning' },
    processing: { label: '办理中', tone: 'processing', todo: { permission: 'handle', title: '办理依申请公开申请' } },
    consulting: { label: '征求意见中', tone: 'warning' },
    replied: { label: '已答复', tone: 'success', final: true },
    abandoned: { label: '视为放弃', tone: 'default', final: true },
    withdrawn: { label: '已撤回', tone: 'default', final: true },
  },
  clocks: {
    reply: {
      label: '答复期限',
      basis: '《政府信息公开条例》第三十三条',
      period: 20,
      unit: 'working_day',
      maxExtension: 20,
      maxExtensions: 1,
      dueSoonWorkingDays: 5,
    },
    correctionNotice: {
      label: '补正告知期限',
      basis: '《政府信息公开条例》第三十条',
      period: 7,
      unit: 'working_day',
      maxExtensions: 0,
      dueSoonWorkingDays: 2,
    },
    consultation: {
      label: '第三方答复期限',
      basis: '《政府信息公开条例》第三十二条',
      period: 15,
      unit: 'working_day',
      maxExtensions: 0,
    },
  },
  onCreate: {
    clocks: [
      { clock: 'reply', action: 'start', from: 'receivedDate' },
      { clock: 'correctionNotice', action: 'start', from: 'receivedDate' },
    ],
  },
  transitions: {
    accept: {
      label: '审查通过，开始办理',
      from: ['registered'],
      to: 'processing',
      permission: 'handle',
      clocks: [{ clock: 'correctionNotice', action: 'stop' }],
    },
    requestCorrection: {
      label: '告知补正',
      from: ['registered'],
      to: 'awaiting_correction',
      permission: 'handle',
      fields: [
        { name: 'correctionItems', label: '需补正的事项', type: 'textarea', required: true, maxLength: 2000 },
        { name: 'correctionDeadline', label: '补正期限', type: 'date', required: true, help: '申请人应在此日期前补正' },
      ],
      clocks: [
        { clock: 'correctionNotice', action: 'stop' },
        { clock: 'reply', action: 'stop' },
      ],
    },
    receiveCorrection: {
      label: '收到补正',
      from: ['awaiting_correction'],
      to: 'processing',
      permission: 'handle',
      fields: [{ name: 'correctedDate', label: '收到补正日期', type: 'date', required: true }],
      // 第三十条: 答复期限自行政机关收到补正的申请之日起计算.
      clocks: [{ clock: 'reply', action: 'restart', from: 'correctedDate' }],
    },
    markAbandoned: {
      label: '视为放弃申请',
      from: ['awaiting_correction'],
      to: 'abandoned',
      permission: 'handle',
      fields: [{ name: 'reason', label: '说明', type: 'textarea', required: true }],
      confirm: '申请人无正当理由逾期不补正，确认视为放弃申请？',
      danger: true,
    },
    startConsultation: {
      label: '征求第三方意见',
      from: ['processing'],
      to: 'consulting',
      permission: 'handle',
      fields: [
        { name: 'consultationParty', label: '征求意见对象', type: 'text', required: true },
        { name: 'consultationStartedOn', label: '发出征求意见日期', type: 'date', required: true },
      ],
      clocks: [
        { clock: 'reply', action: 'pause', from: 'consultationStartedOn' },
        { clock: 'consultation', action: 'start', from: 'consultationStartedOn' },
      ],
    },
    endConsultation: {
      label: '征求意见结束',
      from: ['consulting'],
      to: 'processing',
      permission: 'handle',
      fields: [
        { name: 'consultationEndedOn', label: '收到意见（或期满）日期', type: 'date', required: true },
        { name: 'consultationOpinion', label: '第三方意见', type: 'textarea', required: true, help: '逾期未提出意见的，由行政机关依法决定' },
      ],
      clocks: [
        { clock: 'consultation', action: 'stop' },
        { clock: 'reply', action: 'resume', from: 'consultationEndedOn' },
      ],
    },
    extend: {
      label: '延长答复期限',
      from: ['processing'],
      to: 'processing',
      permission: 'approveExtension',
      fields: [
        { name: 'extensionDays', label: '延长工作日数', type: 'number', required: true, min: 1, max: 20 },
        { name: 'reason', label: '延长理由', type: 'textarea', required: true },
      ],
      clocks: [{ clock: 'reply', action: 'extend', days: 'extensionDays' }],
    },
    reply: {
      label: '作出答复',
      // 第三十三条: 能够当场答复的，应当当场予以答复 — so a registered request may be answered at once.
      from: ['registered', 'processing'],
      to: 'replied',
      permission: 'handle',
      fields: [
        { name: 'replyType', label: '答复类型', type: 'select', required: true, options: REPLY_TYPES },
        { name: 'replySummary', label: '答复内容', type: 'textarea', required: true, maxLength: 4000 },
        { name: 'repliedDate', label: '答复日期', type: 'date', required: true },
      ],
      assigns: { sequence: 'reply', column: 'replyNo' },
      clocks: [
        { clock: 'reply', action: 'stop', from: 'repliedDate' },
        { clock: 'correctionNotice', action: 'stop' },
      ],
    },
    withdraw: {
      label: '申请人撤回',
      from: ['registered', 'awaiting_correction', 'processing', 'consulting'],
      to: 'withdrawn',
      permission: 'handle',
      fields: [{ name: 'reason', label: '撤回说明', type: 'textarea', required: true }],
      clocks: [
        { clock: 'reply', action: 'stop' },
        { clock: 'correctionNotice', action: 'stop' },
        { clock: 'consultation', action: 'stop' },
      ],
      danger: true,
    },
  },
});
