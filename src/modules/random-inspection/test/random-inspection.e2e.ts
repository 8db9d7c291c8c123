import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, logout, newContext, pickOption, shot, startServer, type RunningServer } from '../../../../test/e2e/browser';

describe('浏览器：双随机一公开主流程', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let planUrl = '';
  let creditCode = '';
  const TITLE = `青山县食品经营与用地联合抽查（浏览器测试${Date.now() % 10000}）`;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('市场监管局法制员新建分级联合计划（与自然资源局），发布报备，随机抽取并看到种子，核验一致', async () => {
    await login(page, server.url, 'qs_scjg');
    await page.goto(`${server.url}/random-inspection/plans`);
    await page.getByTestId('list-table').waitFor();
    await shot(page, 'ri-01-plan-list');
    await page.getByTestId('plan-new').click();
    await page.getByTestId('plan-title').fill(TITLE);
    await page.getByTestId('plan-kind').getByText('部门联合抽查').click();
    await page.getByTestId('participant-add').click();
    await pickOption(page, 'participant-0', '青山县自然资源局');
    await page.getByTestId('plan-scope').fill('城关镇、河口镇食品经营者及用地企业，进一次门、查多项事');
    await shot(page, 'ri-02-plan-new');
    await page.getByTestId('plan-submit').click();
    await page.waitForURL(/\/random-inspection\/plans\/\d+$/);
    planUrl = page.url();
    await page.locator('[data-testid="status-tag"]', { hasText: '草拟' }).first().waitFor();
    await page.getByTestId('transition-publish').click();
    await page.getByTestId('field-filedWith').fill('示范市市场监督管理局');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已发布' }).first().waitFor();
    await page.getByTestId('transition-draw').click();
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已抽取' }).first().waitFor();
    await page.getByRole('tab', { name: '抽取结果' }).click();
    const seed = (await page.getByTestId('draw-seed').first().innerText()).trim();
    assert.match(seed, /^[0-9a-f]{64}$/);
    await page.getByTestId('verify-draw').click();
    await page.getByTestId('verify-result').waitFor();
    assert.ok((await page.getByTestId('verify-result').innerText()).includes('一致'));
    assert.ok(!(await page.getByTestId('verify-result').innerText()).includes('不一致'));
    await shot(page, 'ri-03-drawn-verified');
    await logout(page);
  });

  test('执法人员录入检查结果并公示，门户可查到', async () => {
    await login(page, server.url, 'qs_zfry');
    await page.goto(planUrl);
    await page.getByRole('tab', { name: /检查结果/ }).click();
    const actions = page.locator('[data-testid^="result-actions-"]').filter({ has: page.getByTestId('transition-record') }).first();
    const rowId = (await actions.getAttribute('data-testid'))!.replace('result-actions-', '');
    creditCode = (await page.locator('tr', { has: page.getByTestId(`result-actions-${rowId}`) }).innerText()).match(/[0-9A-HJ-NPQRTUWXY]{18}/)![0];
    await actions.getByTestId('transition-record').click();
    await pickOption(page, 'field-outcome', '发现问题已责令整改');
    await page.getByTestId('field-notes').fill('进货查验记录不全，已当场责令限期整改。');
    await page.getByTestId('transition-ok').click();
    const row = page.getByTestId(`result-actions-${rowId}`);
    await row.getByTestId('transition-publish').waitFor();
    await shot(page, 'ri-04-recorded-awaiting');
    await row.getByTestId('transition-publish').click();
    await page.getByTestId('transition-ok').click();
    await page.locator('tr', { has: page.getByTestId(`result-actions-${rowId}`) }).getByText('已公示').first().waitFor();
    await logout(page);
    await page.goto(`${server.url}/portal/random-inspection?q=${creditCode}`);
    await page.getByTestId('portal-results').getByText(creditCode).waitFor();
    assert.ok((await page.getByTestId('portal-results').innerText()).includes('发现问题已责令整改'));
    await shot(page, 'ri-05-portal');
  });

  test('看板显示各单位比例，低于目标的单位标红', async () => {
    await login(page, server.url, 'yfzs');
    await page.goto(`${server.url}/random-inspection/board`);
    await page.getByTestId('board-table').waitFor();
    await page.getByText('绿水区市场监督管理局').first().waitFor();
    await page.waitForTimeout(800);
    const text = await page.getByTestId('board-table').innerText();
    assert.ok(text.includes('青山县市场监督管理局') && text.includes('目标 ≥80%'));
    await page.getByText('青山县市场监督管理局').first().click();
    await page.getByText('青山县市场监督管理局 各抽查事项的抽查比例').waitFor();
    await shot(page, 'ri-06-board');
  });
});
