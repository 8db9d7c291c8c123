/**
 * Hand-built .xlsx files for reader tests: what exceljs would never write (huge sheets built in a second,
 * data descriptors, zip bombs, encrypted flags, missing parts), as plain zip containers of SpreadsheetML parts.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipFile {
  name: string;
  data: Buffer | string;
  /** Stored (method 0) instead of deflated. */
  store?: boolean;
  /** Sizes and CRC in a data descriptor after the data (flag bit 3), zeros in the local header. */
  descriptor?: boolean;
  /** Extra general-purpose flag bits (e.g. 1 = encrypted). */
  flags?: number;
  /** The uncompressed size claimed in the headers, as a zip bomb would lie about it. */
  declaredSize?: number;
}

/** A zip of `files`, written the way zip tools do: local headers and data, central directory, end record. */
export const buildZip = (files: ZipFile[]): Buffer => {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const raw = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
    const body = f.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(raw);
    const size = f.declaredSize ?? raw.length;
    const flags = 0x0800 | (f.descriptor ? 0x0008 : 0) | (f.flags ?? 0);
    const method = f.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(f.descriptor ? 0 : crc, 14);
    local.writeUInt32LE(f.descriptor ? 0 : body.length, 18);
    local.writeUInt32LE(f.descriptor ? 0 : size, 22);
    local.writeUInt16LE(name.length, 26);
    const parts = [local, name, body];
    if (f.descriptor) {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(crc, 4);
      d.writeUInt32LE(body.length, 8);
      d.writeUInt32LE(size, 12);
      parts.push(d);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    for (const p of parts) {
      out.push(p);
      offset += p.length;
    }
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, directory, end]);
};

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Escapes text for an XML text node. */
export const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `<row>` of inline-string cells A, B, C…; undefined leaves the cell out. */
export const inlineRow = (r: number, values: (string | undefined)[]): string =>
  `<row r="${r}">${values
    .map((v, i) => (v === undefined ? '' : `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`))
    .join('')}</row>`;

export interface XlsxParts {
  /** The `<sheetData>` content. */
  sheetData: string;
  sharedStrings?: string;
  styles?: string;
  /** Where the workbook's first sheet lives (default xl/worksheets/sheet1.xml). */
  sheetPath?: string;
  date1904?: boolean;
  /** Options for the worksheet's zip entry (descriptor, store…). */
  sheetEntry?: Omit<ZipFile, 'name' | 'data'>;
}

/** A minimal .xlsx: workbook, its relationships, one worksheet and optional shared strings / styles. */
export const buildXlsx = (p: XlsxParts): Buffer => {
  const sheetPath = p.sheetPath ?? 'xl/worksheets/sheet1.xml';
  const files: ZipFile[] = [
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${REL_NS}><workbookPr${p.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="数据" sheetId="1" r:id="rId7"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/${sheetPath}"/>` +
        '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '</Relationships>',
    },
    { name: sheetPath, data: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${p.sheetData}</sheetData></worksheet>`, ...p.sheetEntry },
  ];
  if (p.sharedStrings !== undefined) files.push({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${p.sharedStrings}</sst>` });
  if (p.styles !== undefined) files.push({ name: 'xl/styles.xml', data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${p.styles}</styleSheet>` });
  return buildZip(files);
};
