/**
 * The registry area's record life cycles as data (universal: server and browser): 执法主体 (暂停 / 恢复 /
 * 取消 and the yearly 确认), 执法人员 (在岗 → 退休 / 调离 / 辞退, which 注销 the officer's certificates) and
 * 执法证件 (有效 / 暂扣 / 注销·吊销). Plus the option lists the forms and views share.
 */
import { defineMachine } from '../../../kernel/shared/define-machine';

const reason = { name: 'reason', label: '原因', type: 'textarea', required: true, maxLength: 500 } as const;
const statusDate = { name: 'statusDate', label: '日期', type: 'date', required: true } as const;

export const bodyMachine = defineMachine({
  entity: 'enforcement_body',
  initial: 'active',
  states: {
    active: { label: '有效', tone: 'success' },
    suspended: { label: '暂停', tone: 'warning' },
    revoked: { label: '已取消', tone: 'default', final: true },
  },
  transitions: {
    confirm: { label: '年度确认', from: ['active'], to: 'active', permission: 'manage', fields: [{ name: 'confirmedDate', label: '确认日期', type: 'date', required: true }] },
    suspend: { label: '暂停', from: ['active'], to: 'suspended', permission: 'manage', fields: [statusDate, reason], danger: true },
    resume: { label: '恢复', from: ['suspended'], to: 'active', permission: 'manage', fields: [statusDate, { ...reason, required: false }] },
    revoke: { label: '取消执法主体资格', from: ['active', 'suspended'], to: 'revoked', permission: 'manage', fields: [statusDate, reason], danger: true, confirm: '取消后不可恢复，确定取消该执法主体资格？' },
  },
  clocks: {},
});

export const officerMachine = defineMachine({
  entity: 'enforcement_officer',
  initial: 'active',
  states: {
    active: { label: '在岗', tone: 'success' },
    retired: { label: '退休', tone: 'default', final: true },
    transferred: { label: '调离', tone: 'default', final: true },
    dismissed: { label: '辞退', tone: 'error', final: true },
  },
  transitions: {
    retire: { label: '退休', from: ['active'], to: 'retired', permission: 'manage', fields: [statusDate, { ...reason, required: false }], confirm: '该人员持有的有效证件将同时注销，确定？' },
    transfer: { label: '调离', from: ['active'], to: 'transferred', permission: 'manage', fields: [statusDate, { ...reason, required: false }], confirm: '该人员持有的有效证件将同时注销，确定？' },
    dismiss: { label: '辞退', from: ['active'], to: 'dismissed', permission: 'manage', fields: [statusDate, reason], danger: true, confirm: '该人员持有的有效证件将同时注销，确定？' },
  },
  clocks: {},
});

export const certificateMachine = defineMachine({
  entity: 'enforcement_certificate',
  initial: 'valid',
  states: {
    valid: { label: '有效', tone: 'success' },
    suspended: { label: '暂扣', tone: 'warning' },
    revoked: { label: '注销/吊销', tone: 'default', final: true },
  },
  transitions: {
    suspend: { label: '暂扣', from: ['valid'], to: 'suspended', permission: 'manage', fields: [reason], danger: true },
    restore: { label: '发还', from: ['suspended'], to: 'valid', permission: 'manage', fields: [{ ...reason, required: false }] },
    cancel: { label: '注销', from: ['valid', 'suspended'], to: 'revoked', permission: 'manage', fields: [reason], danger: true, confirm: '注销后证件不可恢复，确定？' },
    withdraw: { label: '吊销', from: ['valid', 'suspended'], to: 'revoked', permission: 'manage', fields: [reason], danger: true, confirm: '吊销后证件不可恢复，确定？' },
  },
  clocks: {},
});

export const BODY_KIND_OPTIONS = [
  { value: 'statutory', label: '法定' },
  { value: 'authorized', label: '授权' },
  { value: 'entrusted', label: '委托' },
] as const;

export const CERT_KIND_OPTIONS = [
  { value: 'enforcement', label: '行政执法证' },
  { value: 'supervision', label: '行政执法监督证' },
] as const;

export const ITEM_KIND_OPTIONS = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'licence', label: '行政许可' },
  { value: 'inspection', label: '行政检查' },
  { value: 'compulsory', label: '行政强制' },
  { value: 'levy', label: '行政征收' },
  { value: 'other', label: '其他' },
] as const;

export const LEVEL_OPTIONS = [
  { value: 'none', label: '不予处罚' },
  { value: 'mitigated', label: '减轻' },
  { value: 'lighter', label: '从轻' },
  { value: 'ordinary', label: '一般' },
  { value: 'heavier', label: '从重' },
] as const;

export const LIST_KIND_OPTIONS = [
  { value: 'no_penalty', label: '不予处罚清单' },
  { value: 'lighter', label: '从轻处罚清单' },
  { value: 'mitigated', label: '减轻处罚清单' },
  { value: 'no_compulsion', label: '免予行政强制清单' },
  { value: 'first_violation_no_penalty', label: '首违不罚清单' },
] as const;

export const EXAM_SUBJECT_OPTIONS = [
  { value: 'general', label: '综合法律知识' },
  { value: 'special', label: '专业法律知识' },
] as const;

export const ACTIVE_OPTIONS = [
  { value: 'active', label: '有效' },
  { value: 'abolished', label: '已废止' },
] as const;

/** Defaults of the registry settings (each editable per jurisdiction). */
export const DEFAULT_SETTINGS = { trainingHoursTarget: 60, legalReviewerMinPercent: 5, certValidityYears: 3 } as const;

export const labelOfOption = (list: readonly { value: string; label: string }[], v: string | null | undefined): string => list.find((o) => o.value === v)?.label ?? v ?? '';
