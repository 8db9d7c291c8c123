import { recordAudit, requirePermission, toLocalDate, validationError, type Actor, type Ctx, type DbOrTx } from '../../../kernel';
import type { FindingInput } from '../contract';
import { inspectionFinding, type InspectionFindingRow } from '../schema';
import { getPlanInScope, MODULE, PERM, unitInScope } from './access';
import { ensureTarget } from './save-target';

/** Date rules of a finding: found no later than today, due no earlier than found. */
export const checkFindingDates = (ctx: Ctx, input: Pick<FindingInput, 'foundOn' | 'dueDate'>): { path: string; message: string }[] => {
  const errors: { path: string; message: string }[] = [];
  if (input.foundOn > toLocalDate(ctx.now)) errors.push({ path: 'foundOn', message: '发现日期不能晚于今天' });
  if (input.dueDate && input.dueDate < input.foundOn) errors.push({ path: 'dueDate', message: '整改期限不能早于发现日期' });
  return errors;
};

/** Inserts a finding (under its plan's target for the unit, when a plan is given) inside the caller's transaction. */
export const insertFinding = async (tx: DbOrTx, ctx: Ctx, actor: Actor, input: FindingInput): Promise<InspectionFindingRow> => {
  await unitInScope(tx, actor, PERM.manage, input.orgId, 'orgId', '问题所在单位');
  let targetId: number | null = null;
  if (input.planId) {
    await getPlanInScope(ctx, input.planId, tx, PERM.manage);
    targetId = (await ensureTarget(tx, ctx, input.planId, input.orgId)).id;
  }
  const [row] = await tx
    .insert(inspectionFinding)
    .values({
      planId: input.planId ?? null,
      targetId,
      orgId: input.orgId,
      description: input.description,
      category: input.category,
      requirement: input.requirement,
      dueDate: input.dueDate ?? null,
      foundOn: input.foundOn,
      source: input.source,
      status: 'open',
      createdBy: actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await recordAudit(tx, ctx, { action: 'finding.record', module: MODULE, entityType: 'inspection_finding', entityId: row!.id, after: input });
  return row!;
};

/** 记录督察问题. */
export const recordFinding = async (ctx: Ctx, input: FindingInput): Promise<InspectionFindingRow> => {
  const actor = requirePermission(ctx, PERM.manage);
  const errors = checkFindingDates(ctx, input);
  if (errors.length) throw validationError(errors);
  return ctx.db.transaction((tx) => insertFinding(tx, ctx, actor, input));
};
