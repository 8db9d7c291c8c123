import { Tag } from 'antd';
import type { MachineDef, Tone } from '../../kernel/shared/define-machine';

const TONE_COLORS: Record<Tone, string> = {
  default: 'default',
  processing: 'processing',
  success: 'success',
  warning: 'warning',
  error: 'error',
};

/** A record's state as a coloured tag, using the label and tone the machine declares. */
export function StatusTag({ machine, state }: { machine: MachineDef; state: string | null | undefined }) {
  if (!state) return null;
  const def = machine.states[state];
  return (
    <Tag color={TONE_COLORS[def?.tone ?? 'default']} data-testid="status-tag" data-state={state}>
      {def?.label ?? state}
    </Tag>
  );
}

/** The Chinese label of a state. */
export const stateLabel = (machine: MachineDef, state: string | null | undefined): string =>
  state ? (machine.states[state]?.label ?? state) : '';

/** Select options for the machine's states. */
export const stateOptions = (machine: MachineDef): { value: string; label: string }[] =>
  Object.entries(machine.states).map(([value, s]) => ({ value, label: s.label }));
