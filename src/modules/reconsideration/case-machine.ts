import { defineMachine, type FieldDef } from '../../kernel/shared/define-machine';

/**
 * 行政复议决定类型 (closed list, statutes.md §1.7): 《行政复议法》(2023) 第六十三条至第六十九条, plus the
 * procedural 驳回申请 of 第三十三条. `corrective` marks the 纠错 outcomes (the act is changed, revoked, found
 * unlawful or void, or performance is ordered).
 */
export const DECISION_TYPES = [
  { value: 'change', label: '变更', article: '第六十三条', corrective: true },
  { value: 'revoke', label: '撤销（部分撤销）', article: '第六十四条', corrective: true },
  { value: 'confirm_unlawful', label: '确认违法', article: '第六十五条', corrective: true },
  { value: 'order_perform', label: '责令履行', article: '第六十六条', corrective: true },
  { value: 'confirm_void', label: '确认无效', article: '第六十七条', corrective: true },
  { value: 'uphold', label: '维持', article: '第六十八条', corrective: false },
  { value: 'reject_request', label: '驳回行政复议请求', article: '第六十九条', corrective: false },
  { value: 'dismiss_application', label: '驳回行政复议申请', article: '第三十三条', corrective: false },
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number]['value'];
export const CORRECTIVE_TYPES = DECISION_TYPES.filter((t) => t.corrective).map((t) => t.value);

export const CHANNELS = [
  { value: 'in_person', label: '当面递交' },
  { value: 'letter', label: '信函' },
  { value: 'online', label: '网上申请' },
  { value: 'other', label: '其他（含口头申请）' },
] as const;

export const PARTY_TYPES = [
  { value: 'citizen', label: '公民' },
  { value: 'legal_person', label: '法人' },
  { value: 'other_org', label: '其他组织' },
] as const;

/** 案件领域 (closed list). */
export const FIELDS = [
  { value: 'land_expropriation', label: '土地征收' },
  { value: 'market_regulation', label: '市场监管' },
  { value: 'social_security', label: '社会保障' },
  { value: 'public_security', label: '治安管理' },
  { value: 'natural_resources', label: '自然资源' },
  { value: 'transport', label: '交通运输' },
  { value: 'other', label: '其他' },
] as const;
export type CaseField = (typeof FIELDS)[number]['value'];

export const PROCEDURES = [
  { value: 'ordinary', label: '普通程序' },
  { value: 'simplified', label: '简易程序' },
] as const;

/** 第五十三条: cases that may be heard under the simplified procedure (facts clear, dispute minor). */
export const SIMPLIFIED_GROUNDS = [
  { value: 'on_the_spot', label: '被申请行政复议的行政行为是当场作出的' },
  { value: 'warning', label: '被申请行政复议的行政行为是警告或者通报批评' },
  { value: 'small_amount', label: '案件涉及款额三千元以下' },
  { value: 'disclosure', label: '属于政府信息公开案件' },
  { value: 'all_agree', label: '当事人各方同意适用简易程序' },
] as const;

/**
 * 第三十九条 中止 grounds (summarised). Grounds (一)(二)(四) turn into 终止 after 60 days (第四十一条第五项).
 * The wording of the grounds is the researcher's summary [memory]; the article numbers are in statutes.md.
 */
export const SUSPENSION_GROUNDS = [
  { value: 'g1', label: '（一）申请人死亡，近亲属尚未确定是否参加' },
  { value: 'g2', label: '（二）申请人丧失参加行政复议的行为能力，尚未确定法定代理人' },
  { value: 'g3', label: '（三）申请人下落不明' },
  { value: 'g4', label: '（四）申请人法人或其他组织终止，尚未确定权利义务承受人' },
  { value: 'g5', label: '（五）因不可抗力或其他正当理由不能参加行政复议' },
  { value: 'g6', label: '（六）进行调解、和解，申请人和被申请人同意中止' },
  { value: 'g7', label: '（七）法律适用问题需要有权机关作出解释或者确认' },
  { value: 'g8', label: '（八）审理需以其他案件的审理结果为依据' },
  { value: 'g9', label: '（九）附带审查规范性文件（第五十六条、第五十七条）' },
  { value: 'g10', label: '（十）需要中止的其他情形' },
] as const;
/** 第四十一条第五项: these suspensions end the case after 60 days. */
export const LAPSING_SUSPENSION_GROUNDS: readonly string[] = ['g1', 'g2', 'g4'];

/** 第四十一条 终止 grounds (withdrawal is its own transition). */
export const TERMINATION_GROUNDS = [
  { value: 'applicant_died', label: '申请人死亡，没有近亲属或近亲属放弃行政复议权利' },
  { value: 'entity_ended', label: '申请人法人或其他组织终止，没有或放弃权利义务承受人' },
  { value: 'criminal_measures', label: '申请人因同一违法行为被采取刑事强制措施' },
  { value: 'suspension_lapsed', label: '中止满六十日，中止原因仍未消除（第四十一条第五项）' },
] as const;

/** 行政复议意见书 / 建议书 (statutes.md §1.9). */
export const LETTER_KINDS = [
  { value: 'opinion', label: '行政复议意见书', basis: '《行政复议法》第七十六条' },
  { value: 'suggestion', label: '行政复议建议书', basis: '《行政复议法实施条例》第五十七条第二款' },
] as const;

/** Transitions offered only under one procedure (their clocks differ, statutes.md §1.5). */
export const PROCEDURE_ONLY: Record<string, 'ordinary' | 'simplified'> = {
  sendCopy: 'ordinary',
  sendCopySimplified: 'simplified',
  switchToOrdinary: 'simplified',
  extendDecision: 'ordinary',
};

const date = (name: string, label: string, help?: string): FieldDef => ({ name, label, type: 'date', required: true, ...(help ? { help } : {}) });
const textarea = (name: string, label: string, required = true, maxLength = 4000): FieldDef => ({ name, label, type: 'textarea', required, maxLength });
const reason: FieldDef = { name: 'reason', label: '说明', type: 'textarea', required: true, maxLength: 2000 };

const DECIDING = ['accepted', 'awaiting_answer', 'in_review', 'hearing_scheduled', 'suspended', 'pending_approval'] as const;
const OPEN = ['received', 'awaiting_correction', ...DECIDING] as const;
const STOP_ALL = [
  { clock: 'review', action: 'stop' },
  { clock: 'correction', action: 'stop' },
  { clock: 'copyOrdinary', action: 'stop' },
  { clock: 'copySimplified', action: 'stop' },
  { clock: 'answerOrdinary', action: 'stop' },
  { clock: 'answerSimplified', action: 'stop' },
  { clock: 'decisionOrdinary', action: 'stop' },
  { clock: 'decisionSimplified', action: 'stop' },
  { clock: 'suspensionLimit', action: 'stop' },
] as const;

/**
 * 行政复议案件办理流程 (《行政复议法》2023 第三十条至第七十四条; statutes.md §1.3–§1.8). Periods of 3/5/7/10 days
 * are working days, the others calendar days (第八十八条). Clocks that differ between the ordinary and the
 * simplified procedure are separate clocks, started by separate transitions.
 */
export const caseMachine = defineMachine({
  entity: 'reconsideration_case',
  initial: 'received',
  states: {
    received: { label: '待审查', tone: 'processing', todo: { permission: 'handle', title: '审查行政复议申请' } },
    awaiting_correction: { label: '待补正', tone: 'warning' },
    accepted: { label: '已受理', tone: 'processing', todo: { permission: 'handle', title: '向被申请人发送申请书副本' } },
    awaiting_answer: { label: '待被申请人答复', tone: 'processing' },
    in_review: { label: '审理中', tone: 'processing', todo: { permission: 'handle', title: '审理行政复议案件' } },
    hearing_scheduled: { label: '待听证', tone: 'processing', todo: { permission: 'handle', title: '组织听证' } },
    suspended: { label: '中止', tone: 'warning' },
    pending_approval: { label: '决定待审批', tone: 'processing', todo: { permission: 'approve', title: '审批行政复议决定' } },
    decided: { label: '已决定', tone: 'success', final: true },
    mediated: { label: '调解结案', tone: 'success', final: true },
    settled: { label: '和解结案', tone: 'success', final: true },
    withdrawn: { label: '已撤回', tone: 'default', final: true },
    terminated: { label: '已终止', tone: 'default', final: true },
    declined: { label: '不予受理', tone: 'default', final: true },
    forwarded: { label: '已告知向有权机关申请', tone: 'default', final: true },
    abandoned: { label: '视为放弃', tone: 'default', final: true },
  },
  clocks: {
    review: { label: '受理审查期限', basis: '《行政复议法》第三十条、第八十八条', period: 5, unit: 'working_day', maxExtensions: 0, dueSoonWorkingDays: 2 },
    correction: { label: '申请人补正期限', basis: '《行政复议法》第三十一条第二款', period: 10, unit: 'working_day', maxExtension: 30, maxExtensions: 1, dueSoonWorkingDays: 3 },
    copyOrdinary: { label: '发送申请书副本期限', basis: '《行政复议法》第四十八条', period: 7, unit: 'working_day', maxExtensions: 0, dueSoonWorkingDays: 2 },
    copySimplified: { label: '发送申请书副本期限（简易）', basis: '《行政复议法》第五十四条', period: 3, unit: 'working_day', maxExtensions: 0, dueSoonWorkingDays: 1 },
    answerOrdinary: { label: '被申请人答复期限', basis: '《行政复议法》第四十八条', period: 10, unit: 'working_day', maxExtensions: 0, dueSoonWorkingDays: 3 },
    answerSimplified: { label: '被申请人答复期限（简易）', basis: '《行政复议法》第五十四条', period: 5, unit: 'working_day', maxExtensions: 0, dueSoonWorkingDays: 2 },
    decisionOrdinary: { label: '复议决定期限', basis: '《行政复议法》第六十二条第一款', period: 60, unit: 'calendar_day', maxExtension: 30, maxExtensions: 1, dueSoonWorkingDays: 10 },
    decisionSimplified: { label: '复议决定期限（简易）', basis: '《行政复议法》第六十二条第二款', period: 30, unit: 'calendar_day', maxExtensions: 0, dueSoonWorkingDays: 5 },
    suspensionLimit: { label: '中止满六十日终止', basis: '《行政复议法》第四十一条第五项', period: 60, unit: 'calendar_day', maxExtensions: 0, dueSoonWorkingDays: 5 },
  },
  onCreate: { clocks: [{ clock: 'review', action: 'start', from: 'receivedDate' }] },
  transitions: {
    accept: {
      label: '受理（普通程序）',
      from: ['received'],
      to: 'accepted',
      permission: 'handle',
      fields: [date('acceptedDate', '受理日期', '审查期限届满未作出不予受理决定的，自期限届满之日起视为受理（第三十条第三款）')],
      clocks: [
        { clock: 'review', action: 'stop', from: 'acceptedDate' },
        { clock: 'copyOrdinary', action: 'start', from: 'acceptedDate' },
        { clock: 'decisionOrdinary', action: 'start', from: 'acceptedDate' },
      ],
    },
    acceptSimplified: {
      label: '受理（简易程序）',
      from: ['received'],
      to: 'accepted',
      permission: 'handle',
      fields: [
        date('acceptedDate', '受理日期', '审查期限届满未作出不予受理决定的，自期限届满之日起视为受理（第三十条第三款）'),
        { name: 'simplifiedGround', label: '适用简易程序的情形（第五十三条）', type: 'select', required: true, options: SIMPLIFIED_GROUNDS },
      ],
      clocks: [
        { clock: 'review', action: 'stop', from: 'acceptedDate' },
        { clock: 'copySimplified', action: 'start', from: 'acceptedDate' },
        { clock: 'decisionSimplified', action: 'start', from: 'acceptedDate' },
      ],
    },
    requestCorrection: {
      label: '通知补正',
      from: ['received'],
      to: 'awaiting_correction',
      permission: 'handle',
      fields: [
        textarea('correctionItems', '需补正的全部事项（一次性载明）', true, 2000),
        date('correctionNoticeDate', '补正通知送达日期', '申请人自收到补正通知之日起十个工作日内补正（第三十一条）'),
      ],
      clocks: [
        { clock: 'review', action: 'stop', from: 'correctionNoticeDate' },
        { clock: 'correction', action: 'start', from: 'correctionNoticeDate' },
      ],
    },
    receiveCorrection: {
      label: '收到补正材料',
      from: ['awaiting_correction'],
      to: 'received',
      permission: 'handle',
      fields: [date('correctedDate', '收到补正材料日期', '受理审查期限自收到补正材料之日起重新计算（第三十一条第三款）')],
      clocks: [
        { clock: 'correction', action: 'stop', from: 'correctedDate' },
        { clock: 'review', action: 'restart', from: 'correctedDate' },
      ],
    },
    extendCorrection: {
      label: '延长补正期限',
      from: ['awaiting_correction'],
      to: 'awaiting_correction',
      permission: 'handle',
      fields: [
        { name: 'correctionExtensionDays', label: '延长工作日数', type: 'number', required: true, min: 1, max: 30 },
        { ...reason, label: '正当理由' },
      ],
      clocks: [{ clock: 'correction', action: 'extend', days: 'correctionExtensionDays' }],
    },
    markAbandoned: {
      label: '视为放弃申请',
      from: ['awaiting_correction'],
      to: 'abandoned',
      permission: 'handle',
      fields: [reason],
      confirm: '申请人无正当理由逾期不补正，确认视为放弃行政复议申请并记录在案？',
      danger: true,
      clocks: [{ clock: 'correction', action: 'stop' }],
    },
    decline: {
      label: '不予受理',
      from: ['received'],
      to: 'declined',
      permission: 'handle',
      fields: [
        date('declinedDate', '决定日期', '须在受理审查期限内作出（第三十条第二款）'),
        { ...reason, label: '不予受理的理由' },
        { name: 'competentAuthority', label: '有管辖权的行政复议机关（如有）', type: 'text', maxLength: 100 },
      ],
      clocks: [{ clock: 'review', action: 'stop', from: 'declinedDate' }],
      danger: true,
    },
    forward: {
      label: '告知向有权机关申请',
      from: ['received'],
      to: 'forwarded',
      permission: 'handle',
      fields: [
        date('forwardedDate', '告知日期'),
        { name: 'competentAuthority', label: '有管辖权的行政复议机关', type: 'text', required: true, maxLength: 100 },
        { ...reason, label: '告知理由' },
      ],
      clocks: [{ clock: 'review', action: 'stop', from: 'forwardedDate' }],
    },
    sendCopy: {
      label: '发送申请书副本',
      from: ['accepted'],
      to: 'awaiting_answer',
      permission: 'handle',
      fields: [date('copySentDate', '发送日期', '自受理之日起七个工作日内发送（第四十八条）'), date('copyServedDate', '被申请人收到日期', '被申请人自收到之日起十个工作日内答复')],
      clocks: [
        { clock: 'copyOrdinary', action: 'stop', from: 'copySentDate' },
        { clock: 'answerOrdinary', action: 'start', from: 'copyServedDate' },
      ],
    },
    sendCopySimplified: {
      label: '发送申请书副本',
      from: ['accepted'],
      to: 'awaiting_answer',
      permission: 'handle',
      fields: [date('copySentDate', '发送日期', '自受理之日起三个工作日内发送（第五十四条）'), date('copyServedDate', '被申请人收到日期', '被申请人自收到之日起五个工作日内答复')],
      clocks: [
        { clock: 'copySimplified', action: 'stop', from: 'copySentDate' },
        { clock: 'answerSimplified', action: 'start', from: 'copyServedDate' },
      ],
    },
    receiveAnswer: {
      label: '收到答复和证据',
      from: ['awaiting_answer'],
      to: 'in_review',
      permission: 'handle',
      fields: [date('answerReceivedDate', '收到答复日期'), textarea('answerSummary', '答复要点及证据、依据', true, 4000)],
      clocks: [
        { clock: 'answerOrdinary', action: 'stop', from: 'answerReceivedDate' },
        { clock: 'answerSimplified', action: 'stop', from: 'answerReceivedDate' },
      ],
    },
    answerLapsed: {
      label: '逾期未答复，进入审理',
      from: ['awaiting_answer'],
      to: 'in_review',
      permission: 'handle',
      fields: [{ ...reason, label: '情况说明' }],
      confirm: '被申请人逾期未提交书面答复和证据的，视为该行政行为没有证据、依据（第七十条）。确认进入审理？',
      clocks: [
        { clock: 'answerOrdinary', action: 'stop' },
        { clock: 'answerSimplified', action: 'stop' },
      ],
    },
    scheduleHearing: {
      label: '安排听证',
      from: ['in_review'],
      to: 'hearing_scheduled',
      permission: 'handle',
      fields: [
        date('hearingNoticeDate', '听证通知送达日期'),
        date('hearingDate', '听证日期', '听证通知应在听证五个工作日前送达（第五十一条）'),
        { name: 'hearingPlace', label: '听证地点', type: 'text', required: true, maxLength: 200 },
      ],
    },
    holdHearing: {
      label: '记录听证',
      from: ['hearing_scheduled'],
      to: 'in_review',
      permission: 'handle',
      fields: [date('hearingHeldDate', '听证举行日期'), textarea('hearingRecord', '听证笔录要点', true, 4000)],
    },
    cancelHearing: {
      label: '取消听证',
      from: ['hearing_scheduled'],
      to: 'in_review',
      permission: 'handle',
      fields: [{ ...reason, label: '取消原因（如申请人无正当理由不参加，视为放弃听证权利，第五十一条）' }],
    },
    switchToOrdinary: {
      label: '转为普通程序',
      from: ['in_review'],
      to: 'in_review',
      permission: 'approve',
      fields: [{ ...reason, label: '转换理由' }],
      confirm: '经行政复议机构负责人批准转为普通程序。决定期限仍自受理之日起计算，改为六十日（第五十五条；statutes.md §1.6 待确认）。',
      clocks: [{ clock: 'decisionSimplified', action: 'stop' }],
    },
    extendDecision: {
      label: '批准延长决定期限',
      from: ['in_review'],
      to: 'in_review',
      permission: 'approve',
      fields: [
        { name: 'extensionDays', label: '延长日数', type: 'number', required: true, min: 1, max: 30, help: '最多延长三十日，并书面告知当事人（第六十二条第一款）' },
        { ...reason, label: '延长理由' },
      ],
      clocks: [{ clock: 'decisionOrdinary', action: 'extend', days: 'extensionDays' }],
    },
    suspend: {
      label: '中止审理',
      from: ['in_review'],
      to: 'suspended',
      permission: 'approve',
      fields: [
        { name: 'suspensionGround', label: '中止情形（第三十九条）', type: 'select', required: true, options: SUSPENSION_GROUNDS },
        date('suspendedOn', '中止日期'),
        { ...reason, label: '中止说明' },
      ],
      clocks: [
        { clock: 'decisionOrdinary', action: 'pause', from: 'suspendedOn' },
        { clock: 'decisionSimplified', action: 'pause', from: 'suspendedOn' },
      ],
    },
    resume: {
      label: '恢复审理',
      from: ['suspended'],
      to: 'in_review',
      permission: 'handle',
      fields: [date('resumedOn', '恢复日期'), { ...reason, label: '中止原因消除情况' }],
      clocks: [
        { clock: 'decisionOrdinary', action: 'resume', from: 'resumedOn' },
        { clock: 'decisionSimplified', action: 'resume', from: 'resumedOn' },
        { clock: 'suspensionLimit', action: 'stop', from: 'resumedOn' },
      ],
    },
    mediate: {
      label: '调解结案',
      from: ['in_review', 'suspended'],
      to: 'mediated',
      permission: 'handle',
      fields: [date('closedDate', '调解书生效日期', '各方当事人签字或签章、加盖行政复议机关印章之日（第七十三条）'), textarea('closingSummary', '调解协议内容')],
      clocks: [...STOP_ALL],
    },
    settle: {
      label: '和解撤回结案',
      from: ['in_review', 'suspended'],
      to: 'settled',
      permission: 'handle',
      fields: [date('closedDate', '准予撤回日期'), textarea('closingSummary', '和解内容（申请人撤回申请，第七十四条）')],
      clocks: [...STOP_ALL],
    },
    draftDecision: {
      label: '拟定复议决定',
      from: ['in_review'],
      to: 'pending_approval',
      permission: 'handle',
      fields: [
        { name: 'decisionType', label: '决定类型', type: 'select', required: true, options: DECISION_TYPES },
        textarea('decisionFacts', '查明的事实'),
        textarea('decisionReasons', '决定理由及依据'),
        textarea('decisionMain', '决定主文'),
      ],
    },
    returnDraft: {
      label: '退回修改',
      from: ['pending_approval'],
      to: 'in_review',
      permission: 'approve',
      fields: [{ ...reason, label: '退回意见' }],
    },
    approveDecision: {
      label: '批准并作出决定',
      from: ['pending_approval'],
      to: 'decided',
      permission: 'approve',
      fields: [date('decisionDate', '决定日期')],
      assigns: { sequence: 'decision', column: 'decisionNo' },
      clocks: [
        { clock: 'decisionOrdinary', action: 'stop', from: 'decisionDate' },
        { clock: 'decisionSimplified', action: 'stop', from: 'decisionDate' },
        { clock: 'suspensionLimit', action: 'stop', from: 'decisionDate' },
      ],
    },
    terminate: {
      label: '终止审理',
      from: [...DECIDING],
      to: 'terminated',
      permission: 'approve',
      fields: [
        { name: 'terminationGround', label: '终止情形（第四十一条）', type: 'select', required: true, options: TERMINATION_GROUNDS },
        date('closedDate', '终止日期'),
        { ...reason, label: '终止说明' },
      ],
      danger: true,
      clocks: [...STOP_ALL],
    },
    withdraw: {
      label: '申请人撤回申请',
      from: [...OPEN],
      to: 'withdrawn',
      permission: 'handle',
      fields: [date('closedDate', '撤回日期'), { ...reason, label: '撤回说明' }],
      danger: true,
      clocks: [...STOP_ALL],
    },
  },
});

export type CaseState = keyof typeof caseMachine.states;

/** 意见书 / 建议书 follow-up: the recipient reports its correction (第七十六条: 60 days of receipt). */
export const letterMachine = defineMachine({
  entity: 'reconsideration_letter',
  initial: 'issued',
  states: {
    issued: { label: '待反馈', tone: 'processing' },
    replied: { label: '已反馈', tone: 'success', final: true },
  },
  clocks: {
    opinionReport: { label: '意见书整改反馈期限', basis: '《行政复议法》第七十六条', period: 60, unit: 'calendar_day', maxExtensions: 0, dueSoonWorkingDays: 10 },
    suggestionReply: { label: '建议书反馈期限', basis: '行政复议机构确定的期限', period: 0, unit: 'fixed_date', maxExtensions: 0, dueSoonWorkingDays: 10 },
  },
  transitions: {
    recordReply: {
      label: '记录反馈',
      from: ['issued'],
      to: 'replied',
      permission: 'handle',
      fields: [date('replyDate', '收到反馈日期'), textarea('replySummary', '整改或采纳情况')],
      clocks: [
        { clock: 'opinionReport', action: 'stop', from: 'replyDate' },
        { clock: 'suggestionReply', action: 'stop', from: 'replyDate' },
      ],
    },
  },
});
