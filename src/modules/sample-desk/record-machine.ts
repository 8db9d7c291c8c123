import { defineMachine } from '../../kernel/shared/define-machine';

/** The life of a 示例台账 record: 登记 → 办理中 → 办结. Replace with the statute's procedure. */
export const recordMachine = defineMachine({
  entity: 'sample_desk_record',
  initial: 'registered',
  states: {
    registered: { label: '已登记', tone: 'processing', todo: { permission: 'handle', title: '受理示例台账' } },
    processing: { label: '办理中', tone: 'warning', todo: { permission: 'handle', title: '办结示例台账' } },
    closed: { label: '已办结', tone: 'success', final: true },
  },
  clocks: {},
  transitions: {
    accept: { label: '受理', from: ['registered'], to: 'processing', permission: 'handle' },
    close: {
      label: '办结',
      from: ['processing'],
      to: 'closed',
      permission: 'handle',
      fields: [
        { name: 'closedOn', label: '办结日期', type: 'date', required: true },
        { name: 'result', label: '办理结果', type: 'textarea', required: true, maxLength: 2000 },
      ],
    },
  },
});
