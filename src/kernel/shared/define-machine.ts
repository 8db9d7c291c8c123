/**
 * Statutory procedures as typed data: states, transitions and clocks, shared by server and browser.
 * The kernel derives transition buttons, status tags, clocks and to-dos from these declarations.
 */

export type Tone = 'default' | 'processing' | 'success' | 'warning' | 'error';
/**
 * `fixed_date`: not a statutory period but a date the assigning office sets (任务完成时限, 督办整改期限);
 * it never rolls over rest days, and an extension adds calendar days.
 */
export type PeriodUnit = 'calendar_day' | 'working_day' | 'month' | 'fixed_date';

/** One input field a transition asks for; the server builds its validation from this. */
export interface FieldDef {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'date' | 'number' | 'select';
  required?: boolean;
  options?: readonly { value: string; label: string }[];
  min?: number;
  max?: number;
  maxLength?: number;
  help?: string;
}

/** A statutory period that runs on a record. */
export interface ClockDef {
  label: string;
  /** Legal basis shown beside the deadline, e.g. 《政府信息公开条例》第三十三条. */
  basis: string;
  period: number;
  unit: PeriodUnit;
  /** Most days one extension may add. */
  maxExtension?: number;
  /** How many extensions the law allows. */
  maxExtensions?: number;
  /** Working days before the due date at which the deadline turns yellow (default 3). */
  dueSoonWorkingDays?: number;
}

/** What a transition does to a clock; `from` names an input date field (default: today). */
export interface ClockEffect {
  clock: string;
  action: 'start' | 'restart' | 'pause' | 'resume' | 'stop' | 'extend';
  from?: string;
  /** For `extend`: the input number field holding the days. */
  days?: string;
  /** For `start`/`restart` of a `fixed_date` clock: the input date field holding the due date. */
  due?: string;
}

export interface StateDef {
  label: string;
  tone: Tone;
  final?: boolean;
  /** A to-do raised while a record sits in this state, for holders of `permission`. */
  todo?: { permission: string; title: string };
}

export interface TransitionDef<S extends string = string> {
  label: string;
  from: readonly S[];
  to: S;
  /** Permission code within the module (without the module prefix). */
  permission: string;
  fields?: readonly FieldDef[];
  clocks?: readonly ClockEffect[];
  /** A numbering sequence (declared by the module) whose next number this transition assigns. */
  assigns?: { sequence: string; column: string };
  /** Asks for confirmation in the UI with this text. */
  confirm?: string;
  danger?: boolean;
}

export interface MachineDef<S extends string = string> {
  entity: string;
  initial: S;
  states: Record<S, StateDef>;
  transitions: Record<string, TransitionDef<S>>;
  clocks: Record<string, ClockDef>;
  /** Clock effects applied when a record is created. */
  onCreate?: { clocks: readonly ClockEffect[] };
}

/** Declares a machine; the literal types of state names are kept. */
export const defineMachine = <S extends string>(machine: MachineDef<S>): MachineDef<S> => machine;

/** Transitions that may be applied from `state` by someone holding `can(permission)`. */
export const allowedTransitions = (
  machine: MachineDef,
  state: string,
  can: (permission: string) => boolean,
): { name: string; def: TransitionDef }[] =>
  Object.entries(machine.transitions)
    .filter(([, def]) => def.from.includes(state) && can(def.permission))
    .map(([name, def]) => ({ name, def }));

/** A transition as the web kit's buttons take it: name, label, the form's fields, confirmation and danger. */
export const toTransitionView = ({ name, def }: { name: string; def: TransitionDef }) => ({
  name,
  label: def.label,
  fields: def.fields ?? [],
  confirm: def.confirm ?? null,
  danger: def.danger ?? false,
});

/** Problems with a machine declaration: unknown states or clocks, unreachable states, bad fields. */
export const checkMachine = (machine: MachineDef, permissionCodes: readonly string[]): string[] => {
  const problems: string[] = [];
  const states = new Set(Object.keys(machine.states));
  const where = `状态机 ${machine.entity}`;
  if (!states.has(machine.initial)) problems.push(`${where}: 初始状态 ${machine.initial} 未声明`);
  const effects = (list: readonly ClockEffect[] | undefined, at: string) => {
    for (const e of list ?? []) {
      if (!machine.clocks[e.clock]) problems.push(`${where}: ${at} 引用了未声明的期限 ${e.clock}`);
      else if (machine.clocks[e.clock]!.unit === 'fixed_date' && (e.action === 'start' || e.action === 'restart') && !e.due) {
        problems.push(`${where}: ${at} 启动交办限期 ${e.clock} 须指明到期日字段（due）`);
      }
    }
  };
  effects(machine.onCreate?.clocks, '创建');
  for (const [name, t] of Object.entries(machine.transitions)) {
    const at = `流转 ${name}`;
    for (const s of [...t.from, t.to]) if (!states.has(s)) problems.push(`${where}: ${at} 引用了未声明的状态 ${s}`);
    for (const s of t.from) if (machine.states[s as keyof typeof machine.states]?.final) problems.push(`${where}: ${at} 从终态 ${s} 出发`);
    if (!permissionCodes.includes(t.permission)) problems.push(`${where}: ${at} 引用了未声明的权限 ${t.permission}`);
    effects(t.clocks, at);
    const fieldNames = new Set((t.fields ?? []).map((f) => f.name));
    for (const e of t.clocks ?? []) {
      if (e.from && !fieldNames.has(e.from)) problems.push(`${where}: ${at} 的期限起算字段 ${e.from} 未声明`);
      if (e.due && !fieldNames.has(e.due)) problems.push(`${where}: ${at} 的到期日字段 ${e.due} 未声明`);
      if (e.action === 'extend' && (!e.days || !fieldNames.has(e.days))) problems.push(`${where}: ${at} 缺少延长天数字段`);
    }
  }
  for (const [name, s] of Object.entries(machine.states)) {
    if (s.todo && !permissionCodes.includes(s.todo.permission)) problems.push(`${where}: 状态 ${name} 的待办引用了未声明的权限 ${s.todo.permission}`);
  }
  // Every state must be reachable from the initial state.
  const reached = new Set([machine.initial]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of Object.values(machine.transitions)) {
      if (t.from.some((s) => reached.has(s)) && !reached.has(t.to)) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  for (const s of states) if (!reached.has(s)) problems.push(`${where}: 状态 ${s} 不可达`);
  return problems;
};

/**
 * Whether a transition's clock effects can apply to the record's current clocks: an extension needs a
 * running or paused clock that has not used up the extensions its law allows. Used to offer only the
 * actions that can succeed.
 */
export const clockEffectsPossible = (
  machine: MachineDef,
  def: TransitionDef,
  clocks: readonly { clockKey: string; status: string; extensionCount: number }[],
): boolean =>
  (def.clocks ?? []).every((e) => {
    if (e.action !== 'extend') return true;
    const open = clocks.find((c) => c.clockKey === e.clock && c.status !== 'stopped');
    return Boolean(open && open.extensionCount < (machine.clocks[e.clock]?.maxExtensions ?? 0));
  });
