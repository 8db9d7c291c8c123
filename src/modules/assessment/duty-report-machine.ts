import { defineMachine } from '../../kernel/shared/define-machine';

/** 述职述法形式. */
export const REPORT_FORMS = [
  { value: 'written', label: '书面述法' },
  { value: 'on_site', label: '现场述法' },
] as const;

/** 审阅评价等次. */
export const RATINGS = [
  { value: 'good', label: '好' },
  { value: 'fairly_good', label: '较好' },
  { value: 'average', label: '一般' },
  { value: 'poor', label: '差' },
] as const;

/**
 * 述职述法报告: a unit's 第一责任人 reports (created as submitted); the 依法治办 reviews it or returns it
 * for revision, and the unit resubmits. No statutory period runs: the scheme's due date is checked by
 * listing the assessed units that have not reported.
 */
export const dutyReportMachine = defineMachine({
  entity: 'duty_report',
  initial: 'submitted',
  states: {
    submitted: { label: '待审阅', tone: 'processing', todo: { permission: 'manage', title: '审阅述职述法报告' } },
    returned: { label: '退回修改', tone: 'warning', todo: { permission: 'report', title: '修改述职述法报告' } },
    reviewed: { label: '已审阅', tone: 'success', final: true },
  },
  clocks: {},
  transitions: {
    review: {
      label: '审阅',
      from: ['submitted'],
      to: 'reviewed',
      permission: 'manage',
      fields: [
        { name: 'rating', label: '评价等次', type: 'select', required: true, options: RATINGS },
        { name: 'reviewComment', label: '审阅意见', type: 'textarea', required: true, maxLength: 2000 },
      ],
    },
    returnForRevision: {
      label: '退回修改',
      from: ['submitted'],
      to: 'returned',
      permission: 'manage',
      fields: [{ name: 'reason', label: '退回理由', type: 'textarea', required: true, maxLength: 2000 }],
      danger: true,
    },
    resubmit: {
      label: '修改后重新报送',
      from: ['returned'],
      to: 'submitted',
      permission: 'report',
      fields: [
        { name: 'summary', label: '述法内容', type: 'textarea', required: true, maxLength: 8000 },
        { name: 'problems', label: '存在问题', type: 'textarea', maxLength: 4000 },
        { name: 'plans', label: '下一步打算', type: 'textarea', maxLength: 4000 },
      ],
    },
  },
});
