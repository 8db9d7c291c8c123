import { defineMachine, type FieldDef } from '../../../kernel/shared/define-machine';

/** 案件类型. */
export const KINDS = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'licence', label: '行政许可' },
  { value: 'inspection', label: '行政检查' },
  { value: 'compulsory', label: '行政强制' },
] as const;
export type CaseKind = (typeof KINDS)[number]['value'];

export const PARTY_KINDS = [
  { value: 'citizen', label: '自然人' },
  { value: 'legal_person', label: '法人' },
  { value: 'other_org', label: '其他组织' },
] as const;

/** 《行政处罚法》第五十八条第一款: cases whose decision needs 法制审核 first. */
export const MAJOR_GROUNDS = [
  { value: 'public_interest', label: '涉及重大公共利益' },
  { value: 'major_rights_heard', label: '直接关系当事人或者第三人重大权益，经过听证程序' },
  { value: 'complex', label: '案件情况疑难复杂、涉及多个法律关系' },
  { value: 'other_law', label: '法律、法规规定应当进行法制审核的其他情形' },
] as const;

/** 决定类型 by case kind (第五十七条 for penalties). */
export const DECISION_TYPES = [
  { value: 'punish', label: '给予行政处罚', kind: 'penalty' },
  { value: 'no_penalty', label: '不予行政处罚', kind: 'penalty' },
  { value: 'transfer', label: '移送司法机关', kind: 'penalty' },
  { value: 'revoke_filing', label: '撤销立案', kind: 'penalty' },
  { value: 'grant', label: '准予许可', kind: 'licence' },
  { value: 'deny', label: '不予许可', kind: 'licence' },
  { value: 'compliant', label: '检查未发现问题', kind: 'inspection' },
  { value: 'order_correct', label: '责令限期整改', kind: 'inspection' },
  { value: 'open_case', label: '发现违法，转立案查处', kind: 'inspection' },
  { value: 'impose', label: '实施行政强制措施', kind: 'compulsory' },
  { value: 'lift', label: '不予实施 / 解除强制措施', kind: 'compulsory' },
] as const;
/** Decisions that are not published (no 公示 record). */
export const UNPUBLISHED_DECISIONS: readonly string[] = ['revoke_filing'];

/** 第三十三条: no penalty. */
export const NO_PENALTY_BASES = [
  { value: 'MINOR', label: '违法行为轻微并及时改正，没有造成危害后果（应当不予处罚）' },
  { value: 'FIRST_MINOR', label: '初次违法且危害后果轻微并及时改正（首违不罚，可以不予处罚）' },
  { value: 'NO_FAULT', label: '有证据足以证明没有主观过错' },
] as const;

/** 裁量阶次 of a 裁量基准 row (registry's discretion_benchmark.level). */
export const BENCHMARK_LEVELS = [
  { value: 'none', label: '不予处罚' },
  { value: 'mitigated', label: '减轻处罚' },
  { value: 'lighter', label: '从轻处罚' },
  { value: 'ordinary', label: '一般处罚' },
  { value: 'heavier', label: '从重处罚' },
] as const;

export const SERVICE_MODES = [
  { value: 'on_spot', label: '宣告后当场交付' },
  { value: 'absent', label: '当事人不在场，依民事诉讼法送达' },
] as const;

export const EXECUTION_MODES = [
  { value: 'paid', label: '当事人自觉履行（缴纳罚款）' },
  { value: 'deferred', label: '批准暂缓或分期缴纳' },
  { value: 'enforced', label: '强制执行（加处罚款、申请法院强制执行）' },
] as const;

export const RISK_CLASSES = [
  { value: 'A', label: 'A 类（信用风险低）' },
  { value: 'B', label: 'B 类（信用风险一般）' },
  { value: 'C', label: 'C 类（信用风险较高）' },
  { value: 'D', label: 'D 类（信用风险高）' },
] as const;

/** 公示撤回 grounds (第四十八条第二款). */
export const WITHDRAW_GROUNDS = [
  { value: 'changed', label: '决定被变更' },
  { value: 'revoked', label: '决定被撤销' },
  { value: 'unlawful', label: '决定被确认违法' },
  { value: 'void', label: '决定被确认无效' },
] as const;

/** 全过程记录 stages: where an attachment belongs (its `category`). */
export const RECORD_STAGES = [
  { value: 'filing', label: '立案（受理）' },
  { value: 'investigation', label: '调查取证 / 现场检查' },
  { value: 'notice', label: '告知与陈述申辩' },
  { value: 'hearing', label: '听证' },
  { value: 'review', label: '法制审核' },
  { value: 'decision', label: '决定' },
  { value: 'service', label: '送达' },
  { value: 'execution', label: '执行（含强制措施）' },
] as const;
export type RecordStage = (typeof RECORD_STAGES)[number]['value'];

/**
 * 陈述、申辩期限 for cases notified before the 告知书's period was recorded. The law (第四十五条) sets no length:
 * the 告知书 states it; five working days is the common departmental period (and the hearing period of
 * 第六十四条第一项), so old rows are read as that.
 */
export const STATEMENT_DAYS_DEFAULT = 5;

export const WAIVER_SCOPES = [
  { value: 'statement', label: '放弃陈述、申辩权利' },
  { value: 'statement_and_hearing', label: '放弃陈述、申辩和要求听证的权利' },
] as const;

/** Transitions offered only for some kinds (one machine, guards by kind). */
export const KIND_ONLY: Record<string, readonly CaseKind[]> = {
  investigate: ['penalty', 'licence', 'compulsory'],
  notify: ['penalty'],
  waive: ['penalty'],
  requestHearing: ['penalty'],
  scheduleHearing: ['penalty'],
  holdHearing: ['penalty'],
  submitReview: ['penalty', 'licence', 'compulsory'],
  serve: ['penalty', 'licence', 'compulsory'],
  execute: ['penalty'],
};

const date = (name: string, label: string, help?: string): FieldDef => ({ name, label, type: 'date', required: true, ...(help ? { help } : {}) });
const textarea = (name: string, label: string, required = true, maxLength = 4000): FieldDef => ({ name, label, type: 'textarea', required, maxLength });

/**
 * 行政执法案件 (行政处罚法 2021 第五十四条至第六十七条; statutes.md §8.1). One machine for the four kinds, with
 * guards by kind (`KIND_ONLY`): they share the record, the decision, service, closing and the 公示 that follows,
 * so one status column, one history and one deadline list serve 案卷评查 and the boards alike. 处罚 runs the
 * whole chain; 许可 and 强制 skip 告知/听证 (受理→审查→决定→送达→结案); 检查 records its result directly
 * (检查→结果→结案). Periods of 5 and 7 days are working days (第八十五条), 15 and 90 days calendar days.
 */
export const caseMachine = defineMachine({
  entity: 'enforcement_case',
  initial: 'registered',
  states: {
    registered: { label: '已立案（受理）', tone: 'processing', todo: { permission: 'report', title: '调查取证或审查' } },
    investigating: { label: '调查取证（审查）', tone: 'processing' },
    notified: { label: '已告知', tone: 'processing' },
    hearing_requested: { label: '已申请听证', tone: 'warning', todo: { permission: 'report', title: '通知听证' } },
    hearing_scheduled: { label: '待听证', tone: 'processing' },
    legal_review: { label: '法制审核中', tone: 'processing', todo: { permission: 'legalReview', title: '法制审核' } },
    reviewed: { label: '审核通过待决定', tone: 'processing', todo: { permission: 'report', title: '作出决定' } },
    decided: { label: '已决定', tone: 'success' },
    served: { label: '已送达', tone: 'success' },
    executing: { label: '执行中', tone: 'processing' },
    closed: { label: '已结案', tone: 'default', final: true },
  },
  clocks: {
    decision: { label: '处罚决定期限', basis: '《行政处罚法》第六十条', period: 90, unit: 'calendar_day', maxExtensions: 0, dueSoonWorkingDays: 10 },
    hearingRequest: { label: '听证申请期限', basis: '《行政处罚法》第六十四条第一项、第八十五条', period: 5, unit: 'working_day', maxExtensions: 0, dueSoonWorkingDays: 2 },
    service: { label: '决定书送达期限', basis: '《行政处罚法》第六十一条、第八十五条', period: 7, unit: 'working_day', maxExtensions: 0, dueSoonWorkingDays: 2 },
    payment: { label: '罚款缴纳期限', basis: '《行政处罚法》第六十七条第三款', period: 15, unit: 'calendar_day', maxExtensions: 0, dueSoonWorkingDays: 3 },
  },
  transitions: {
    investigate: {
      label: '开始调查取证（审查）',
      from: ['registered'],
      to: 'investigating',
      permission: 'report',
      fields: [textarea('investigationNote', '调查或审查安排（检查、询问、勘验、抽样等）', false, 2000)],
    },
    notify: {
      label: '拟处罚告知',
      from: ['investigating'],
      to: 'notified',
      permission: 'report',
      fields: [
        date('noticeDate', '告知书送达日期', '告知拟作出的处罚内容及事实、理由、依据，以及陈述、申辩、要求听证的权利（第四十四条）'),
        textarea('noticeFacts', '违法事实、理由及依据'),
        textarea('proposedPenalty', '拟作出的行政处罚', true, 1000),
        {
          name: 'hearingRightNotice',
          label: '是否告知听证权利',
          type: 'select',
          required: true,
          options: [
            { value: 'yes', label: '是（较大数额罚款、吊销许可证件、责令停产停业等，第六十三条）' },
            { value: 'no', label: '否' },
          ],
        },
        {
          name: 'statementDays',
          label: '陈述、申辩期限（工作日）',
          type: 'number',
          required: true,
          min: 1,
          max: 30,
          help: '告知书载明的期限，自告知书送达之日起计算。当事人有权进行陈述和申辩（第四十五条）；期限内不得作出处罚决定，当事人明确放弃的除外（第六十二条）。法律未规定天数，常见为五个工作日',
        },
      ],
    },
    waive: {
      label: '记录当事人放弃陈述申辩',
      from: ['notified'],
      to: 'notified',
      permission: 'report',
      fields: [
        date('waiverDate', '当事人明确放弃之日', '当事人明确放弃陈述、申辩（或听证）权利的，可以不待期限届满作出决定（第六十二条）'),
        { name: 'waiverScope', label: '放弃的权利', type: 'select', required: true, options: WAIVER_SCOPES },
        textarea('waiverNote', '放弃的方式（书面声明、笔录签字等）及材料', true, 1000),
      ],
    },
    requestHearing: {
      label: '当事人申请听证',
      from: ['notified'],
      to: 'hearing_requested',
      permission: 'report',
      fields: [date('hearingRequestDate', '当事人提出听证申请日期', '当事人应在告知后五个工作日内提出（第六十四条第一项）')],
      clocks: [{ clock: 'hearingRequest', action: 'stop', from: 'hearingRequestDate' }],
    },
    scheduleHearing: {
      label: '通知听证',
      from: ['hearing_requested'],
      to: 'hearing_scheduled',
      permission: 'report',
      fields: [
        date('hearingNoticeDate', '听证通知送达日期'),
        date('hearingDate', '听证日期', '应在举行听证的七个工作日前通知（第六十四条第二项）'),
        { name: 'hearingPlace', label: '听证地点', type: 'text', required: true, maxLength: 200 },
        {
          name: 'hearingPresider',
          label: '听证主持人（非本案调查人员）',
          type: 'text',
          required: true,
          maxLength: 50,
          help: '听证由行政机关指定的非本案调查人员主持（第六十四条第四项）。填写姓名，科室等用空格隔开；与本案承办执法人员同名的将被拒绝',
        },
      ],
    },
    holdHearing: {
      label: '记录听证',
      from: ['hearing_scheduled'],
      to: 'notified',
      permission: 'report',
      fields: [date('hearingHeldDate', '听证举行日期'), textarea('hearingRecord', '听证笔录要点（决定依据听证笔录作出，第六十五条）')],
    },
    submitReview: {
      label: '提交法制审核',
      from: ['investigating', 'notified'],
      to: 'legal_review',
      permission: 'report',
      fields: [textarea('reason', '提请审核说明（主体、程序、事实证据、法律适用、裁量等）', false, 2000)],
    },
    reviewPass: {
      label: '法制审核通过',
      from: ['legal_review'],
      to: 'reviewed',
      permission: 'legalReview',
      fields: [date('legalReviewDate', '审核日期'), textarea('legalReviewOpinion', '审核意见')],
    },
    reviewReturn: {
      label: '法制审核退回补充',
      from: ['legal_review'],
      to: 'investigating',
      permission: 'legalReview',
      fields: [date('legalReviewDate', '审核日期'), textarea('legalReviewOpinion', '退回意见（需补充的证据或需纠正的问题）')],
      danger: true,
    },
    decide: {
      label: '作出决定',
      from: ['registered', 'investigating', 'notified', 'reviewed'],
      to: 'decided',
      permission: 'report',
      fields: [
        date('decidedDate', '决定日期', '处罚案件自立案之日起九十日内作出决定（第六十条）'),
        { name: 'decisionType', label: '决定类型', type: 'select', required: true, options: DECISION_TYPES },
        { name: 'decisionNo', label: '决定书文号', type: 'text', required: true, maxLength: 60 },
        textarea('decisionContent', '决定内容（处罚种类、依据、履行方式和期限；检查结果等）', true, 4000),
        { name: 'fineYuan', label: '罚款金额（元）', type: 'number', min: 0, max: 1_000_000_000 },
        { name: 'benchmarkLevel', label: '适用的裁量阶次', type: 'select', options: BENCHMARK_LEVELS, help: '按本事项的行政裁量权基准' },
        textarea('discretionReason', '超出基准幅度的理由', false, 2000),
        { name: 'noPenaltyBasis', label: '不予处罚的情形（第三十三条）', type: 'select', options: NO_PENALTY_BASES },
        textarea('educationRecord', '对当事人的教育情况（第三十三条第三款）', false, 2000),
      ],
      clocks: [
        { clock: 'decision', action: 'stop', from: 'decidedDate' },
        { clock: 'hearingRequest', action: 'stop', from: 'decidedDate' },
      ],
    },
    serve: {
      label: '送达决定书',
      from: ['decided'],
      to: 'served',
      permission: 'report',
      fields: [date('servedDate', '送达日期'), { name: 'serviceMode', label: '送达方式', type: 'select', required: true, options: SERVICE_MODES }],
      clocks: [{ clock: 'service', action: 'stop', from: 'servedDate' }],
    },
    execute: {
      label: '记录执行',
      from: ['served'],
      to: 'executing',
      permission: 'report',
      fields: [
        { name: 'executionMode', label: '执行方式', type: 'select', required: true, options: EXECUTION_MODES },
        { name: 'paidDate', label: '缴纳日期', type: 'date' },
        textarea('executionNote', '执行情况', false, 2000),
      ],
      clocks: [{ clock: 'payment', action: 'stop', from: 'paidDate' }],
    },
    close: {
      label: '结案',
      from: ['decided', 'served', 'executing'],
      to: 'closed',
      permission: 'report',
      fields: [date('closedDate', '结案日期'), textarea('closingNote', '结案说明（执行完毕、归档情况）', false, 2000)],
      clocks: [
        { clock: 'decision', action: 'stop', from: 'closedDate' },
        { clock: 'hearingRequest', action: 'stop', from: 'closedDate' },
        { clock: 'service', action: 'stop', from: 'closedDate' },
        { clock: 'payment', action: 'stop', from: 'closedDate' },
      ],
    },
  },
});
export type CaseState = keyof typeof caseMachine.states;

/**
 * 行政执法决定公示 (国办发〔2018〕118号: 许可、处罚 within 7 working days of the decision, others within 20) and
 * its withdrawal (《行政处罚法》第四十八条第二款: within 3 working days after the decision is changed, revoked or
 * found unlawful or void).
 */
export const publicationMachine = defineMachine({
  entity: 'enforcement_publication',
  initial: 'pending',
  states: {
    pending: { label: '待公示', tone: 'warning', todo: { permission: 'report', title: '公示执法决定' } },
    published: { label: '已公示', tone: 'success' },
    withdrawing: { label: '待撤回', tone: 'error', todo: { permission: 'report', title: '撤回公示信息' } },
    withdrawn: { label: '已撤回', tone: 'default', final: true },
  },
  clocks: {
    publishQuick: { label: '公示期限（许可、处罚）', basis: '国办发〔2018〕118号（许可、处罚决定七个工作日内公开）', period: 7, unit: 'working_day', maxExtensions: 0, dueSoonWorkingDays: 2 },
    publishOther: { label: '公示期限（其他执法决定）', basis: '国办发〔2018〕118号（执法决定二十个工作日内公开）', period: 20, unit: 'working_day', maxExtensions: 0, dueSoonWorkingDays: 3 },
    withdrawal: { label: '撤回公示期限', basis: '《行政处罚法》第四十八条第二款、第八十五条', period: 3, unit: 'working_day', maxExtensions: 0, dueSoonWorkingDays: 1 },
  },
  transitions: {
    publish: {
      label: '公示',
      from: ['pending'],
      to: 'published',
      permission: 'report',
      fields: [date('publishedDate', '公示日期'), textarea('conclusion', '公示结论（处理结果）', true, 1000)],
      clocks: [
        { clock: 'publishQuick', action: 'stop', from: 'publishedDate' },
        { clock: 'publishOther', action: 'stop', from: 'publishedDate' },
      ],
    },
    requestWithdrawal: {
      label: '决定变更 / 撤销，撤回公示',
      from: ['published'],
      to: 'withdrawing',
      permission: 'report',
      fields: [
        date('changedDate', '决定被变更、撤销或确认违法、无效之日', '应在三个工作日内撤回公示信息并公开说明理由（第四十八条第二款）'),
        { name: 'withdrawGround', label: '撤回原因', type: 'select', required: true, options: WITHDRAW_GROUNDS },
        textarea('reason', '撤回理由（公开说明）', true, 1000),
      ],
      clocks: [{ clock: 'withdrawal', action: 'start', from: 'changedDate' }],
      danger: true,
    },
    withdraw: {
      label: '完成撤回',
      from: ['withdrawing'],
      to: 'withdrawn',
      permission: 'report',
      fields: [date('withdrawnDate', '撤回日期')],
      clocks: [{ clock: 'withdrawal', action: 'stop', from: 'withdrawnDate' }],
    },
  },
});
