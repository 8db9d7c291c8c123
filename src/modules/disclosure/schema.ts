import { date, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnit, recordStamps } from '../../kernel/db/schema';

/** 政府信息公开申请. Personal data (ID number, phone, address) is stored SM4-encrypted. */
export const disclosureRequest = pgTable(
  'disclosure_request',
  {
    id: serial().primaryKey(),
    /** 登记号, assigned at registration: `{unit}依申〔{year}〕{seq}号`. */
    requestNo: text().notNull(),
    /** 查询码 the applicant uses on the portal to follow the request without an account. */
    receiptCode: text().notNull(),
    /** 承办单位: the data-scope column. */
    orgId: integer()
      .notNull()
      .references(() => orgUnit.id),
    channel: text({ enum: ['in_person', 'letter', 'online', 'fax', 'email'] }).notNull(),
    applicantType: text({ enum: ['citizen', 'legal_person', 'other_org'] }).notNull(),
    applicantName: text().notNull(),
    /** Encrypted envelopes (SM4-CBC + HMAC-SM3); never returned unmasked except through the audited reveal. */
    applicantIdNumber: text(),
    applicantPhone: text(),
    applicantAddress: text(),
    applicantEmail: text(),
    content: text().notNull(),
    purpose: text(),
    deliveryMethod: text({ enum: ['paper', 'email', 'pickup', 'online'] }).notNull(),
    /** 收到申请之日 (第三十一条), from which the reply period runs. */
    receivedDate: date({ mode: 'string' }).notNull(),
    status: text().notNull(),
    version: integer().notNull().default(1),
    correctionItems: text(),
    correctionDeadline: date({ mode: 'string' }),
    correctedDate: date({ mode: 'string' }),
    consultationParty: text(),
    consultationStartedOn: date({ mode: 'string' }),
    consultationEndedOn: date({ mode: 'string' }),
    consultationOpinion: text(),
    extensionDays: integer(),
    /** The reason given with the latest extension, abandonment or withdrawal. */
    reason: text(),
    replyType: text(),
    replySummary: text(),
    repliedDate: date({ mode: 'string' }),
    /** 答复书文号, assigned when the reply is made. */
    replyNo: text(),
    ...recordStamps(),
  },
  (t) => [
    uniqueIndex('disclosure_request_receipt_code_uq').on(t.receiptCode),
    uniqueIndex('disclosure_request_no_uq').on(t.requestNo),
    index('disclosure_request_org_status_idx').on(t.orgId, t.status, t.receivedDate),
    index('disclosure_request_received_idx').on(t.receivedDate),
  ],
);

export type DisclosureRequestRow = typeof disclosureRequest.$inferSelect;
