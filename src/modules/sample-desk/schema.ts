import { date, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { orgUnit, recordStamps } from '../../kernel/db/schema';

/** 示例台账: one record per matter. The data-scope column `orgId` is the unit the matter belongs to. */
export const sampleDeskRecord = pgTable(
  'sample_desk_record',
  {
    id: serial().primaryKey(),
    title: text().notNull(),
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    receivedOn: date({ mode: 'string' }).notNull(),
    content: text(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    closedOn: date({ mode: 'string' }),
    result: text(),
    ...recordStamps(),
  },
  (t) => [index('sample_desk_record_org_status_idx').on(t.orgId, t.status, t.receivedOn)],
);
export type SampleDeskRecordRow = typeof sampleDeskRecord.$inferSelect;
