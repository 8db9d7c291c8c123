import { defineMachine, type FieldDef } from '../../kernel/shared/define-machine';

/** 审级. */
export const INSTANCES = [
  { value: 'first', label: '一审' },
  { value: 'second', label: '二审' },
  { value: 'retrial', label: '再审' },
] as const;
export type Instance = (typeof INSTANCES)[number]['value'];

export const PROCEDURES = [
  { value: 'ordinary', label: '普通程序' },
  { value: 'simplified', label: '简易程序' },
] as const;

export const PARTY_TYPES = [
  { value: 'citizen', label: '公民' },
  { value: 'legal_person', label: '法人' },
  { value: 'other_org', label: '其他组织' },
] as const;

/** 案由 (closed list). */
export const CAUSES = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'coercion', label: '行政强制' },
  { value: 'licensing', label: '行政许可' },
  { value: 'expropriation', label: '行政征收征用/土地征收' },
  { value: 'inaction', label: '行政不作为' },
  { value: 'disclosure', label: '政府信息公开' },
  { value: 'agreement', label: '行政协议' },
  { value: 'work_injury', label: '工伤认定' },
  { value: 'other', label: '其他' },
] as const;
export type Cause = (typeof CAUSES)[number]['value'];

/**
 * 裁判结果 (closed list). `lost`: the agency lost the case (败诉). `kind`: judgment (判决, appeal within 15
 * days) or ruling (裁定, 10 days) — 《行政诉讼法》第八十五条; or a conclusion without either.
 */
export const OUTCOMES = [
  { value: 'reject_claim', label: '驳回诉讼请求', kind: 'judgment', lost: false },
  { value: 'revoke', label: '撤销', kind: 'judgment', lost: true },
  { value: 'partial_revoke', label: '部分撤销', kind: 'judgment', lost: true },
  { value: 'confirm_unlawful', label: '确认违法', kind: 'judgment', lost: true },
  { value: 'confirm_void', label: '确认无效', kind: 'judgment', lost: true },
  { value: 'order_perform', label: '责令履行', kind: 'judgment', lost: true },
  { value: 'change', label: '变更', kind: 'judgment', lost: true },
  { value: 'compensate', label: '给付/赔偿', kind: 'judgment', lost: true },
  { value: 'dismiss_suit', label: '驳回起诉（裁定）', kind: 'ruling', lost: false },
  { value: 'withdrawal', label: '准予撤诉（裁定）', kind: 'ruling', lost: false },
  { value: 'mediated', label: '调解结案', kind: 'mediation', lost: false },
] as const;
export type Outcome = (typeof OUTCOMES)[number]['value'];
export const LOST_OUTCOMES: string[] = OUTCOMES.filter((o) => o.lost).map((o) => o.value);
export const JUDGMENT_OUTCOMES = OUTCOMES.filter((o) => o.kind === 'judgment');

/** 败诉原因. */
export const LOSS_REASONS = [
  { value: 'facts_unclear', label: '事实不清' },
  { value: 'insufficient_evidence', label: '证据不足' },
  { value: 'wrong_law', label: '适用法律错误' },
  { value: 'procedure', label: '程序违法' },
  { value: 'ultra_vires', label: '超越职权' },
  { value: 'clearly_improper', label: '明显不当' },
  { value: 'inaction', label: '不履行法定职责' },
  { value: 'other', label: '其他' },
] as const;

/** 出庭情况 (HEAD2020 第二条: chief, deputies and other heads in charge count as 负责人). */
export const ATTENDANCE = [
  { value: 'principal', label: '正职负责人', head: true },
  { value: 'deputy', label: '副职负责人', head: true },
  { value: 'other_head', label: '其他分管负责人', head: true },
  { value: 'staff', label: '仅工作人员', head: false },
  { value: 'lawyer_only', label: '仅律师', head: false },
  { value: 'none', label: '无人出庭', head: false },
] as const;
export type Attendance = (typeof ATTENDANCE)[number]['value'];
export const HEAD_ATTENDANCE: string[] = ATTENDANCE.filter((a) => a.head).map((a) => a.value);

/** 负责人不能出庭的正当理由 (HEAD2020 第八条). */
export const ABSENCE_REASONS = [
  { value: 'force_majeure', label: '不可抗力' },
  { value: 'accident', label: '意外事件' },
  { value: 'official_duty', label: '需履行他人不能代替的公务' },
  { value: 'other_justified', label: '其他正当理由' },
] as const;

export const APPELLANTS = [
  { value: 'agency', label: '本机关上诉' },
  { value: 'plaintiff', label: '原告（对方）上诉' },
  { value: 'both', label: '双方均上诉' },
] as const;

/** 旁听庭审 / 庭审讲评. */
export const OBSERVATION_KINDS = [
  { value: 'observe', label: '旁听庭审' },
  { value: 'review', label: '庭审讲评' },
] as const;

const date = (name: string, label: string, help?: string): FieldDef => ({ name, label, type: 'date', required: true, ...(help ? { help } : {}) });
const textarea = (name: string, label: string, required = true, maxLength = 4000): FieldDef => ({ name, label, type: 'textarea', required, maxLength });

const OPEN = ['registered', 'defending', 'awaiting_hearing', 'heard'] as const;
const STOP_ALL = [
  { clock: 'defence', action: 'stop' },
  { clock: 'appealJudgment', action: 'stop' },
  { clock: 'appealRuling', action: 'stop' },
] as const;

/**
 * 行政应诉案件 (《行政诉讼法》第六十七条、第八十五条; statutes.md §2). Periods are calendar days, the start day not
 * counted, a last day on a rest day moving to the next working day (第一百零一条 → 民事诉讼法第八十五条).
 */
export const caseMachine = defineMachine({
  entity: 'litigation_case',
  initial: 'registered',
  states: {
    registered: { label: '已登记', tone: 'processing', todo: { permission: 'handle', title: '登记收到起诉状副本日期' } },
    defending: { label: '答辩中', tone: 'processing', todo: { permission: 'handle', title: '提交答辩状和证据' } },
    awaiting_hearing: { label: '待开庭', tone: 'processing' },
    heard: { label: '已开庭', tone: 'processing', todo: { permission: 'handle', title: '记录裁判结果' } },
    judged: { label: '已裁判', tone: 'warning', todo: { permission: 'handle', title: '决定是否上诉' } },
    appealed: { label: '已上诉', tone: 'processing' },
    closed: { label: '已结案', tone: 'success', final: true },
    withdrawn: { label: '原告撤诉', tone: 'default', final: true },
    mediated: { label: '调解结案', tone: 'success', final: true },
  },
  clocks: {
    defence: { label: '答辩及举证期限', basis: '《行政诉讼法》第六十七条', period: 15, unit: 'calendar_day', maxExtensions: 0, dueSoonWorkingDays: 3 },
    appealJudgment: { label: '判决上诉期限', basis: '《行政诉讼法》第八十五条', period: 15, unit: 'calendar_day', maxExtensions: 0, dueSoonWorkingDays: 3 },
    appealRuling: { label: '裁定上诉期限', basis: '《行政诉讼法》第八十五条', period: 10, unit: 'calendar_day', maxExtensions: 0, dueSoonWorkingDays: 3 },
  },
  transitions: {
    receiveComplaint: {
      label: '收到起诉状副本',
      from: ['registered'],
      to: 'defending',
      permission: 'handle',
      fields: [
        date('servedDate', '收到应诉通知书及起诉状副本日期', '自收到之日起十五日内提交答辩状和证据（第六十七条）'),
        { name: 'courtCaseNo', label: '法院案号（二审、再审案件收到副本时填写）', type: 'text', maxLength: 60 },
      ],
      clocks: [{ clock: 'defence', action: 'start', from: 'servedDate' }],
    },
    applyEvidenceExtension: {
      label: '申请延期提供证据',
      from: ['defending'],
      to: 'defending',
      permission: 'handle',
      fields: [
        date('evidenceExtensionDate', '书面申请日期', '须在收到起诉状副本之日起十五日内书面申请（行政诉讼法解释第三十四条）'),
        textarea('evidenceExtensionReason', '不能按期提供证据的正当事由', true, 2000),
      ],
    },
    fileDefence: {
      label: '提交答辩状和证据',
      from: ['defending'],
      to: 'awaiting_hearing',
      permission: 'handle',
      fields: [
        date('defenceFiledDate', '提交日期'),
        textarea('evidenceList', '证据及规范性文件清单', true, 4000),
        textarea('defenceSummary', '答辩要点', false, 4000),
      ],
      clocks: [{ clock: 'defence', action: 'stop', from: 'defenceFiledDate' }],
    },
    hold: {
      label: '开庭审理',
      from: ['awaiting_hearing'],
      to: 'heard',
      permission: 'handle',
      fields: [date('heardDate', '开庭日期')],
    },
    judge: {
      label: '记录判决',
      from: ['awaiting_hearing', 'heard'],
      to: 'judged',
      permission: 'handle',
      fields: [
        { name: 'outcome', label: '判决结果', type: 'select', required: true, options: JUDGMENT_OUTCOMES },
        { name: 'lossReason', label: '败诉原因（败诉时填写）', type: 'select', options: LOSS_REASONS },
        date('judgmentDate', '判决日期'),
        date('judgmentServedDate', '判决书送达日期', '不服判决的，自送达之日起十五日内上诉（第八十五条）'),
        textarea('judgmentSummary', '裁判要旨', false, 4000),
      ],
      clocks: [{ clock: 'appealJudgment', action: 'start', from: 'judgmentServedDate' }],
    },
    dismiss: {
      label: '记录裁定驳回起诉',
      from: ['defending', 'awaiting_hearing', 'heard'],
      to: 'judged',
      permission: 'handle',
      fields: [
        date('judgmentDate', '裁定日期'),
        date('judgmentServedDate', '裁定书送达日期', '不服裁定的，自送达之日起十日内上诉（第八十五条）'),
        textarea('judgmentSummary', '裁定理由', false, 4000),
      ],
      clocks: [{ clock: 'defence', action: 'stop', from: 'judgmentDate' }, { clock: 'appealRuling', action: 'start', from: 'judgmentServedDate' }],
    },
    appeal: {
      label: '提起上诉',
      from: ['judged'],
      to: 'appealed',
      permission: 'handle',
      fields: [
        { name: 'appellant', label: '上诉人', type: 'select', required: true, options: APPELLANTS },
        date('appealDate', '上诉日期'),
        textarea('reason', '上诉理由要点', true, 2000),
      ],
      clocks: [
        { clock: 'appealJudgment', action: 'stop', from: 'appealDate' },
        { clock: 'appealRuling', action: 'stop', from: 'appealDate' },
      ],
    },
    noAppeal: {
      label: '不上诉，裁判生效',
      from: ['judged'],
      to: 'closed',
      permission: 'handle',
      fields: [date('closedDate', '决定不上诉（生效）日期'), textarea('reason', '说明', true, 2000)],
      clocks: [
        { clock: 'appealJudgment', action: 'stop', from: 'closedDate' },
        { clock: 'appealRuling', action: 'stop', from: 'closedDate' },
      ],
    },
    closeAppealed: {
      label: '二审终结，结案',
      from: ['appealed'],
      to: 'closed',
      permission: 'handle',
      fields: [date('closedDate', '结案日期'), textarea('reason', '二审结果', true, 2000)],
    },
    withdraw: {
      label: '原告撤诉（准予撤诉）',
      from: [...OPEN],
      to: 'withdrawn',
      permission: 'handle',
      fields: [date('judgmentDate', '准予撤诉裁定日期'), textarea('reason', '撤诉情况（如行政机关改变行政行为后原告撤诉）', true, 2000)],
      danger: true,
      clocks: [...STOP_ALL],
    },
    mediate: {
      label: '调解结案',
      from: ['defending', 'awaiting_hearing', 'heard'],
      to: 'mediated',
      permission: 'handle',
      fields: [date('judgmentDate', '调解书生效日期'), textarea('judgmentSummary', '调解协议内容', true, 4000)],
      clocks: [...STOP_ALL],
    },
  },
});
export type CaseState = keyof typeof caseMachine.states;

/** The outcome a concluding transition records. */
export const OUTCOME_OF: Record<string, Outcome | 'input'> = { judge: 'input', dismiss: 'dismiss_suit', withdraw: 'withdrawal', mediate: 'mediated' };

/** 司法建议: the agency replies by the date the court sets. */
export const suggestionMachine = defineMachine({
  entity: 'litigation_suggestion',
  initial: 'pending',
  states: {
    pending: { label: '待回复', tone: 'processing', todo: { permission: 'handle', title: '回复司法建议' } },
    replied: { label: '已回复', tone: 'success', final: true },
  },
  clocks: {
    reply: { label: '司法建议回复期限', basis: '人民法院司法建议书确定的期限', period: 0, unit: 'fixed_date', maxExtensions: 0, dueSoonWorkingDays: 5 },
  },
  transitions: {
    recordReply: {
      label: '记录回复',
      from: ['pending'],
      to: 'replied',
      permission: 'handle',
      fields: [date('replyDate', '回复日期'), textarea('replySummary', '回复及整改情况')],
      clocks: [{ clock: 'reply', action: 'stop', from: 'replyDate' }],
    },
  },
});
