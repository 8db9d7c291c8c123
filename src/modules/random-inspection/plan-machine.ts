import { defineMachine } from '../../kernel/shared/define-machine';

/** Option lists shared by server and browser. */
export const ITEM_KINDS = [
  { value: 'general', label: '一般检查事项' },
  { value: 'key', label: '重点检查事项' },
] as const;
export const TARGET_TYPES = [
  { value: 'enterprise', label: '企业' },
  { value: 'individual', label: '个体工商户' },
  { value: 'other', label: '其他' },
] as const;
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const GRADE_LABELS: Record<string, string> = { A: 'A类（信用风险低）', B: 'B类（信用风险一般）', C: 'C类（信用风险较高）', D: 'D类（信用风险高）' };
export const PLAN_KINDS = [
  { value: 'single', label: '单部门抽查' },
  { value: 'joint', label: '部门联合抽查' },
] as const;
export const OUTCOMES = [
  { value: 'no_problem', label: '未发现问题' },
  { value: 'rectify', label: '发现问题已责令整改' },
  { value: 'case_opened', label: '发现问题已立案查处' },
  { value: 'not_found', label: '未找到检查对象' },
  { value: 'other', label: '其他' },
] as const;
/** Outcomes that count as 发现问题. */
export const PROBLEM_OUTCOMES = ['rectify', 'case_opened'];
/** Default ratios per credit grade (%): the higher the risk, the larger the share (statutes §15). Editable per plan. */
export const DEFAULT_GRADE_RATIOS = { A: 3, B: 5, C: 10, D: 20 };
/** Default 考核目标 (天长: 分类分级检查比例不少于80%，联合检查任务比例不低于50%). */
export const DEFAULT_TARGETS = { gradedTarget: 80, jointTarget: 50 };
export const PUBLICATION_BASIS = '“双随机、一公开”抽查结果自检查结果形成之日起20个工作日内公示（本地规定）';

export const planMachine = defineMachine({
  entity: 'random_inspection_plan',
  initial: 'draft',
  states: {
    draft: { label: '草拟', tone: 'default' },
    published: { label: '已发布（已报备）', tone: 'processing' },
    drawn: { label: '已抽取', tone: 'processing' },
    in_progress: { label: '检查中', tone: 'warning' },
    finished: { label: '已完成', tone: 'success', final: true },
  },
  transitions: {
    publish: {
      label: '发布并报备',
      from: ['draft'],
      to: 'published',
      permission: 'manage',
      fields: [
        { name: 'filedDate', label: '报备日期', type: 'date', required: true },
        { name: 'filedWith', label: '报备单位', type: 'text', required: true, maxLength: 100, help: '报上一级主管部门备案' },
      ],
    },
    draw: { label: '随机抽取', from: ['published'], to: 'drawn', permission: 'manage', confirm: '按计划比例随机抽取检查对象和执法检查人员？抽取种子与名录快照将留存备查。' },
    redraw: {
      label: '重新抽取',
      from: ['drawn'],
      to: 'drawn',
      permission: 'manage',
      danger: true,
      fields: [{ name: 'reason', label: '重新抽取理由', type: 'textarea', required: true, maxLength: 500 }],
    },
    start: { label: '开始检查', from: ['drawn'], to: 'in_progress', permission: 'record' },
    finish: {
      label: '完成抽查',
      from: ['in_progress'],
      to: 'finished',
      permission: 'manage',
      fields: [{ name: 'finishedDate', label: '完成日期', type: 'date', required: true }],
    },
  },
  clocks: {},
});
export type PlanState = keyof typeof planMachine.states;

export const resultMachine = defineMachine({
  entity: 'random_inspection_result',
  initial: 'pending',
  states: {
    pending: { label: '待检查', tone: 'default' },
    recorded: { label: '待公示', tone: 'warning' },
    published: { label: '已公示', tone: 'success', final: true },
  },
  transitions: {
    record: {
      label: '录入检查结果',
      from: ['pending'],
      to: 'recorded',
      permission: 'record',
      fields: [
        { name: 'outcome', label: '检查结果', type: 'select', required: true, options: OUTCOMES },
        { name: 'resultDate', label: '结果形成日期', type: 'date', required: true },
        { name: 'notes', label: '检查情况', type: 'textarea', maxLength: 2000 },
      ],
      clocks: [{ clock: 'publication', action: 'start', from: 'resultDate' }],
    },
    publish: {
      label: '公示结果',
      from: ['recorded'],
      to: 'published',
      permission: 'record',
      fields: [{ name: 'publishedDate', label: '公示日期', type: 'date', required: true }],
      clocks: [{ clock: 'publication', action: 'stop', from: 'publishedDate' }],
    },
  },
  clocks: {
    publication: { label: '结果公示期限', basis: PUBLICATION_BASIS, period: 20, unit: 'working_day', dueSoonWorkingDays: 5 },
  },
});
export type ResultState = keyof typeof resultMachine.states;
