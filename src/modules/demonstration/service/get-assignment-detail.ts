import { and, asc, desc, eq } from 'drizzle-orm';
import { auditLog, type Ctx, deadlinesOf, historyOf, permissionCode } from '../../../kernel';
import { allowedTransitions, toTransitionView } from '../../../kernel/shared/define-machine';
import { assignmentMachine } from '../assignment-machine';
import { demoTask, indicator, taskAssignment, taskProgress } from '../schema';
import { assignmentInScope, getAssignmentInScope, MODULE, orgName } from './access';
import { evidenceOf } from './indicator-tree';

/** 任务详情: the assignment, its task and indicator, the actions the actor may take, deadlines, history and progress reports. */
export const getAssignmentDetail = async (ctx: Ctx, id: number) => {
  const row = await getAssignmentInScope(ctx, id);
  const [info] = await ctx.db
    .select({ task: demoTask, indicator, orgName: orgName(taskAssignment.orgId), leadOrgName: orgName(demoTask.leadOrgId) })
    .from(taskAssignment)
    .innerJoin(demoTask, eq(demoTask.id, taskAssignment.taskId))
    .innerJoin(indicator, eq(indicator.id, demoTask.indicatorId))
    .where(eq(taskAssignment.id, id));
  const calendar = await ctx.services.calendar.get();
  const deadlines = await deadlinesOf(ctx.db, calendar, assignmentMachine.entity, id, ctx.now, assignmentMachine.clocks);
  const history = await historyOf(ctx.db, assignmentMachine.entity, id);
  const progress = await ctx.db
    .select({ id: taskProgress.id, summary: taskProgress.summary, percent: taskProgress.percent, selfScore: taskProgress.selfScore, reportedAt: taskProgress.reportedAt, reportedBy: taskProgress.reportedBy })
    .from(taskProgress)
    .where(eq(taskProgress.assignmentId, id))
    .orderBy(desc(taskProgress.id));
  const coUnits = await ctx.db
    .select({ id: taskAssignment.id, orgName: orgName(taskAssignment.orgId), role: taskAssignment.role, status: taskAssignment.status })
    .from(taskAssignment)
    .where(eq(taskAssignment.taskId, row.taskId))
    .orderBy(asc(taskAssignment.id));
  const mayAct = new Map<string, boolean>();
  for (const p of new Set(Object.values(assignmentMachine.transitions).map((t) => t.permission))) {
    mayAct.set(p, await assignmentInScope(ctx, id, permissionCode(MODULE, p)));
  }
  const transitions = allowedTransitions(assignmentMachine, row.status, (p) => mayAct.get(p) ?? false).map(toTransitionView);
  return {
    record: { ...row, orgName: info!.orgName },
    task: { ...info!.task, leadOrgName: info!.leadOrgName },
    indicator: { ...info!.indicator, maxScore: info!.indicator.maxScore === null ? null : Number(info!.indicator.maxScore), evidence: await evidenceOf(ctx, info!.indicator.statisticId) },
    units: coUnits,
    transitions,
    deadlines,
    history,
    progress,
  };
};

/** 操作记录 from the audit trail. */
export const getAssignmentActivity = async (ctx: Ctx, id: number) => {
  await getAssignmentInScope(ctx, id);
  const items = await ctx.db
    .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, reason: auditLog.reason, result: auditLog.result })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, assignmentMachine.entity), eq(auditLog.entityId, String(id))))
    .orderBy(desc(auditLog.seq))
    .limit(200);
  return { items };
};
