import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { FieldIssue } from '../shared/app-error-codes';

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

const cellText = (v: ExcelJS.CellValue): string | undefined => {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
  }
  return String(v).trim() || undefined;
};

/**
 * Reads the first sheet of an .xlsx, maps headers to keys, and validates every row with `schema`.
 * Returns all rows' errors; the caller writes nothing unless `errors` is empty.
 */
export const readXlsx = async <S extends z.ZodType>(
  data: Buffer,
  columns: ImportColumn[],
  schema: S,
  maxRows = 50_000,
): Promise<{ rows: { row: number; value: z.infer<S> }[]; errors: RowError[] }> => {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ row: 0, path: 'file', message: '文件不是有效的 Excel（.xlsx）文件' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], errors: [{ row: 0, path: 'file', message: '文件中没有工作表' }] };
  const headerIndex = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value);
    if (text) headerIndex.set(text.replace(/[*＊\s]/g, ''), col);
  });
  const errors: RowError[] = [];
  for (const c of columns) {
    if (c.required && !headerIndex.has(c.header)) errors.push({ row: 1, path: c.key, message: `缺少列“${c.header}”` });
  }
  if (errors.length) return { rows: [], errors };
  if (ws.rowCount - 1 > maxRows) return { rows: [], errors: [{ row: 0, path: 'file', message: `一次最多导入 ${maxRows} 行` }] };
  const rows: { row: number; value: z.infer<S> }[] = [];
  for (let r = 2; r <= ws.rowCount; r += 1) {
    const sheetRow = ws.getRow(r);
    const raw: Record<string, string | undefined> = {};
    let empty = true;
    for (const c of columns) {
      const col = headerIndex.get(c.header);
      const v = col ? cellText(sheetRow.getCell(col).value) : undefined;
      if (v !== undefined) empty = false;
      raw[c.key] = v;
    }
    if (empty) continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) rows.push({ row: r, value: parsed.data });
    else for (const i of parsed.error.issues) errors.push({ row: r, path: i.path.join('.'), message: i.message });
  }
  return { rows, errors };
};
