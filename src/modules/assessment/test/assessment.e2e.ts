import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, logout, newContext, pickOption, shot, startServer, type RunningServer } from '../../../../test/e2e/browser';

describe('浏览器：法治考核主流程', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let reportUrl = '';
  const year = new Date().getFullYear();

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('依法治办打开本年度考核方案：考核项目合计100分', async () => {
    await login(page, server.url, 'yfzs');
    await page.goto(`${server.url}/assessment/schemes`);
    await page.getByRole('link', { name: `${year}年度法治建设考核方案`, exact: true }).click();
    await page.getByTestId('scheme-title').waitFor();
    assert.equal((await page.getByTestId('items-total').innerText()).trim(), '100');
    await shot(page, 'assessment-01-scheme-items');
  });

  test('自动取数后在评分表录入一个得分', async () => {
    await page.getByTestId('compute-auto').click();
    await page.locator('.ant-message', { hasText: '自动取数完成' }).waitFor();
    await page.getByRole('tab', { name: '评分' }).click();
    const row = page.getByTestId('score-grid').locator('tr', { hasText: '示范市住房和城乡建设局' });
    const input = row.locator('input').first();
    await input.fill('13.5');
    await page.getByTestId('scores-save').click();
    await page.locator('.ant-message', { hasText: '评分已保存' }).waitFor();
    await shot(page, 'assessment-02-scoring');
  });

  test('结果表显示排名与总分柱状图', async () => {
    await page.getByRole('tab', { name: '结果' }).click();
    const table = page.getByTestId('results-table');
    await table.waitFor();
    const first = table.locator('tbody tr.ant-table-row').first();
    assert.equal((await first.locator('td').first().innerText()).trim(), '1');
    assert.ok((await table.innerText()).includes('示范市住房和城乡建设局'));
    await page.getByTestId('results-chart').locator('canvas').waitFor();
    await shot(page, 'assessment-03-results');
  });

  test('单位法制员报送述职述法报告', async () => {
    await logout(page);
    await login(page, server.url, 'qs_fzy');
    await page.goto(`${server.url}/assessment/duty-reports`);
    await page.getByTestId('duty-report-missing').waitFor();
    await shot(page, 'assessment-04-duty-reports');
    await page.getByTestId('duty-report-new').click();
    await page.getByTestId('reporter-name').fill('钱国华');
    await page.getByTestId('reporter-title').fill('党组书记、局长');
    await page.getByTestId('report-summary').fill('今年以来，本人认真履行推进法治建设第一责任人职责，主持党组会议专题研究法治建设3次，组织领导班子集体学法6次。');
    await page.getByTestId('duty-report-submit').click();
    await page.waitForURL(/\/assessment\/duty-reports\/\d+$/);
    reportUrl = page.url();
    await page.locator('[data-testid="status-tag"]', { hasText: '待审阅' }).first().waitFor();
    await shot(page, 'assessment-05-duty-report-submitted');
  });

  test('依法治办审阅述职述法报告', async () => {
    await logout(page);
    await login(page, server.url, 'yfzs');
    await page.goto(reportUrl);
    await page.getByTestId('transition-review').click();
    await pickOption(page, 'field-rating', '较好');
    await page.getByTestId('field-reviewComment').fill('履职情况具体，问题查找准确。');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已审阅' }).first().waitFor();
    assert.ok((await page.getByTestId('duty-report-info').innerText()).includes('较好'));
    await shot(page, 'assessment-06-duty-report-reviewed');
  });

  test('学法考试显示“两个百分百”', async () => {
    await page.goto(`${server.url}/assessment/exams`);
    await page.getByRole('link', { name: /领导干部学法用法考试/ }).click();
    await page.getByTestId('both-full').first().waitFor();
    await shot(page, 'assessment-07-exam');
    await page.goto(`${server.url}/assessment/study-sessions`);
    await page.getByTestId('list-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'assessment-08-study');
  });
});
