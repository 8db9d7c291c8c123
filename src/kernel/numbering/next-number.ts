import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client';

/** The values a number pattern may use. */
export interface NumberParts {
  unit: string;
  year: number;
  seq: number;
}

/** Formats a pattern such as `{unit}依申〔{year}〕{seq}号`; `{seq:3}` pads to 3 digits. */
export const formatNumber = (pattern: string, parts: NumberParts): string =>
  pattern.replace(/\{(unit|year|seq)(?::(\d+))?\}/g, (_m, name: keyof NumberParts, pad?: string) => {
    const value = String(parts[name]);
    return pad ? value.padStart(Number(pad), '0') : value;
  });

/**
 * 编号: the next number of a sequence for a unit and year. The counter row is locked by the upsert
 * until the caller's transaction ends, so numbers are unique under concurrency, and a rolled-back
 * transaction gives its number back, so they are gap-free.
 */
export const nextSequenceValue = async (tx: DbOrTx, key: string, orgId: number, year: number): Promise<number> => {
  const [row] = await queryRows<{ last_value: number }>(
    tx,
    sql`insert into number_sequence (key, org_id, year, last_value) values (${key}, ${orgId}, ${year}, 1)
        on conflict (key, org_id, year) do update set last_value = number_sequence.last_value + 1
        returning last_value`,
  );
  return Number(row!.last_value);
};
