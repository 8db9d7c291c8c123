import { applyTransition, toLocalDate, validationError, type Ctx } from '../../../kernel';
import { assignmentMachine } from '../assignment-machine';
import { demoTask, taskProgress, type AssignmentRow } from '../schema';
import { assignmentTable, getAssignmentInScope, MODULE, PERM } from './access';
import { eq } from 'drizzle-orm';

type Input = Record<string, unknown>;

/** Column changes a transition implies beyond its fields. */
const patchFor = (name: string, input: Input, now: Date): Record<string, unknown> => {
  switch (name) {
    case 'report':
      return { lastReportedAt: now, selfScore: input.selfScore ?? null, comment: null, reason: null };
    case 'close':
      return { closedAt: now };
    default:
      return {};
  }
};

/** 办理: a transition of the assignment machine on an assignment in the actor's scope (report also records the progress row). */
export const transitionAssignment = async (ctx: Ctx, id: number, name: string, body: { version: number; input: Input }) =>
  ctx.db.transaction(async (tx) => {
    const row = await getAssignmentInScope(ctx, id, tx, PERM.read);
    const today = toLocalDate(ctx.now);
    const [task] = await tx.select({ title: demoTask.title }).from(demoTask).where(eq(demoTask.id, row.taskId));
    const updated = await applyTransition<AssignmentRow & { [k: string]: unknown }>({
      tx,
      ctx,
      module: MODULE,
      machine: assignmentMachine,
      target: assignmentTable,
      row: row as AssignmentRow & { [k: string]: unknown },
      transition: name,
      input: body.input,
      expectedVersion: body.version,
      patch: patchFor(name, body.input, ctx.now),
      guard: ({ input }) => {
        if ((name === 'adjustDueDate' || name === 'adjustReturnedDueDate') && (input.dueDate as string) < today) {
          throw validationError([{ path: 'dueDate', message: '新的完成时限不能早于今天' }]);
        }
      },
      todoTitle: task?.title ?? '',
      link: `/${MODULE}/assignments/${row.id}`,
    });
    if (name === 'report') {
      await tx.insert(taskProgress).values({
        assignmentId: row.id,
        orgId: row.orgId,
        summary: String(body.input.progressSummary ?? '').trim(),
        percent: Number(body.input.progressPercent),
        selfScore: typeof body.input.selfScore === 'number' ? body.input.selfScore : null,
        reportedBy: ctx.actor?.id ?? null,
        reportedAt: ctx.now,
      });
    }
    return updated;
  });
