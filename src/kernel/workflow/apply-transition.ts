import { and, eq, getTableColumns, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { AppError, validationError } from '../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import { requirePermission, scopeWhere } from '../auth/data-scope';
import type { Ctx } from '../context';
import type { DbOrTx } from '../db/client';
import { caseTransition, orgUnit, outboxEvent } from '../db/schema';
import type { ClockEffect, MachineDef, TransitionDef } from '../shared/define-machine';
import { permissionCode } from '../shared/define-manifest';
import { toLocalDate } from '../shared/local-date';
import { formatNumber, nextSequenceValue } from '../numbering/next-number';
import { closeTodos, openTodo } from '../todo/todos';
import { applyClockEffect } from './clocks';
import { fieldsSchema } from './fields';

/** The columns every workflow table has, and who may act on which of its rows. */
export interface WorkflowTable {
  table: PgTable;
  id: AnyColumn;
  status: AnyColumn;
  version: AnyColumn;
  orgId: AnyColumn;
  updatedAt: AnyColumn;
  /** What a record is called in messages, e.g. 案件, 督办单. */
  label: string;
  /**
   * The acting scope: the rows of this table the actor may change under `permission`. The kernel puts it
   * into every transition's conditional UPDATE, so a module cannot forget it. Default: the row's unit
   * (`orgId`), and its creator for the `own` scope.
   */
  scope: (ctx: Ctx, permission: string) => SQL;
}

type WorkflowColumns = { id: AnyColumn; status: AnyColumn; version: AnyColumn; orgId: AnyColumn; updatedAt: AnyColumn };

/**
 * Declares a workflow table from its drizzle table: the standard columns are read off the table, the
 * acting scope defaults to the unit column (and `owner` for the `own` scope), or a module states its own
 * (e.g. a joint plan any participating unit may act on).
 */
export const workflowTable = <T extends PgTable & WorkflowColumns>(
  table: T,
  opts: { label: string; owner?: AnyColumn; scope?: (ctx: Ctx, permission: string) => SQL },
): WorkflowTable => ({
  table,
  id: table.id,
  status: table.status,
  version: table.version,
  orgId: table.orgId,
  updatedAt: table.updatedAt,
  label: opts.label,
  scope: opts.scope ?? ((ctx, permission) => scopeWhere(ctx.actor, permission, { org: table.orgId, ...(opts.owner ? { owner: opts.owner } : {}) })),
});

export interface WorkflowRow {
  id: number;
  status: string;
  version: number;
  orgId: number;
  [key: string]: unknown;
}

export interface ApplyTransitionArgs<R extends WorkflowRow> {
  tx: DbOrTx;
  ctx: Ctx;
  module: string;
  machine: MachineDef;
  target: WorkflowTable;
  /** The record as loaded through the actor's scope. */
  row: R;
  transition: string;
  input: Record<string, unknown>;
  /** The version the user saw; a different current version loses with 409. */
  expectedVersion?: number | undefined;
  /** Extra column changes computed by the module. */
  patch?: Record<string, unknown>;
  /** A module guard; throw AppError to refuse. */
  guard?: (args: { row: R; input: Record<string, unknown>; def: TransitionDef }) => void | Promise<void>;
  /** Title and link for the to-do raised in the target state. */
  todoTitle?: string;
  link?: string;
}

const parseInput = (def: TransitionDef, input: unknown): Record<string, unknown> => {
  const parsed = fieldsSchema(def.fields).safeParse(input ?? {});
  if (!parsed.success) {
    throw validationError(
      parsed.error.issues.map((i) => ({
        path: i.path.join('.') || '(根)',
        message: i.code === 'unrecognized_keys' ? `不认识的字段：${i.keys.join('、')}` : i.message,
      })),
    );
  }
  return parsed.data;
};

/**
 * 流转: applies one transition of a declared machine inside the caller's transaction: permission and
 * state guard, input validation, numbering, a conditional update that loses cleanly (409) against a
 * concurrent change, history, clocks, to-dos, outbox event and the audit row.
 */
export const applyTransition = async <R extends WorkflowRow>(args: ApplyTransitionArgs<R>): Promise<R> => {
  const { tx, ctx, module, machine, target, row, transition } = args;
  // Own keys only: `constructor` or `toString` from the URL must not resolve to Object.prototype members.
  const def = Object.hasOwn(machine.transitions, transition) ? machine.transitions[transition] : undefined;
  if (!def) throw new AppError('NOT_FOUND', `没有名为 ${transition} 的操作`);
  const permission = permissionCode(module, def.permission);
  requirePermission(ctx, permission);
  // 办理范围: the actor may read this row (the caller loaded it in scope) but act on it only within the
  // scope of the transition's own permission — checked here first for a clear 403, and again in the UPDATE.
  const actScope = target.scope(ctx, permission);
  const [actable] = await tx.select({ id: sql<number>`${target.id}` }).from(target.table).where(and(eq(target.id, row.id), actScope));
  if (!actable) throw new AppError('FORBIDDEN', `该${target.label}不在您的办理范围内`, { details: { reason: 'out_of_acting_scope' } });
  if (!def.from.includes(row.status)) {
    const stateLabel = machine.states[row.status]?.label ?? row.status;
    throw new AppError('INVALID_STATE', `当前状态为“${stateLabel}”，不能${def.label}`, { details: { reason: 'wrong_state', state: row.status } });
  }
  if (args.expectedVersion !== undefined && args.expectedVersion !== row.version) {
    throw new AppError('CONFLICT', '记录已被他人修改，请刷新后重试', { details: { reason: 'stale_version' } });
  }
  const input = parseInput(def, args.input);
  await args.guard?.({ row, input, def });

  const today = toLocalDate(ctx.now);
  const columns = getTableColumns(target.table) as Record<string, AnyColumn>;
  const patch: Record<string, unknown> = {};
  for (const f of def.fields ?? []) if (f.name in columns && input[f.name] !== undefined) patch[f.name] = input[f.name];
  Object.assign(patch, args.patch);

  if (def.assigns) {
    const sequence = ctx.services.registry.sequence(module, def.assigns.sequence);
    const [org] = await tx.select({ shortName: orgUnit.shortName }).from(orgUnit).where(eq(orgUnit.id, row.orgId));
    const year = Number(today.slice(0, 4));
    const seq = await nextSequenceValue(tx, `${module}.${def.assigns.sequence}`, row.orgId, year);
    patch[def.assigns.column] = formatNumber(sequence.pattern, { unit: org?.shortName ?? '', year, seq });
  }

  const updated = (await tx
    .update(target.table)
    .set({ ...patch, status: def.to, version: sql`${target.version} + 1`, updatedAt: ctx.now } as never)
    .where(and(eq(target.id, row.id), eq(target.version, row.version), eq(target.status, row.status), actScope))
    .returning()) as unknown as R[];
  const after = updated[0];
  if (!after) {
    const [stillActable] = await tx.select({ id: sql<number>`${target.id}` }).from(target.table).where(and(eq(target.id, row.id), actScope));
    if (!stillActable) throw new AppError('FORBIDDEN', `该${target.label}不在您的办理范围内`, { details: { reason: 'out_of_acting_scope' } });
    throw new AppError('INVALID_STATE', '记录状态已被他人改变，本次操作未生效，请刷新后重试', { details: { reason: 'concurrent_change' } });
  }

  await tx.insert(caseTransition).values({
    entityType: machine.entity,
    entityId: row.id,
    transition,
    fromState: row.status,
    toState: def.to,
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.displayName ?? null,
    actorOrgId: ctx.actor?.orgId ?? null,
    at: ctx.now,
    reason: typeof input.reason === 'string' ? input.reason : null,
    data: input,
  });

  await runClockEffects(tx, ctx, module, machine, { id: row.id, orgId: row.orgId }, def.clocks ?? [], input);
  await syncStateTodo(tx, ctx, module, machine, { id: row.id, orgId: row.orgId, status: def.to }, args.todoTitle, args.link);

  await tx.insert(outboxEvent).values({
    type: `${module}.${machine.entity}.${transition}`,
    payload: { id: row.id, from: row.status, to: def.to, actorId: ctx.actor?.id ?? null },
  });
  await recordAudit(tx, ctx, {
    action: `transition.${transition}`,
    module,
    entityType: machine.entity,
    entityId: row.id,
    before: { status: row.status, version: row.version },
    after: { status: def.to, version: row.version + 1, ...patch, ...input },
    reason: typeof input.reason === 'string' ? input.reason : def.label,
  });
  return after;
};

/** Applies the clock effects of a creation or transition, dating each from its input field or today. */
export const runClockEffects = async (
  tx: DbOrTx,
  ctx: Ctx,
  module: string,
  machine: MachineDef,
  record: { id: number; orgId: number },
  effects: readonly ClockEffect[],
  input: Record<string, unknown>,
): Promise<void> => {
  if (effects.length === 0) return;
  const calendar = await ctx.services.calendar.get(tx);
  const today = toLocalDate(ctx.now);
  for (const effect of effects) {
    const on = effect.from && typeof input[effect.from] === 'string' ? (input[effect.from] as string) : today;
    const days = effect.days ? Number(input[effect.days]) : undefined;
    const due = effect.due && typeof input[effect.due] === 'string' ? (input[effect.due] as string) : undefined;
    await applyClockEffect({
      tx,
      calendar,
      owner: { module, entityType: machine.entity, entityId: record.id, orgId: record.orgId },
      clocks: machine.clocks,
      effect,
      on,
      ...(days !== undefined ? { days } : {}),
      ...(due !== undefined ? { due } : {}),
    });
  }
};

/** Closes the record's action to-do and opens the one its new state declares. */
export const syncStateTodo = async (
  tx: DbOrTx,
  ctx: Ctx,
  module: string,
  machine: MachineDef,
  record: { id: number; orgId: number; status: string },
  title?: string,
  link?: string,
): Promise<void> => {
  const state = machine.states[record.status];
  await closeTodos(tx, machine.entity, record.id, ctx.now, state?.final ? undefined : ['action']);
  if (state?.todo) {
    await openTodo(tx, {
      module,
      entityType: machine.entity,
      entityId: record.id,
      orgId: record.orgId,
      kind: 'action',
      permission: permissionCode(module, state.todo.permission),
      title: title ? `${state.todo.title}：${title}` : state.todo.title,
      link: link ?? `/${module}`,
    });
  }
};
