import { eq, inArray } from 'drizzle-orm';
import { orgUnit, recordAudit, requirePermission, runClockEffects, syncStateTodo, toLocalDate, validationError, type Ctx, type DbOrTx } from '../../../kernel';
import { assignmentMachine } from '../assignment-machine';
import type { CreateTaskInput } from '../contract';
import { demoTask, indicator, taskAssignment } from '../schema';
import { MODULE, PERM } from './access';

/**
 * Inserts a task and one assignment per responsible unit (牵头 + 配合), starting each unit's completion
 * clock and raising its to-do, inside the caller's transaction.
 */
export const insertTask = async (tx: DbOrTx, ctx: Ctx, input: CreateTaskInput) => {
  const actor = requirePermission(ctx, PERM.manage);
  const [ind] = await tx.select().from(indicator).where(eq(indicator.id, input.indicatorId));
  if (!ind) throw validationError([{ path: 'indicatorId', message: '指标不存在' }]);
  if (ind.level !== 3) throw validationError([{ path: 'indicatorId', message: `任务只能分解到三级指标，“${ind.code} ${ind.name}”是${ind.level === 1 ? '一' : '二'}级指标` }]);
  const today = toLocalDate(ctx.now);
  if (input.dueDate < today) throw validationError([{ path: 'dueDate', message: '完成时限不能早于今天' }]);
  const coIds = [...new Set(input.coOrgIds)].filter((id) => id !== input.leadOrgId);
  const ids = [input.leadOrgId, ...coIds];
  const units = await tx.select({ id: orgUnit.id, name: orgUnit.name, isActive: orgUnit.isActive }).from(orgUnit).where(inArray(orgUnit.id, ids));
  const found = new Map(units.filter((u) => u.isActive).map((u) => [u.id, u]));
  if (!found.has(input.leadOrgId)) throw validationError([{ path: 'leadOrgId', message: '牵头单位不存在' }]);
  const missing = coIds.filter((id) => !found.has(id));
  if (missing.length) throw validationError([{ path: 'coOrgIds', message: `配合单位不存在：${missing.join('、')}` }]);
  const [task] = await tx
    .insert(demoTask)
    .values({
      editionId: ind.editionId,
      indicatorId: ind.id,
      title: input.title,
      measures: input.measures,
      evidenceRequired: input.evidenceRequired ?? ind.evidenceRequired,
      year: Number(today.slice(0, 4)),
      dueDate: input.dueDate,
      leadOrgId: input.leadOrgId,
      orgId: actor.orgId,
      createdBy: actor.id,
      createdAt: ctx.now,
    })
    .returning();
  const assignments = [];
  for (const orgId of ids) {
    const [a] = await tx
      .insert(taskAssignment)
      .values({ taskId: task!.id, orgId, role: orgId === input.leadOrgId ? 'lead' : 'co', status: assignmentMachine.initial, dueDate: input.dueDate, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    await runClockEffects(tx, ctx, MODULE, assignmentMachine, a!, assignmentMachine.onCreate?.clocks ?? [], { dueDate: input.dueDate });
    await syncStateTodo(tx, ctx, MODULE, assignmentMachine, a!, `${ind.code} ${task!.title}`, `/${MODULE}/assignments/${a!.id}`);
    assignments.push(a!);
  }
  await recordAudit(tx, ctx, {
    action: 'task.create',
    module: MODULE,
    entityType: 'demo_task',
    entityId: task!.id,
    after: { indicator: ind.code, title: input.title, dueDate: input.dueDate, leadOrgId: input.leadOrgId, coOrgIds: coIds, assignments: assignments.map((a) => a.id) },
  });
  return { task: task!, assignments };
};

/** 分解任务: the task and its assignments, in one transaction. */
export const createTask = async (ctx: Ctx, input: CreateTaskInput) => {
  requirePermission(ctx, PERM.manage);
  return ctx.db.transaction((tx) => insertTask(tx, ctx, input));
};
