import { defineMachine } from '../../kernel/shared/define-machine';

/**
 * 任务分解落实 (示范创建): a task assigned to one responsible unit. The unit reports progress with evidence,
 * the 依法治市(县)办 reviews it (阶段性审核通过 / 退回修改) and finally 销号 with a score. The completion clock
 * runs from the assignment to the 完成时限 the office set in the 任务分解方案 (not a statutory period).
 */
export const assignmentMachine = defineMachine({
  entity: 'task_assignment',
  initial: 'in_progress',
  states: {
    in_progress: { label: '推进中', tone: 'processing', todo: { permission: 'report', title: '推进并报送示范创建任务进展' } },
    submitted: { label: '待审核', tone: 'warning', todo: { permission: 'review', title: '审核示范创建任务进展' } },
    returned: { label: '退回修改', tone: 'error', todo: { permission: 'report', title: '按退回意见修改任务进展' } },
    closed: { label: '已销号', tone: 'success', final: true },
    cancelled: { label: '已撤销', tone: 'default', final: true },
  },
  clocks: {
    completion: {
      label: '完成时限',
      basis: '任务分解方案',
      period: 0,
      unit: 'fixed_date',
      maxExtensions: 0,
      dueSoonWorkingDays: 5,
    },
  },
  onCreate: { clocks: [{ clock: 'completion', action: 'start', due: 'dueDate' }] },
  transitions: {
    report: {
      label: '报送进展',
      from: ['in_progress', 'returned'],
      to: 'submitted',
      permission: 'report',
      fields: [
        { name: 'progressSummary', label: '进展情况', type: 'textarea', required: true, maxLength: 4000, help: '佐证材料请在“附件”中上传' },
        { name: 'progressPercent', label: '完成进度（%）', type: 'number', required: true, min: 0, max: 100 },
        { name: 'selfScore', label: '自评分（0–100）', type: 'number', min: 0, max: 100 },
      ],
    },
    approveProgress: {
      label: '阶段性审核通过',
      from: ['submitted'],
      to: 'in_progress',
      permission: 'review',
      fields: [{ name: 'comment', label: '审核意见', type: 'textarea', maxLength: 2000 }],
    },
    returnForRevision: {
      label: '退回修改',
      from: ['submitted'],
      to: 'returned',
      permission: 'review',
      fields: [{ name: 'reason', label: '退回理由', type: 'textarea', required: true, maxLength: 2000 }],
    },
    close: {
      label: '销号',
      from: ['submitted'],
      to: 'closed',
      permission: 'review',
      fields: [
        { name: 'score', label: '评分（0–100）', type: 'number', required: true, min: 0, max: 100 },
        { name: 'comment', label: '销号意见', type: 'textarea', maxLength: 2000 },
      ],
      confirm: '销号后任务办结，不能再报送进展。确认销号？',
      clocks: [{ clock: 'completion', action: 'stop' }],
    },
    cancel: {
      label: '撤销任务',
      from: ['in_progress', 'returned', 'submitted'],
      to: 'cancelled',
      permission: 'review',
      fields: [{ name: 'reason', label: '撤销理由', type: 'textarea', required: true, maxLength: 2000 }],
      confirm: '撤销后该单位不再承担此项任务。确认撤销？',
      danger: true,
      clocks: [{ clock: 'completion', action: 'stop' }],
    },
    // One transition per state (a transition has a single target): the due date changes, the state does not.
    adjustDueDate: {
      label: '调整完成时限',
      from: ['in_progress'],
      to: 'in_progress',
      permission: 'review',
      fields: [
        { name: 'dueDate', label: '新的完成时限', type: 'date', required: true },
        { name: 'reason', label: '调整理由', type: 'textarea', required: true, maxLength: 2000 },
      ],
      clocks: [{ clock: 'completion', action: 'restart', due: 'dueDate' }],
    },
    adjustReturnedDueDate: {
      label: '调整完成时限',
      from: ['returned'],
      to: 'returned',
      permission: 'review',
      fields: [
        { name: 'dueDate', label: '新的完成时限', type: 'date', required: true },
        { name: 'reason', label: '调整理由', type: 'textarea', required: true, maxLength: 2000 },
      ],
      clocks: [{ clock: 'completion', action: 'restart', due: 'dueDate' }],
    },
  },
});

export type AssignmentState = keyof typeof assignmentMachine.states;

export const ASSIGNMENT_ROLES = [
  { value: 'lead', label: '牵头' },
  { value: 'co', label: '配合' },
] as const;
