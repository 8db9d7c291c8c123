import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newContext, pickOption, shot, startServer, type RunningServer } from '../../../../../test/e2e/browser';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idNumber = (birth: string, seq: number) => {
  const body = `330921${birth}${String(seq).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
};

const officersXlsx = async (): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  ws.addRow(['执法主体', '姓名', '身份证号码', '岗位', '法制审核人员', '证件类型', '证件编号', '发证日期', '有效期至']);
  ws.addRow(['青山县市场监督管理局', '导入一', idNumber('19880315', 611), '执法队员', '否', '行政执法证', 'E2E-IMP-0001', '2026-01-05', '']);
  ws.addRow(['青山县市场监督管理局', '导入二', '330921198803150000', '执法队员', '否', '行政执法证', 'E2E-IMP-0002', '2026-01-05', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('浏览器：执法人员登记、发证、调离注销、导入与看板', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const certNo = `E2E-ZF-${Date.now() % 100000}`;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('县司法局执法监督人员在青山县市场监督管理局登记执法人员并制发执法证', async () => {
    await login(page, server.url, 'qs_zfjd');
    await page.goto(`${server.url}/enforcement/officers`);
    await page.getByTestId('list-table').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'enf-registry-01-officers');
    await page.getByTestId('officer-new').click();
    await pickOption(page, 'officer-body', '青山县市场监督管理局');
    await page.getByTestId('officer-name').fill('林执法');
    await page.getByTestId('officer-id-number').fill(idNumber('19900512', 321));
    await page.getByTestId('officer-form-ok').click();
    await page.waitForURL(/\/enforcement\/officers\/\d+$/);
    await page.getByTestId('cert-new').click();
    await page.getByTestId('cert-no').fill(certNo);
    await page.getByTestId('cert-form-ok').click();
    await page.getByTestId(`cert-status-${certNo}`).waitFor();
    assert.equal((await page.getByTestId(`cert-status-${certNo}`).innerText()).trim(), '有效');
    await shot(page, 'enf-registry-02-officer-certified');
    // Correct the officer's post and mark them as 法制审核 staff.
    await page.getByTestId('officer-edit').click();
    await page.getByTestId('officer-edit-form').locator('input').nth(1).fill('法制审核岗');
    await page.getByTestId('officer-edit-reviewer').click();
    await page.getByTestId('officer-edit-form-ok').click();
    await page.getByTestId('officer-edit-form').waitFor({ state: 'detached' });
    await page.locator('.ant-descriptions-item-content', { hasText: '法制审核岗' }).waitFor();
  });

  test('人员调离后其执法证显示注销', async () => {
    await page.getByTestId('transition-transfer').click();
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '调离' }).first().waitFor();
    await page.locator(`[data-testid="cert-status-${certNo}"]`, { hasText: '注销' }).waitFor();
    await shot(page, 'enf-registry-03-transferred');
  });

  test('导入含一行错误的人员表：全部不写入，看到该行的错误', async () => {
    await page.goto(`${server.url}/enforcement/officers`);
    await page.getByTestId('list-table').waitFor();
    await page.locator('input[type=file]').first().setInputFiles({ name: '执法人员.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await officersXlsx() });
    const dialog = page.locator('.ant-modal', { hasText: '导入结果' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.ok(text.includes('未导入任何数据'), text);
    assert.ok(text.includes('身份证号码无效'), text);
    assert.ok(/\b3\b/.test(text), '错误在第 3 行');
    await page.waitForTimeout(600);
    await shot(page, 'enf-registry-04-import-errors');
    await dialog.getByRole('button', { name: '知道了' }).click();
  });

  test('应清理证件与看板', async () => {
    await page.goto(`${server.url}/enforcement/certificates/cleanup`);
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'enf-registry-05-cleanup');
    await page.goto(`${server.url}/enforcement/registry-board`);
    await page.getByTestId('board-figures').waitFor();
    await page.getByTestId('ratio-table').locator('.ant-tag', { hasText: '低于' }).first().waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'enf-registry-06-board');
    await page.goto(`${server.url}/portal/enforcement/benchmarks`);
    await page.getByTestId('portal-benchmarks').locator('.ant-table-row').first().waitFor();
    await shot(page, 'enf-registry-07-portal');
  });

  test('修改执法主体的设立依据，详情页显示新依据并记入操作记录', async () => {
    await page.goto(`${server.url}/enforcement/bodies`);
    await page.locator('.ant-table-row a', { hasText: '青山县市场监督管理局' }).first().click();
    await page.getByTestId('body-edit').click();
    const basis = page.getByTestId('body-edit-form').locator('textarea').first();
    await basis.fill('《中华人民共和国行政处罚法》第十七条；《市场监督管理行政处罚程序规定》');
    await page.getByTestId('body-edit-form-ok').click();
    await page.getByTestId('body-info').getByText('《市场监督管理行政处罚程序规定》').waitFor();
    await page.getByTestId('body-edit-form').waitFor({ state: 'detached' });
    await shot(page, 'enf-registry-08-body-edited');
  });
});
