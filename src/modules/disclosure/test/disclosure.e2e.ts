import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { WorkingCalendar } from '../../../kernel/calendar/working-calendar';
import { seedDaysFromChineseDays } from '../../../kernel/calendar/chinese-days-seed';
import { toLocalDate } from '../../../kernel/shared/local-date';
import { launchBrowser, login, logout, newContext, pickOption, shot, startServer, typeDate, type RunningServer } from '../../../../test/e2e/browser';

// A receipt date whose 20-working-day reply period (条例第33条) has 4 working days left today: yellow.
const receivedDateWithDaysLeft = (left: number): string => {
  const { days, coveredYears } = seedDaysFromChineseDays([2024, 2025, 2026]);
  const cal = new WorkingCalendar(days, coveredYears);
  const today = toLocalDate(new Date());
  for (let back = 1; back < 60; back += 1) {
    const d = new Date(`${today}T12:00:00+08:00`);
    d.setUTCDate(d.getUTCDate() - back);
    const start = toLocalDate(d);
    if (cal.workingDaysUntil(today, cal.addPeriod(start, 20, 'working_day').due) === left) return start;
  }
  throw new Error('找不到合适的收到日期');
};

describe('浏览器：依申请公开全流程', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let requestUrl = '';

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('登录后首页显示待办与临近期限，菜单按权限生成', async () => {
    await login(page, server.url, 'qs_gk');
    await page.getByTestId('home-todos').waitFor();
    assert.ok((await page.getByTestId('side-menu').innerText()).includes('依申请公开'));
    assert.ok(!(await page.getByTestId('side-menu').innerText()).includes('审计日志'));
    await shot(page, '01-home');
  });

  test('登记申请：答复期限剩余4个工作日显示黄色', async () => {
    await page.goto(`${server.url}/disclosure/requests/new`);
    await page.getByTestId('applicant-name').fill('浏览器测试申请人');
    await page.getByTestId('applicant-phone').fill('13900001111');
    await page.getByTestId('applicant-address').fill('示范省示范市青山县城关镇人民路18号');
    await page.getByTestId('request-content').fill('本县2026年度城乡低保资金发放情况');
    await typeDate(page, 'request-received-date', receivedDateWithDaysLeft(4));
    await shot(page, '02-register');
    await page.getByTestId('disclosure-submit').click();
    await page.waitForURL(/\/disclosure\/requests\/\d+$/);
    requestUrl = page.url();
    const badge = page.getByTestId('deadline-reply');
    await badge.waitFor();
    assert.equal(await badge.getAttribute('data-tone'), 'yellow');
    await shot(page, '03-detail-yellow');
  });

  test('审查通过后由负责人批准延长20个工作日，期限由黄转绿', async () => {
    await page.getByTestId('transition-accept').click();
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '办理中' }).first().waitFor();
    await logout(page);
    await login(page, server.url, 'qs_fzr');
    await page.goto(requestUrl);
    await page.getByTestId('transition-extend').click();
    await page.getByTestId('field-extensionDays').locator('input').or(page.locator('input[data-testid="field-extensionDays"]')).first().fill('20');
    await page.getByTestId('field-reason').fill('涉及多个年度档案，需调档核查');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="deadline-reply"][data-tone="green"]').waitFor();
    await shot(page, '04-extended-green');
  });

  test('作出答复并下载编号的答复书（.docx）', async () => {
    await logout(page);
    await login(page, server.url, 'qs_gk');
    await page.goto(requestUrl);
    await page.getByTestId('transition-reply').click();
    await pickOption(page, 'field-replyType', '予以公开');
    await page.getByTestId('field-replySummary').fill('现将所申请信息以电子邮件方式提供。');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已答复' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reply-document').click()]);
    assert.match(download.suggestedFilename(), /^政府信息公开申请答复书-青政办依申复〔\d{4}〕\d+号\.docx$/);
    const bytes = readFileSync((await download.path())!);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    await shot(page, '05-replied');
  });

  test('列表按状态筛选并导出 Excel', async () => {
    await page.goto(`${server.url}/disclosure/requests?status=replied`);
    await page.getByTestId('list-table').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    assert.equal(readFileSync((await download.path())!).subarray(0, 2).toString(), 'PK');
    await shot(page, '06-list');
  });

  test('公众门户：网上申请取得查询码，凭码查询进度', async () => {
    await logout(page);
    await page.goto(`${server.url}/portal/disclosure`);
    await pickOption(page, 'portal-org', '青山县人民政府办公室');
    await page.getByTestId('applicant-name').fill('门户申请人');
    await page.getByTestId('applicant-phone').fill('13700002222');
    await page.getByTestId('applicant-address').fill('示范省示范市青山县河口镇河口村1号');
    await page.getByTestId('request-content').fill('本县重大行政决策事项目录');
    await page.getByTestId('portal-submit').click();
    const code = (await page.getByTestId('receipt-code').innerText()).trim();
    assert.match(code, /^[A-Z0-9]{12}$/);
    await shot(page, '07-portal-receipt');
    await page.goto(`${server.url}/portal/disclosure/query`);
    await page.getByTestId('query-code').fill(code);
    await page.getByTestId('query-submit').click();
    assert.ok((await page.getByTestId('query-result').innerText()).includes('待审查'));
    await shot(page, '08-portal-query');
  });
});
