import type { SampleDeskRecordRow } from '../schema';

/** A record as the API returns it (dates as strings). */
export type RecordItem = Omit<SampleDeskRecordRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
