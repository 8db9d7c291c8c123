import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { toLocalDate } from '../../../kernel/shared/local-date';
import { launchBrowser, login, logout, newContext, pickOption, shot, startServer, typeDate, type RunningServer } from '../../../../test/e2e/browser';

const inDays = (n: number): string => {
  const d = new Date(`${toLocalDate(new Date())}T12:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + n);
  return toLocalDate(d);
};

describe('浏览器：示范创建任务分解—报送—销号', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let url = '';
  const title = `浏览器测试任务${Date.now() % 100000}`;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('依法治市办查看指标体系（含待核实标注与实时数据），并在三级指标下分解任务给青山县自然资源局', async () => {
    await login(page, server.url, 'yfzs');
    await page.goto(`${server.url}/demonstration/indicators`);
    await page.getByTestId('indicator-tree').locator('tr', { hasText: '政务服务便利化' }).first().waitFor();
    await shot(page, 'demonstration-01-indicators');
    await page.goto(`${server.url}/demonstration/tasks/new`);
    await page.getByTestId('task-indicator').click();
    await page.keyboard.type('规范行政审批中介服务');
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: '规范行政审批中介服务' }).first().click();
    await page.getByTestId('task-title').fill(title);
    await page.getByTestId('task-measures').fill('清理无依据的中介服务事项，公布保留事项清单');
    await pickOption(page, 'task-lead', '青山县自然资源局');
    await typeDate(page, 'task-due', inDays(30));
    await shot(page, 'demonstration-02-create');
    await page.getByTestId('task-submit').click();
    await page.waitForURL(/\/demonstration\/assignments\/\d+$/);
    url = page.url();
    await page.locator('[data-testid="status-tag"]', { hasText: '推进中' }).first().waitFor();
    assert.equal(await page.getByTestId('deadline-completion').getAttribute('data-tone'), 'green');
  });

  test('青山县自然资源局法制员上传佐证材料并报送进展', async () => {
    await logout(page);
    await login(page, server.url, 'qs_fzy');
    await page.goto(url);
    await page.getByRole('tab', { name: '附件' }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('attachment-upload').click()]);
    await chooser.setFiles({ name: '中介服务事项清单.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% 中介服务事项清单\n') });
    await page.locator('text=中介服务事项清单.pdf').first().waitFor();
    await page.getByRole('tab', { name: '基本信息' }).click();
    await page.getByTestId('transition-report').click();
    await page.getByTestId('field-progressSummary').fill('已清理中介服务事项12项，保留事项清单已在政府网站公布。');
    await page.getByTestId('field-progressPercent').locator('input').or(page.locator('input[data-testid="field-progressPercent"]')).first().fill('100');
    await page.getByTestId('field-selfScore').locator('input').or(page.locator('input[data-testid="field-selfScore"]')).first().fill('95');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '待审核' }).first().waitFor();
    await page.getByTestId('progress-list').waitFor();
    await shot(page, 'demonstration-03-reported');
  });

  test('依法治市办审核后销号并评分；挂图作战显示该单位已销号', async () => {
    await logout(page);
    await login(page, server.url, 'yfzs');
    await page.goto(url);
    await page.getByTestId('transition-close').click();
    await page.getByTestId('field-score').locator('input').or(page.locator('input[data-testid="field-score"]')).first().fill('92');
    await page.getByTestId('field-comment').fill('材料齐全，予以销号。');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已销号' }).first().waitFor();
    assert.equal((await page.getByTestId('assignment-score').innerText()).trim(), '92');
    await shot(page, 'demonstration-04-closed');
    await page.goto(`${server.url}/demonstration/board`);
    const row = page.getByTestId('board-units').locator('tr', { hasText: '青山县自然资源局' }).first();
    await row.waitFor();
    const closedCell = Number((await row.locator('td').nth(2).innerText()).trim());
    assert.ok(closedCell >= 1);
    await page.getByTestId('board-unit-chart').waitFor();
    await shot(page, 'demonstration-05-board');
    await page.goto(`${server.url}/demonstration/assignments?status=closed&q=${encodeURIComponent(title)}`);
    await page.getByTestId('list-table').locator('tr', { hasText: title }).first().waitFor();
    await shot(page, 'demonstration-06-list');
  });
});
