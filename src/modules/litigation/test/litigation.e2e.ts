import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { addDays, toLocalDate } from '../../../kernel/shared/local-date';
import { launchBrowser, login, logout, newContext, pickOption, shot, startServer, typeDate, type RunningServer } from '../../../../test/e2e/browser';

describe('浏览器：行政应诉主流程', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const today = toLocalDate(new Date());
  const courtNo = `（${today.slice(0, 4)}）示0123行初901号`;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('青山县自然资源局法制员登记案件（含送达日期），看到答辩期限，提交答辩', async () => {
    await login(page, server.url, 'qs_fzy');
    await page.goto(`${server.url}/litigation/cases/new`);
    await page.getByTestId('case-court').fill('青山县人民法院');
    await page.getByTestId('case-court-no').fill(courtNo);
    await pickOption(page, 'case-cause', '行政处罚');
    await page.getByTestId('case-act').fill('青自然资罚〔2026〕31号行政处罚决定');
    await page.getByTestId('plaintiffs-0-name').fill('浏览器原告');
    await shot(page, 'litigation-01-register');
    await page.getByTestId('case-submit').click();
    await page.waitForURL(/\/litigation\/cases\/\d+$/);
    const badge = page.getByTestId('deadline-defence').first();
    await badge.waitFor();
    assert.ok(['green', 'yellow'].includes((await badge.getAttribute('data-tone')) ?? ''));
    await shot(page, 'litigation-02-defence-deadline');
    await page.getByTestId('transition-fileDefence').click();
    await page.getByTestId('field-evidenceList').fill('1. 行政处罚决定书及送达回证\n2. 现场勘验笔录');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '待开庭' }).first().waitFor();
  });

  test('记录庭审：出庭通知书送达日期、副职负责人出庭；记录判决驳回诉讼请求', async () => {
    await page.getByRole('tab', { name: /庭审与出庭/ }).first().click();
    await page.getByTestId('add-hearing').click();
    await typeDate(page, 'hearing-notice-date', addDays(today, -5));
    await typeDate(page, 'hearing-identity-date', addDays(today, -1));
    await page.getByTestId('hearing-room').fill('第一审判庭');
    await pickOption(page, 'hearing-attendance', '副职负责人');
    await page.getByTestId('hearing-head-name').fill('钱副局长');
    await page.getByTestId('hearing-head-post').fill('副局长');
    await shot(page, 'litigation-03-hearing-form');
    await page.getByTestId('hearing-submit').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已开庭' }).first().waitFor();
    assert.ok((await page.getByTestId('hearings-table').innerText()).includes('副职负责人'));
    await page.getByTestId('transition-judge').click();
    await pickOption(page, 'field-outcome', '驳回诉讼请求');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已裁判' }).first().waitFor();
    await page.getByTestId('deadline-appealJudgment').first().waitFor();
    await shot(page, 'litigation-04-judged');
  });

  test('县司法局应诉人员在三色预警看板看到该局出庭率', async () => {
    await logout(page);
    await login(page, server.url, 'qs_ys');
    await page.goto(`${server.url}/litigation/warnings`);
    const table = page.getByTestId('warning-table');
    await table.waitFor();
    const row = table.locator('tr', { hasText: '青山县自然资源局' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /\d+(\.\d)?%/);
    assert.ok(!(await table.innerText()).includes('示范市公安局'), '县司法局只见本县机关');
    await page.waitForTimeout(800);
    await shot(page, 'litigation-05-board');
  });

  test('依法治市办在督察“逾期事项”页的风险预警标签看到红色单位，并可转督办', async () => {
    await logout(page);
    await login(page, server.url, 'yfzs');
    await page.goto(`${server.url}/inspection/overdue`);
    await page.getByTestId('tab-risks').click();
    const risks = page.getByTestId('risk-table');
    await risks.locator('tr', { hasText: '红色' }).first().waitFor();
    assert.ok((await risks.innerText()).includes('行政应诉红色预警'));
    await shot(page, 'litigation-06-risk-signals');
    await risks.locator('tr', { hasText: '行政应诉红色预警' }).first().getByRole('button', { name: '转督办' }).click();
    await page.waitForURL(/\/inspection\/orders\/new\?/);
    assert.match(await page.getByTestId('order-title').inputValue(), /行政应诉红色预警/);
    await shot(page, 'litigation-07-order-prefilled');
  });
});
