import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, logout, newContext, pickOption, shot, startServer, typeDate, type RunningServer } from '../../../../../test/e2e/browser';

/** An antd InputNumber's input, whether the test id sits on the input or on its wrapper. */
const numberInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

describe('浏览器：案卷评查与执法监督主流程', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let docUrl = '';

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('市司法局新建交叉评查、随机抽取案卷、开始打分', async () => {
    await login(page, server.url, 'sz_zfjd');
    await page.goto(`${server.url}/enforcement/reviews`);
    await page.getByTestId('list-table').waitFor();
    await shot(page, 'enf-review-01-list');
    await page.getByTestId('review-new').click();
    await page.getByTestId('review-title').fill('浏览器测试交叉评查');
    await typeDate(page, 'review-period-from', '2024-01-01');
    await pickOption(page, 'review-bodies', '青山县市场监督管理局');
    await page.keyboard.press('Escape');
    await shot(page, 'enf-review-02-new');
    await page.getByTestId('post-ok').click();
    await page.waitForURL(/\/enforcement\/reviews\/\d+$/);
    await page.getByTestId('transition-startSampling').click();
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '抽取案卷' }).first().waitFor();
    await numberInput(page, 'sample-per-body').fill('3');
    await page.getByTestId('sample-submit').click();
    await page.locator('[data-testid="review-files"] tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('transition-startScoring').click();
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '评查打分' }).first().waitFor();
    await shot(page, 'enf-review-03-sampled');
  });

  test('为一卷打分并记录问题，据此签发意见书并下载 .docx', async () => {
    // Reviewers and the signer must hold a valid 行政执法监督证 of the register (山东省行政执法监督条例第22条):
    // the demo's holders are looked up as the user would on the 执法证件 page.
    const res = await page.request.get(`${server.url}/api/enforcement/certificates?kind=supervision&status=valid&expired=false&pageSize=50`);
    assert.equal(res.status(), 200);
    const holders = [...new Set(((await res.json()) as { items: { officerName: string }[] }).items.map((c) => c.officerName))];
    assert.ok(holders.length >= 2, `演示数据中持有效监督证的人员不足两人：${holders.join('、')}`);
    await page.locator('[data-testid^="score-file-"]').first().click();
    await numberInput(page, 'score-p1').fill('15');
    const reviewers = page.getByTestId('score-reviewers');
    await reviewers.click();
    await page.keyboard.type(holders[0]!);
    await page.keyboard.press('Enter');
    await page.keyboard.type(holders[1]!);
    await page.keyboard.press('Enter');
    await page.getByTestId('problem-add').click();
    await pickOption(page, 'problem-0-category', '程序');
    await page.getByTestId('problem-0-description').fill('告知陈述申辩期限未满即作出处罚决定');
    await shot(page, 'enf-review-04-score');
    await page.getByTestId('post-ok').click();
    await page.locator('[data-testid="review-results"] tbody tr.ant-table-row').first().waitFor();
    await page.locator('[data-testid="review-files"] .ant-table-row-expand-icon-collapsed').first().click();
    await page.locator('[data-testid^="issue-from-problem-"]').first().click();
    await page.getByTestId('doc-action').fill('请自行纠正，完善告知送达程序，并书面报告纠正情况。');
    await page.getByTestId('doc-signer').fill(holders[0]!);
    await shot(page, 'enf-review-05-issue');
    await page.getByTestId('post-ok').click();
    await page.waitForURL(/\/enforcement\/supervision\/\d+$/);
    docUrl = page.url();
    await page.locator('[data-testid="status-tag"]', { hasText: '待回复' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('doc-document').click()]);
    assert.match(download.suggestedFilename(), /^行政执法监督意见书-示司执监意〔\d{4}〕\d+号\.docx$/);
    await shot(page, 'enf-review-06-doc-issued');
  });

  test('执法主体（青山县市场监管局）回复，市司法局审核办结，看板计数', async () => {
    await logout(page);
    await login(page, server.url, 'qs_scjg');
    await page.goto(docUrl);
    await page.getByTestId('transition-reply').click();
    await page.getByTestId('field-replyContent').fill('已撤销原处罚决定，重新履行告知程序，并对承办人员开展培训。');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已回复待审核' }).first().waitFor();
    await shot(page, 'enf-review-07-replied');
    await logout(page);
    await login(page, server.url, 'sz_zfjd');
    await page.goto(docUrl);
    await page.getByTestId('transition-accept').click();
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已办结' }).first().waitFor();
    await shot(page, 'enf-review-08-closed');
    await page.goto(`${server.url}/enforcement/supervision-board`);
    const figures = page.getByTestId('board-figures');
    await figures.getByText('评查行政执法案卷').waitFor();
    const text = await figures.innerText();
    assert.match(text, /制发行政执法监督意见书\s*\n?\s*\d+/);
    await page.waitForTimeout(800);
    await shot(page, 'enf-review-09-board');
  });

  test('演示数据：文书、投诉、专项整治、特邀监督员与门户投诉页', async () => {
    await page.goto(`${server.url}/enforcement/supervision`);
    await page.getByTestId('list-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'enf-review-10-docs');
    await page.goto(`${server.url}/enforcement/complaints`);
    await page.getByTestId('list-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'enf-review-11-complaints');
    await page.goto(`${server.url}/enforcement/campaigns`);
    await page.getByTestId('list-table').locator('tbody tr.ant-table-row a').first().click();
    await page.getByTestId('campaign-missing').waitFor();
    await shot(page, 'enf-review-12-campaign');
    await page.goto(`${server.url}/enforcement/supervisors`);
    await page.getByTestId('supervisor-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(page, 'enf-review-13-supervisors');
    await page.goto(`${server.url}/portal/enforcement/complaint`);
    await page.getByTestId('portal-body').waitFor();
    await shot(page, 'enf-review-14-portal');
  });
});
