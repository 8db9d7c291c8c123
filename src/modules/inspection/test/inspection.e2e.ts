import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, logout, newContext, pickOption, shot, startServer, type RunningServer } from '../../../../test/e2e/browser';

describe('浏览器：法治督察督办全流程', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let orderUrl = '';

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('依法治市办记录青山县自然资源局的督察问题并签发督办单，下载督办单（.docx）', async () => {
    await login(page, server.url, 'yfzs');
    assert.ok((await page.getByTestId('side-menu').innerText()).includes('督办单'));
    await page.goto(`${server.url}/inspection/findings`);
    await page.getByTestId('finding-table').waitFor();
    await shot(page, 'inspection-01-findings');
    await page.getByTestId('finding-new').click();
    await pickOption(page, 'finding-org', '青山县自然资源局');
    await page.getByTestId('finding-description').fill('浏览器测试：林地行政处罚案卷未附法制审核意见。');
    await page.getByTestId('finding-requirement').fill('补正法制审核意见并建立台账。');
    await page.getByTestId('finding-submit').click();
    await page.getByTestId('finding-form').waitFor({ state: 'detached' });
    await page.goto(`${server.url}/inspection/findings?q=${encodeURIComponent('浏览器测试')}`);
    await page.getByTestId('finding-table').locator('.ant-table-row').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await shot(page, 'inspection-01b-finding-recorded');
    await page.locator('[data-testid^="finding-issue-"]').first().click();
    await page.waitForURL(/\/inspection\/orders\/new\?/);
    await page.getByTestId('order-title').fill('林地行政处罚案卷法制审核问题整改');
    await shot(page, 'inspection-02-issue');
    await page.getByTestId('order-submit').click();
    await page.waitForURL(/\/inspection\/orders\/\d+$/);
    orderUrl = page.url();
    await page.locator('[data-testid="status-tag"]', { hasText: '已签发' }).first().waitFor();
    assert.equal(await page.getByTestId('deadline-rectification').getAttribute('data-tone'), 'green');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('order-document').click()]);
    assert.match(download.suggestedFilename(), /^督办单-市依法治市办督办〔\d{4}〕\d+号\.docx$/);
    assert.equal(readFileSync((await download.path())!).subarray(0, 2).toString(), 'PK');
    await shot(page, 'inspection-03-issued');
  });

  test('青山县自然资源局法制员上传佐证材料并报送整改情况', async () => {
    await logout(page);
    await login(page, server.url, 'qs_fzy');
    await page.goto(orderUrl);
    await page.getByRole('tab', { name: '附件' }).click();
    await page.locator('input[type=file]').first().setInputFiles({ name: '整改佐证材料.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%evidence\n') });
    await page.getByText('整改佐证材料.pdf').first().waitFor();
    await page.getByTestId('transition-submitRectification').click();
    await page.getByTestId('field-measures').fill('组织专题会议研究，逐卷补正法制审核意见。');
    await page.getByTestId('field-result').fill('5卷案卷已全部补正，建立了法制审核台账。');
    const date = page.getByTestId('field-completedOn').locator('input').or(page.locator('input[data-testid="field-completedOn"]')).first();
    await date.click();
    await date.fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    await date.press('Tab');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '整改已报送' }).first().waitFor();
    await shot(page, 'inspection-04-submitted');
  });

  test('依法治市办核查销号', async () => {
    await logout(page);
    await login(page, server.url, 'yfzs');
    await page.goto(orderUrl);
    await page.getByTestId('transition-close').click();
    await page.getByTestId('field-verificationOpinion').fill('经核查，整改到位，同意销号。');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已销号' }).first().waitFor();
    await page.getByRole('tab', { name: '办理过程' }).click();
    await shot(page, 'inspection-05-closed');
  });

  test('逾期事项一键转督办，督办单链接回原记录', async () => {
    await page.goto(`${server.url}/inspection/overdue`);
    await page.getByTestId('overdue-table').waitFor();
    const button = page.locator('[data-testid^="to-order-"]').first();
    await button.waitFor();
    await shot(page, 'inspection-06-overdue');
    await button.click();
    await page.getByTestId('from-deadline-submit').click();
    await page.waitForURL(/\/inspection\/orders\/\d+$/);
    const source = page.getByTestId('order-source-link');
    await source.waitFor();
    assert.match((await source.getAttribute('href')) ?? '', /^\/[a-z-]+\/[a-z-]+\/\d+$/);
    await shot(page, 'inspection-07-from-deadline');
  });

  test('督办看板与约谈通报', async () => {
    await page.goto(`${server.url}/inspection/board`);
    await page.getByTestId('board-chart').waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'inspection-08-board');
    await page.goto(`${server.url}/inspection/notices`);
    await page.getByTestId('notice-table').locator('.ant-table-row').first().waitFor();
    await shot(page, 'inspection-09-notices');
    await page.goto(`${server.url}/inspection/plans`);
    await page.getByTestId('plan-table').locator('.ant-table-row').first().waitFor();
    await page.getByTestId('plan-table').locator('a').first().click();
    await page.getByText('督察对象（').waitFor();
    await shot(page, 'inspection-10-plan');
  });
});
