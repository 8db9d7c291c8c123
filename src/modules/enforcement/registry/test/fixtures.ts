/** Test support of the enforcement registry area: valid bodies, officers, items and an .xlsx builder. */
import ExcelJS from 'exceljs';
import type { TestClient, TestWorld } from '../../../../../test/support/test-platform';

let n = 0;
const next = () => (n += 1);

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid 18-digit ID number (correct check digit) numbered `seq`. */
export const validIdNumber = (seq: number, region = '110101'): string => {
  const birth = `19${String(60 + (seq % 40)).padStart(2, '0')}0${1 + (seq % 9)}1${seq % 10}`;
  const body = `${region}${birth}${String(seq % 1000).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
};

export const bodyBody = (world: TestWorld, over: Record<string, unknown> = {}) => ({
  orgId: world.units.countyADept,
  name: `甲县自然资源局执法主体${next()}`,
  kind: 'statutory',
  legalBasis: '《中华人民共和国土地管理法》第六十七条',
  ...over,
});

export const createBodyVia = async (h: TestClient, world: TestWorld, over: Record<string, unknown> = {}) => {
  const res = await h.post('/api/enforcement/bodies', bodyBody(world, over));
  if (res.status !== 200) throw new Error(`创建执法主体失败 ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; orgId: number; version: number; name: string };
};

export const officerBody = (bodyId: number, over: Record<string, unknown> = {}) => {
  const k = next();
  return { bodyId, name: `执法员${k}`, idNumber: validIdNumber(5000 + k), post: '执法队员', isLegalReviewer: false, certificate: { kind: 'enforcement', certNo: `ZF-T-${100000 + k}`, issuedDate: '2026-03-02' }, ...over };
};

export const createOfficerVia = async (h: TestClient, bodyId: number, over: Record<string, unknown> = {}) => {
  const res = await h.post('/api/enforcement/officers', officerBody(bodyId, over));
  if (res.status !== 200) throw new Error(`登记执法人员失败 ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { officer: { id: number; version: number; orgId: number }; certificate: { id: number; version: number; certNo: string; expiresDate: string } | null };
};

export const itemBody = (bodyId: number, over: Record<string, unknown> = {}) => {
  const k = next();
  return { bodyId, code: `ZR-CF-${k}`, name: `对非法占用土地的处罚${k}`, kind: 'penalty', legalBasis: '《中华人民共和国土地管理法》第七十七条', ...over };
};

/** An .xlsx with a header row and the given rows. */
export const xlsx = async (headers: string[], rows: (string | number | null)[][]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export const uploadXlsx = (h: TestClient, path: string, data: Buffer) => {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(data)], 'import.xlsx'));
  return h.request('POST', path, form);
};

export const OFFICER_HEADERS = ['执法主体', '姓名', '身份证号码', '岗位', '法制审核人员', '证件类型', '证件编号', '发证日期', '有效期至'];
