import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { caseTransition } from '../db/schema';

/** 办理过程: a record's transitions, oldest first. */
export const historyOf = (db: DbOrTx, entityType: string, entityId: number) =>
  db
    .select()
    .from(caseTransition)
    .where(and(eq(caseTransition.entityType, entityType), eq(caseTransition.entityId, entityId)))
    .orderBy(asc(caseTransition.id));
