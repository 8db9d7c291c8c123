import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { todo, type TODO_KINDS } from '../db/schema';

export type TodoKind = (typeof TODO_KINDS)[number];

/** Closes the open to-dos of a record (all kinds, or the given ones). */
export const closeTodos = async (tx: DbOrTx, entityType: string, entityId: number, now: Date, kinds?: TodoKind[]): Promise<void> => {
  await tx
    .update(todo)
    .set({ doneAt: now })
    .where(
      and(
        eq(todo.entityType, entityType),
        eq(todo.entityId, entityId),
        isNull(todo.doneAt),
        kinds ? sql`${todo.kind} in ${kinds}` : undefined,
      ),
    );
};

/** Opens a to-do unless one of that kind is already open for the record. */
export const openTodo = async (tx: DbOrTx, row: typeof todo.$inferInsert): Promise<void> => {
  await tx.insert(todo).values(row).onConflictDoNothing();
};
