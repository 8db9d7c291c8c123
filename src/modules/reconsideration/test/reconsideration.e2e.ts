import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { WorkingCalendar } from '../../../kernel/calendar/working-calendar';
import { seedDaysFromChineseDays } from '../../../kernel/calendar/chinese-days-seed';
import { toLocalDate } from '../../../kernel/shared/local-date';
import { launchBrowser, login, logout, newContext, pickOption, shot, startServer, typeDate, type RunningServer } from '../../../../test/e2e/browser';

/** The first day a hearing may be held after notice today: five working days later (第五十一条). */
const hearingDay = (): string => {
  const { days, coveredYears } = seedDaysFromChineseDays([2025, 2026, 2027]);
  return new WorkingCalendar(days, coveredYears).addPeriod(toLocalDate(new Date()), 5, 'working_day').due;
};

describe('浏览器：行政复议主流程', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let code = '';
  let caseNo = '';

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('公众门户：网上申请行政复议，取得查询码', async () => {
    await page.goto(`${server.url}/portal/reconsideration`);
    await pickOption(page, 'portal-body', '示范市司法局');
    await page.getByTestId('applicants-0-name').fill('门户申请人');
    await page.getByTestId('applicants-0-phone').fill('13700002222');
    await page.getByTestId('applicants-0-address').fill('示范省示范市青山县河口镇河口村1号');
    await pickOption(page, 'respondent', '示范市公安局');
    await pickOption(page, 'case-field', '治安管理');
    await page.getByTestId('act-name').fill('行政处罚决定书（罚款五百元）');
    await typeDate(page, 'knew-date', toLocalDate(new Date()));
    await page.getByTestId('case-request').fill('请求撤销被申请人作出的行政处罚决定');
    await page.getByTestId('case-facts').fill('被申请人认定事实不清，未听取申请人的陈述和申辩。');
    await shot(page, 'recon-01-portal-apply');
    await page.getByTestId('portal-submit').click();
    code = (await page.getByTestId('receipt-code').innerText()).trim();
    assert.match(code, /^[A-Z0-9]{12}$/);
    await shot(page, 'recon-02-portal-receipt');
    await page.goto(`${server.url}/portal/reconsideration/query?code=${code}`);
    const result = await page.getByTestId('query-result').innerText();
    assert.ok(result.includes('待审查'));
    caseNo = /示司复〔\d{4}〕\d+号/.exec(result)![0];
  });

  test('复议人员受理、送达副本、收到答复、安排听证（五个工作日后）', async () => {
    await login(page, server.url, 'sz_fy');
    await page.goto(`${server.url}/reconsideration/cases?q=${encodeURIComponent(caseNo)}`);
    await page.getByTestId('list-table').waitFor();
    await shot(page, 'recon-03-list');
    await page.locator('a[data-testid^="case-link-"]', { hasText: caseNo }).click();
    await page.waitForURL(/\/reconsideration\/cases\/\d+$/);
    await page.getByTestId('deadline-review').waitFor();
    await page.getByTestId('transition-accept').click();
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已受理' }).first().waitFor();
    await page.getByTestId('transition-sendCopy').click();
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '待被申请人答复' }).first().waitFor();
    await page.getByTestId('transition-receiveAnswer').click();
    await page.getByTestId('field-answerSummary').fill('被申请人提交了现场执法记录仪视频和询问笔录。');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '审理中' }).first().waitFor();
    await page.getByTestId('transition-scheduleHearing').click();
    await typeDate(page, 'field-hearingDate', hearingDay());
    await page.getByTestId('field-hearingPlace').fill('市司法局行政复议听证室');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '待听证' }).first().waitFor();
    await shot(page, 'recon-04-hearing-scheduled');
  });

  test('申请人放弃听证后拟定决定，负责人批准，下载编号的决定书', async () => {
    const url = page.url();
    await page.getByTestId('transition-cancelHearing').click();
    await page.getByTestId('field-reason').fill('申请人书面表示放弃听证');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '审理中' }).first().waitFor();
    await page.getByTestId('transition-draftDecision').click();
    await pickOption(page, 'field-decisionType', '撤销');
    await page.getByTestId('field-decisionFacts').fill('被申请人作出处罚前未告知申请人陈述申辩的权利。');
    await page.getByTestId('field-decisionReasons').fill('被申请人违反法定程序。');
    await page.getByTestId('field-decisionMain').fill('撤销被申请人作出的行政处罚决定。');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '决定待审批' }).first().waitFor();
    await logout(page);
    await login(page, server.url, 'sz_fyfzr');
    await page.goto(url);
    await page.getByTestId('transition-approveDecision').click();
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已决定' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('decision-document').click()]);
    assert.match(download.suggestedFilename(), /^行政复议决定书-示司复决〔\d{4}〕\d+号\.docx$/);
    assert.equal(readFileSync((await download.path())!).subarray(0, 2).toString(), 'PK');
    await shot(page, 'recon-05-decided');
  });

  test('门户凭查询码查询显示已决定；统计页有图表', async () => {
    await page.goto(`${server.url}/reconsideration/board`);
    await page.getByTestId('board-figures').waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'recon-06-board');
    await logout(page);
    await page.goto(`${server.url}/portal/reconsideration/query?code=${code}`);
    assert.ok((await page.getByTestId('query-result').innerText()).includes('已决定'));
    await shot(page, 'recon-07-portal-decided');
  });
});
