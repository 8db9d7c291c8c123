/**
 * The streaming .xlsx reader behind every Excel import: text comes back exactly as written (CJK across inflate
 * chunks included), every cell type reads as the old whole-workbook reader gave it, a file over the row limit
 * is refused after reading only up to the limit, and broken or hostile files get a Chinese error.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { buildXlsx, buildZip, inlineRow } from '../../../test/support/xlsx-builder';
import { readSheetColumns, readXlsx, readXlsxWithStats, writeXlsx, type ImportColumn } from './excel';

const INVALID = '文件不是有效的 Excel（.xlsx）文件';

/**
 * Deterministic CJK text; `extB` mixes in 4-byte Extension B characters (生僻字, surrogate pairs in JS). Those are
 * left out of fixtures written by exceljs: its writer itself replaces some of them with U+FFFD.
 */
const cjk = (seed: number, length: number, extB = false): string => {
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i += 1) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    s += String.fromCodePoint(extB && i % 13 === 7 ? 0x20000 + (x % 0x2000) : 0x4e00 + (x % 0x5000));
  }
  return s;
};

const TEXT: ImportColumn[] = [{ header: '内容', key: 'text', required: true }];
const texts = async (file: Buffer, maxRows = 10_000) => {
  const r = await readSheetColumns(file, TEXT, maxRows);
  assert.deepEqual(r.errors, []);
  return r.rows.map((x) => x.raw.text);
};

/** Rows streamed through exceljs's streaming writer: text inline in the sheet, no shared strings. */
const streamedWorkbook = async (header: string[], rows: unknown[][]): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: true });
  const ws = writer.addWorksheet('数据');
  ws.addRow(header).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await writer.commit();
  return Buffer.concat(chunks);
};

describe('流式读取 .xlsx', () => {
  test('中文长文本跨越多个解压块仍逐字不差：5,000 行每行 40 字，另有一个 100 KB 的单元格', async () => {
    const expected = Array.from({ length: 5_000 }, (_, i) => cjk(i + 1, 40));
    expected.splice(2_500, 0, cjk(99, 34_000));
    assert.ok(Buffer.byteLength(expected[2_500]!) > 100_000);
    // Shared strings (writeXlsx) and inline text in the sheet (streaming writer): both parts cross chunk boundaries.
    const shared = await writeXlsx('数据', [{ header: '内容', value: (s: string) => s }], expected);
    assert.deepEqual(await texts(shared), expected);
    const inline = await streamedWorkbook(['内容'], expected.map((s) => [s]));
    assert.deepEqual(await texts(inline), expected);
  });

  test('共享字符串、公式结果、数字、日期、布尔、富文本、缺格与空行、带 * 的表头：按模板列读出，行号为表格行号', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['名称*', '＊日期', ' 金 额 ', '是否', '备注', '无关列']);
    ws.addRow(['  甲公司  ', new Date('2026-11-20T00:00:00Z'), 12.5, true, { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] }, 'x']);
    ws.getRow(4).values = ['乙公司', null, 110_105_194_912_310, false];
    ws.getRow(5).values = [null, null, null, null, null, '只有无关列'];
    ws.getRow(7).values = [{ formula: 'A4&"分部"', result: '乙公司分部' }, new Date('1999-12-31T00:00:00Z'), 0.1, null, '   '];
    ws.getRow(7).getCell(6).value = { error: '#N/A' };
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const columns: ImportColumn[] = [
      { header: '名称', key: 'name', required: true },
      { header: '日期', key: 'date', required: true },
      { header: '金额', key: 'amount' },
      { header: '是否', key: 'flag' },
      { header: '备注', key: 'note' },
    ];
    const schema = z.object({ name: z.string(), date: z.string().optional(), amount: z.string().optional(), flag: z.string().optional(), note: z.string().optional() });
    const { rows, errors } = await readXlsx(file, columns, schema);
    assert.deepEqual(errors, []);
    // Through JSON: zod keeps the keys of empty cells as undefined, as it did with the old reader.
    assert.deepEqual(JSON.parse(JSON.stringify(rows)), [
      { row: 2, value: { name: '甲公司', date: '2026-11-20', amount: '12.5', flag: 'true', note: '富文本' } },
      { row: 4, value: { name: '乙公司', amount: '110105194912310', flag: 'false' } },
      { row: 7, value: { name: '乙公司分部', date: '1999-12-31', amount: '0.1' } },
    ]);
    // Row 5 has text only outside the template's columns: skipped, not an empty-name error.
    const missing = await readXlsx(file, [...columns, { header: '统一社会信用代码', key: 'code', required: true }], schema);
    assert.deepEqual(missing, { rows: [], errors: [{ row: 1, path: 'code', message: '缺少列“统一社会信用代码”' }] });
  });

  test('其他写法的工作表：无 r 属性的行与单元格、命名空间前缀、实体与 _x000D_、注音、1904 日期系统与自定义日期格式', async () => {
    const styles =
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs>';
    const sharedStrings =
      '<si><t>表头</t></si><si><t>日期</t></si><si><t>时长</t></si>' +
      '<si><r><t>甲</t></r><r><rPr><b/></rPr><t xml:space="preserve">乙 </t></r><rPh sb="0" eb="1"><t>コウ</t></rPh><r><t>丙</t></r></si>';
    const sheetData =
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>A&amp;B &lt;甲&gt; &#x4E2D;&#22269;_x000D_换行</x:t></x:is></x:c><x:c s="1"><x:v>0</x:v></x:c><x:c s="2"><x:v>0.5</x:v></x:c></x:row>' +
      '<x:row r="5"><x:c r="B5" s="3"><x:v>1</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>';
    const file = buildXlsx({ sheetData, sharedStrings, styles, date1904: true, sheetEntry: { descriptor: true } });
    const columns: ImportColumn[] = [
      { header: '表头', key: 'a' },
      { header: '日期', key: 'b' },
      { header: '时长', key: 'c' },
    ];
    const r = await readSheetColumns(file, columns, 100);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.rows, [
      // 1904 system: serial 0 is 1904-01-01; [h]:mm:ss is a duration, not a date.
      { row: 2, raw: { a: 'A&B <甲> 中国\r换行', b: '1904-01-01', c: '0.5' } },
      // A cell without r after B5 is C5; rich runs joined, the phonetic run left out.
      { row: 5, raw: { a: undefined, b: '1904-01-02', c: '甲乙 丙' } },
    ]);
  });

  test('含生僻字（四字节字符）的长文本，压缩或存储、工作表在其他目录：逐字不差', async () => {
    const expected = [...Array.from({ length: 3_000 }, (_, i) => cjk(i + 1, 40, true)), cjk(5, 40_000, true)];
    const sheetData = inlineRow(1, ['内容']) + expected.map((t, i) => inlineRow(i + 2, [t])).join('');
    assert.deepEqual(await texts(buildXlsx({ sheetData })), expected);
    assert.deepEqual(await texts(buildXlsx({ sheetData, sheetPath: 'xl/sheets/data/第一页.xml', sheetEntry: { store: true } })), expected);
  });

  test('超过行数上限：maxRows + 1 行拒绝导入，正好 maxRows 行可以导入', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}行`);
    const file = (n: number) => writeXlsx('数据', [{ header: '内容', value: (s: string) => s }], rows(n));
    const schema = z.object({ text: z.string() });
    assert.deepEqual(await readXlsx(await file(6), TEXT, schema, 5), { rows: [], errors: [{ row: 0, path: 'file', message: '一次最多导入 5 行' }] });
    const ok = await readXlsx(await file(5), TEXT, schema, 5);
    assert.deepEqual(ok.errors, []);
    assert.equal(ok.rows.length, 5);
  });

  test('30 万行的文件、上限 5,000 行：读到第 5,001 行即停止，只解压了工作表的开头一小部分', async () => {
    const parts = [inlineRow(1, ['内容'])];
    for (let r = 2; r <= 300_001; r += 1) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const sheetData = parts.join('');
    const file = buildXlsx({ sheetData });
    const { rows, errors, stats } = await readXlsxWithStats(file, TEXT, z.object({ text: z.string() }), 5_000);
    assert.deepEqual({ rows, errors }, { rows: [], errors: [{ row: 0, path: 'file', message: '一次最多导入 5000 行' }] });
    assert.equal(stats.complete, false);
    assert.equal(stats.rows, 5_002); // the header and 5,001 data rows
    assert.ok(stats.sheetBytes < sheetData.length / 20, `解压了 ${stats.sheetBytes} / ${sheetData.length} 字节`);
  });

  test('不是 zip、被截断、数据损坏、加密、没有工作表的文件：中文错误，不抛异常', async () => {
    const good = buildXlsx({ sheetData: inlineRow(1, ['内容']) + inlineRow(2, ['甲']) });
    const read = (file: Buffer) => readXlsx(file, TEXT, z.object({ text: z.string() }));
    const fileError = (message: string) => ({ rows: [], errors: [{ row: 0, path: 'file', message }] });
    assert.deepEqual(await read(Buffer.from('名称,日期\n甲,2026-01-01\n')), fileError(INVALID));
    assert.deepEqual(await read(Buffer.alloc(0)), fileError(INVALID));
    assert.deepEqual(await read(good.subarray(0, good.length - 40)), fileError(INVALID));
    assert.deepEqual(await read(good.subarray(0, Math.floor(good.length / 2))), fileError(INVALID));
    const corrupt = Buffer.from(good);
    const sheetAt = corrupt.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    for (let i = sheetAt + 10; i < sheetAt + 40; i += 1) corrupt[i] = corrupt[i]! ^ 0x5a;
    assert.deepEqual(await read(corrupt), fileError(INVALID));
    const encrypted = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>', flags: 1 }]);
    assert.deepEqual(await read(encrypted), fileError(INVALID));
    const noSheet = buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    assert.deepEqual(await read(noSheet), fileError('文件中没有工作表'));
    // The central directory's count of all ones is how zip64 starts.
    const zip64 = Buffer.from(good);
    zip64.writeUInt16LE(0xffff, zip64.length - 12);
    assert.deepEqual(await read(zip64), fileError(INVALID));
  });

  test('压缩炸弹：声明的大小超过上限直接拒绝；谎报大小的条目解压到上限即停止并报错', async () => {
    const read = (file: Buffer) => readXlsx(file, TEXT, z.object({ text: z.string() }));
    const spaces = Buffer.alloc(51 * 1024 * 1024, 0x20);
    const bomb = buildZip([
      { name: 'xl/worksheets/sheet1.xml', data: '<worksheet><sheetData></sheetData></worksheet>' },
      { name: 'xl/sharedStrings.xml', data: spaces, declaredSize: 1_000 },
    ]);
    assert.ok(bomb.length < 200_000, `炸弹文件 ${bomb.length} 字节`);
    const r = await read(bomb);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!.message, /共享字符串解压后超过 50 MB/);
    const declared = buildZip([{ name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>', declaredSize: 300 * 1024 * 1024 }]);
    const d = await read(declared);
    assert.match(d.errors[0]!.message, /工作表解压后超过 200 MB/);
  });
});
