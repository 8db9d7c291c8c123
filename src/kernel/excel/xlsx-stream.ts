/**
 * A streaming reader for the first worksheet of an .xlsx. The worksheet XML is inflated and parsed chunk by
 * chunk, and each row is handed to the caller as soon as it is complete, so a caller that stops (at its row
 * limit, say) has spent time and memory for those rows only, whatever the size of the file. Written for our
 * imports instead of exceljs: its whole-workbook reader holds every cell of the file in memory before anyone can
 * count rows, and its streaming reader (4.4) garbles CJK text cut at inflate chunk boundaries (exceljs
 * #2063/#2084). Here bytes go through one StringDecoder per part, so a character split between chunks is
 * joined before it is parsed.
 *
 * Cell values come out as the text the old exceljs-based reader gave: trimmed, empty → undefined, numbers as
 * `String(n)`, booleans as "true"/"false", numbers in a date format as the UTC date `YYYY-MM-DD`.
 */
import { channel } from 'node:diagnostics_channel';
import { StringDecoder } from 'node:string_decoder';
import { decodeOoxmlEscapes, decodeXml, parseAttrs, XmlTokenizer, type XmlHandler } from './xml-tokens';
import { readZipDirectory, streamEntry, XlsxReadError, type EntryLimit, type EntryRead, type ZipEntry } from './zip-reader';

export { INVALID_XLSX, XlsxReadError } from './zip-reader';
export const NO_SHEET = '文件中没有工作表';

/** One row's cell texts by 0-based column index (sparse: missing cells are holes). */
export type SheetCells = (string | undefined)[];

/** How much of the worksheet was read: for callers (and tests) that want to know the reader stopped early. */
export interface SheetStats {
  /** `<row>` elements parsed, header included. */
  rows: number;
  /** Inflated bytes of the worksheet part consumed. */
  sheetBytes: number;
  /** False when the caller stopped before the end of the sheet. */
  complete: boolean;
}

/**
 * Progress of worksheet reads, `{ rows }` every SHEET_PROGRESS_ROWS rows: lets monitoring (and the test that
 * checks other requests are served mid-import) see a long read under way. Free when nobody subscribes.
 */
export const sheetProgress = channel('fazhi:xlsx:sheet-rows');
const SHEET_PROGRESS_ROWS = 1_000;

const MB = 1024 * 1024;
/** Inflation caps: far above any real import (a 100,000-row sheet is ~40 MB), low enough to stop a zip bomb. */
const SHEET_LIMIT: EntryLimit = { maxBytes: 200 * MB, tooLarge: '工作表解压后超过 200 MB，文件异常（可能是恶意构造的压缩文件），已停止读取' };
const SHARED_LIMIT: EntryLimit = { maxBytes: 50 * MB, tooLarge: '共享字符串解压后超过 50 MB，文件异常（可能是恶意构造的压缩文件），已停止读取' };
const PART_LIMIT: EntryLimit = { maxBytes: 10 * MB, tooLarge: '工作簿结构部分解压后超过 10 MB，文件异常（可能是恶意构造的压缩文件），已停止读取' };

/** Entity references and `_xHHHH_` escapes of a text node. */
const decodeText = (raw: string) => decodeOoxmlEscapes(decodeXml(raw));

/** Inflates and tokenizes one part; the decoder keeps a multi-byte character cut between chunks whole. */
const parsePart = async (data: Buffer, entry: ZipEntry, limit: EntryLimit, handler: XmlHandler): Promise<EntryRead> => {
  const decoder = new StringDecoder('utf8');
  const tokens = new XmlTokenizer(handler);
  const read = await streamEntry(data, entry, limit, (chunk) => {
    tokens.write(decoder.write(chunk));
    return !handler.stopped;
  });
  if (read.complete) tokens.write(decoder.end());
  return read;
};

/** `xl/workbook.xml`: the relationship id of the first sheet, and the 1904 date system flag. */
class WorkbookHandler implements XmlHandler {
  stopped = false;
  date1904 = false;
  sheetRelId: string | undefined;
  open(name: string, attrs: string) {
    if (name === 'workbookPr') {
      const flag = parseAttrs(attrs).date1904;
      this.date1904 = flag === '1' || flag === 'true';
    } else if (name === 'sheet') {
      this.sheetRelId = parseAttrs(attrs).id;
      this.stopped = true;
    }
  }
  close() {}
  text() {}
}

/** `xl/_rels/workbook.xml.rels`: relationship id → target part and type. */
class RelsHandler implements XmlHandler {
  readonly rels: { id: string; target: string; type: string }[] = [];
  open(name: string, attrs: string) {
    if (name !== 'Relationship') return;
    const a = parseAttrs(attrs);
    if (a.Id && a.Target) this.rels.push({ id: a.Id, target: a.Target, type: a.Type ?? '' });
  }
  close() {}
  text() {}
}

/** Workbook-relative targets (`worksheets/sheet1.xml`, `/xl/…`, `../…`) as zip entry names. */
const resolvePart = (target: string): string => {
  const out: string[] = [];
  for (const p of (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
};

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, plus the CJK locale ids). */
const BUILTIN_DATE_FORMATS: [number, number][] = [
  [14, 22],
  [27, 36],
  [45, 47],
  [50, 58],
];

/**
 * Whether a number format shows a date: built-in ids by table; custom codes when, outside quoted text,
 * brackets and escapes, they have y or d, or m without h/s (so `h:mm` stays a number but `yyyy-mm` is a date).
 */
export const isDateFormat = (id: number, code: string | undefined): boolean => {
  if (code === undefined) return BUILTIN_DATE_FORMATS.some(([from, to]) => id >= from && id <= to);
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*]/g, '').replace(/[\\_*]./g, '');
  if (/[yd]/i.test(bare)) return true;
  return /m/i.test(bare) && !/[hs]/i.test(bare);
};

/** `xl/styles.xml`: which cell style indexes (`s` of a cell) have a date format. */
class StylesHandler implements XmlHandler {
  private readonly formats = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private inCellXfs = false;
  open(name: string, attrs: string, selfClosing: boolean) {
    if (name === 'numFmt') {
      const a = parseAttrs(attrs);
      this.formats.set(Number(a.numFmtId), a.formatCode ?? '');
    } else if (name === 'cellXfs') this.inCellXfs = !selfClosing;
    else if (name === 'xf' && this.inCellXfs) this.xfFormats.push(Number(parseAttrs(attrs).numFmtId ?? 0));
  }
  close(name: string) {
    if (name === 'cellXfs') this.inCellXfs = false;
  }
  text() {}
  dateStyles(): Set<number> {
    const out = new Set<number>();
    this.xfFormats.forEach((id, index) => {
      if (isDateFormat(id, this.formats.get(id))) out.add(index);
    });
    return out;
  }
}

/** `xl/sharedStrings.xml`: each `<si>` as one string, rich-text runs joined, phonetic runs (`<rPh>`) left out. */
class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  private pieces: string[] = [];
  private parts: string[] | null = null;
  private phonetic = 0;
  open(name: string, _attrs: string, selfClosing: boolean) {
    if (name === 'si') {
      if (selfClosing) this.strings.push('');
      else this.pieces = [];
    } else if (name === 't' && !selfClosing && this.phonetic === 0) this.parts = [];
    else if (name === 'rPh' && !selfClosing) this.phonetic += 1;
  }
  close(name: string) {
    if (name === 't' && this.parts) {
      this.pieces.push(this.parts.join(''));
      this.parts = null;
    } else if (name === 'rPh') this.phonetic -= 1;
    else if (name === 'si') this.strings.push(decodeText(this.pieces.join('')));
  }
  text(raw: string) {
    this.parts?.push(raw);
  }
}

/** What a worksheet's cells need from the rest of the workbook. */
interface SheetContext {
  shared: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

/** `C7` → 2; -1 when the reference has no column letters or is past XFD. */
const columnIndex = (ref: string): number => {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return i === 0 || n > 16_384 ? -1 : n - 1;
};

const DAY_MS = 86_400_000;
/** Days from the 1900 system's epoch (as Excel counts, with its 1900-02-29) to 1970-01-01; 1904 is 1,462 days later. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;

/** A date-formatted serial as the UTC calendar date, the same arithmetic exceljs used. */
const serialDate = (n: number, date1904: boolean): string => {
  const d = new Date(Math.round((n - UNIX_EPOCH_SERIAL + (date1904 ? DATE1904_OFFSET : 0)) * DAY_MS));
  return Number.isNaN(d.getTime()) ? String(n) : d.toISOString().slice(0, 10);
};

/** A numeric cell: `String(n)` (no exponent for integers below 1e21, so ID-like numbers stay whole) or a date. */
const numberText = (raw: string, isDate: boolean, date1904: boolean): string => {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) return raw;
  return isDate ? serialDate(n, date1904) : String(n);
};

/** The worksheet: rows of cell texts, handed to `onRow` as each `</row>` arrives. */
class SheetHandler implements XmlHandler {
  stopped = false;
  rows = 0;
  private row = 0;
  private cells: SheetCells | null = null;
  private nextCol = 0;
  private cell: { col: number; type: string; style: number } | null = null;
  private value: string | undefined;
  private inline: string[] | null = null;
  private parts: string[] | null = null;
  private phonetic = 0;

  constructor(
    private readonly ctx: SheetContext,
    private readonly onRow: (row: number, cells: SheetCells) => boolean,
  ) {}

  open(name: string, attrs: string, selfClosing: boolean) {
    switch (name) {
      case 'row': {
        const r = Number(parseAttrs(attrs).r);
        this.row = Number.isInteger(r) && r > 0 ? r : this.row + 1;
        this.cells = [];
        this.nextCol = 0;
        if (selfClosing) this.endRow();
        break;
      }
      case 'c':
        this.startCell(attrs);
        if (selfClosing) this.endCell();
        break;
      case 'v':
        if (this.cell) {
          this.value = '';
          this.parts = selfClosing ? null : [];
        }
        break;
      case 'is':
        if (this.cell && !selfClosing) this.inline = [];
        break;
      case 't':
        if (this.inline && this.phonetic === 0 && !selfClosing) this.parts = [];
        break;
      case 'rPh':
        if (!selfClosing) this.phonetic += 1;
        break;
    }
  }

  close(name: string) {
    switch (name) {
      case 'v':
        if (this.parts) this.value = this.parts.join('');
        this.parts = null;
        break;
      case 't':
        if (this.parts && this.inline) this.inline.push(this.parts.join(''));
        this.parts = null;
        break;
      case 'rPh':
        this.phonetic -= 1;
        break;
      case 'c':
        this.endCell();
        break;
      case 'row':
        this.endRow();
        break;
    }
  }

  text(raw: string) {
    this.parts?.push(raw);
  }

  /** A cell without `r` is the one after the previous cell of its row. */
  private startCell(attrs: string) {
    if (!this.cells) return;
    const a = parseAttrs(attrs);
    const ref = a.r ? columnIndex(a.r) : -1;
    const col = ref >= 0 ? ref : this.nextCol;
    this.nextCol = col + 1;
    this.cell = { col, type: a.t ?? 'n', style: Number(a.s ?? 0) };
    this.value = undefined;
    this.inline = null;
  }

  private endCell() {
    if (this.cell && this.cells) {
      const text = this.cellText(this.cell.type, this.cell.style)?.trim();
      if (text) this.cells[this.cell.col] = text;
    }
    this.cell = null;
    this.inline = null;
    this.parts = null;
  }

  private cellText(type: string, style: number): string | undefined {
    const v = this.value;
    switch (type) {
      case 's':
        return v === undefined ? undefined : this.ctx.shared[Number(v)];
      case 'inlineStr':
        return this.inline ? decodeText(this.inline.join('')) : v === undefined ? undefined : decodeText(v);
      case 'b':
        return v === '1' ? 'true' : v === '0' ? 'false' : v;
      case 'str':
      case 'e':
      case 'd':
        return v === undefined ? undefined : decodeText(v);
      default:
        return v === undefined ? undefined : numberText(decodeXml(v), this.ctx.dateStyles.has(style), this.ctx.date1904);
    }
  }

  private endRow() {
    if (!this.cells) return;
    const cells = this.cells;
    this.cells = null;
    this.rows += 1;
    if (this.rows % SHEET_PROGRESS_ROWS === 0 && sheetProgress.hasSubscribers) sheetProgress.publish({ rows: this.rows });
    if (!this.onRow(this.row, cells)) this.stopped = true;
  }
}

/** Finds the first worksheet's part (workbook order) and the workbook's styles and shared strings parts. */
const locateParts = async (data: Buffer, entries: Map<string, ZipEntry>) => {
  const workbook = new WorkbookHandler();
  const rels = new RelsHandler();
  const workbookEntry = entries.get('xl/workbook.xml');
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  if (workbookEntry) await parsePart(data, workbookEntry, PART_LIMIT, workbook);
  if (relsEntry) await parsePart(data, relsEntry, PART_LIMIT, rels);
  const target = (match: (r: { id: string; type: string }) => boolean, fallback: string) => {
    const rel = rels.rels.find(match);
    const name = rel ? resolvePart(rel.target) : fallback;
    return entries.get(name) ?? entries.get(fallback);
  };
  return {
    date1904: workbook.date1904,
    sheet: target((r) => r.id === workbook.sheetRelId, 'xl/worksheets/sheet1.xml'),
    styles: target((r) => r.type.endsWith('/styles'), 'xl/styles.xml'),
    shared: target((r) => r.type.endsWith('/sharedStrings'), 'xl/sharedStrings.xml'),
  };
};

/**
 * Streams the first worksheet of an .xlsx: `onRow(rowNumber, cells)` for each `<row>` in file order, where
 * rowNumber is the spreadsheet's (from `r`) and cells are 0-based. `onRow` returns false to stop; the rest of
 * the sheet is then never inflated. Throws XlsxReadError (Chinese message) for files that are not a readable
 * .xlsx, have no worksheet, or inflate past the caps.
 */
export const streamFirstSheet = async (data: Buffer, onRow: (row: number, cells: SheetCells) => boolean): Promise<SheetStats> => {
  const entries = readZipDirectory(data);
  const parts = await locateParts(data, entries);
  if (!parts.sheet) throw new XlsxReadError(NO_SHEET);
  const styles = new StylesHandler();
  if (parts.styles) await parsePart(data, parts.styles, PART_LIMIT, styles);
  const shared = new SharedStringsHandler();
  if (parts.shared) await parsePart(data, parts.shared, SHARED_LIMIT, shared);
  const sheet = new SheetHandler({ shared: shared.strings, dateStyles: styles.dateStyles(), date1904: parts.date1904 }, onRow);
  const read = await parsePart(data, parts.sheet, SHEET_LIMIT, sheet);
  return { rows: sheet.rows, sheetBytes: read.bytes, complete: read.complete };
};
