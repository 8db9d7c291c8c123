import { setImmediate as yieldToLoop } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { FieldIssue } from '../shared/app-error-codes';
import { streamFirstSheet, XlsxReadError, type SheetCells, type SheetStats } from './xlsx-stream';

export interface ExcelColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

// Cells that start with these would run as formulas in a spreadsheet (CSV/formula injection).
const FORMULA_START = /^[=+\-@\t\r]/;
const safeCell = (v: string | number | null | undefined) => (typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : (v ?? ''));

/** Writes rows to a one-sheet .xlsx with a bold, frozen header row. */
export const writeXlsx = async <T>(sheetName: string, columns: ExcelColumn<T>[], rows: Iterable<T>, note?: string): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治政府建设综合管理平台';
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) ws.addRow(columns.map((c) => safeCell(c.value(row))));
  if (note) {
    const r = ws.addRow([note]);
    r.font = { italic: true, color: { argb: 'FF888888' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export interface ImportColumn {
  header: string;
  key: string;
  required?: boolean;
}

export interface RowError extends FieldIssue {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
}

/** Raw cell texts of one data row, keyed by column key. */
export type RawRow = Record<string, string | undefined>;

/** The data rows of a sheet as raw texts of the wanted columns, or the errors that stopped the reading. */
export interface SheetColumns {
  rows: { row: number; raw: RawRow }[];
  errors: RowError[];
  stats: SheetStats;
}

const fileError = (message: string): RowError[] => [{ row: 0, path: 'file', message }];
/** Header text as matched against the template: required marks (`*`, `＊`) and whitespace removed. */
const headerKey = (text: string) => text.replace(/[*＊\s]/g, '');

/**
 * Streams the first sheet and keeps, for each non-empty data row, the texts of `columns` (matched by header in
 * row 1). Reading stops at the header when a required column is missing, and at the first data row past
 * `maxRows`: time and memory are bounded by the limit, not by the file. Rows with no text in any cell are
 * skipped and not counted; rows with text only outside `columns` count but are not returned.
 */
export const readSheetColumns = async (data: Buffer, columns: readonly ImportColumn[], maxRows: number): Promise<SheetColumns> => {
  const headerIndex = new Map<string, number>();
  const rows: { row: number; raw: RawRow }[] = [];
  const errors: RowError[] = [];
  let headerSeen = false;
  let dataRows = 0;
  /** Checks the header once (row 1, or an empty one when the sheet starts lower); false when columns are missing. */
  const checkHeader = (cells: SheetCells): boolean => {
    headerSeen = true;
    cells.forEach((text, col) => {
      if (text) headerIndex.set(headerKey(text), col);
    });
    for (const c of columns) {
      if (c.required && !headerIndex.has(c.header)) errors.push({ row: 1, path: c.key, message: `缺少列“${c.header}”` });
    }
    return errors.length === 0;
  };
  let stats: SheetStats;
  try {
    stats = await streamFirstSheet(data, (row, cells) => {
      if (row === 1) return checkHeader(cells);
      if (!headerSeen && !checkHeader([])) return false;
      if (!cells.some((c) => c !== undefined)) return true;
      dataRows += 1;
      if (dataRows > maxRows) {
        errors.push(...fileError(`一次最多导入 ${maxRows} 行`));
        return false;
      }
      const raw: RawRow = {};
      let empty = true;
      for (const c of columns) {
        const col = headerIndex.get(c.header);
        const v = col === undefined ? undefined : cells[col];
        if (v !== undefined) empty = false;
        raw[c.key] = v;
      }
      if (!empty) rows.push({ row, raw });
      return true;
    });
  } catch (e) {
    if (e instanceof XlsxReadError) return { rows: [], errors: fileError(e.message), stats: { rows: 0, sheetBytes: 0, complete: false } };
    throw e;
  }
  if (!headerSeen) checkHeader([]);
  return errors.length ? { rows: [], errors, stats } : { rows, errors, stats };
};

/** Rows validated between two turns of the event loop, so other requests are served during a long import. */
const ROWS_PER_TURN = 500;

/** readXlsx with the reader's statistics, for tests that check the reading stopped early. */
export const readXlsxWithStats = async <S extends z.ZodType>(
  data: Buffer,
  columns: ImportColumn[],
  schema: S,
  maxRows = 50_000,
): Promise<{ rows: { row: number; value: z.infer<S> }[]; errors: RowError[]; stats: SheetStats }> => {
  const sheet = await readSheetColumns(data, columns, maxRows);
  if (sheet.errors.length) return { rows: [], errors: sheet.errors, stats: sheet.stats };
  const rows: { row: number; value: z.infer<S> }[] = [];
  const errors: RowError[] = [];
  for (let i = 0; i < sheet.rows.length; i += 1) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await yieldToLoop();
    const { row, raw } = sheet.rows[i]!;
    const parsed = schema.safeParse(raw);
    if (parsed.success) rows.push({ row, value: parsed.data });
    else for (const issue of parsed.error.issues) errors.push({ row, path: issue.path.join('.'), message: issue.message });
  }
  return { rows, errors, stats: sheet.stats };
};

/**
 * Reads the first sheet of an .xlsx, maps headers to keys, and validates every row with `schema`.
 * Returns all rows' errors; the caller writes nothing unless `errors` is empty. The sheet is streamed and
 * reading stops past `maxRows` data rows (see readSheetColumns).
 */
export const readXlsx = async <S extends z.ZodType>(
  data: Buffer,
  columns: ImportColumn[],
  schema: S,
  maxRows = 50_000,
): Promise<{ rows: { row: number; value: z.infer<S> }[]; errors: RowError[] }> => {
  const { rows, errors } = await readXlsxWithStats(data, columns, schema, maxRows);
  return { rows, errors };
};
