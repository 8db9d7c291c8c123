import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, logout, newContext, pickOption, shot, startServer, type RunningServer } from '../../../../../test/e2e/browser';

interface Options {
  bodies: { id: number; name: string; items: { id: number; code: string; name: string; kind: string; hasBenchmark: boolean }[]; officers: { id: number; name: string }[] }[];
}

describe('浏览器：行政执法案件主流程（重大案件法制审核 → 决定 → 送达 → 公示 → 门户）', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let caseUrl = '';
  const decisionNo = `青市监罚决〔${new Date().getFullYear()}〕E2E号`;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('执法人员登记处罚案件（两名持证执法人员，重大），调查取证、告知、提交法制审核', async () => {
    await login(page, server.url, 'qs_zfry');
    await page.goto(`${server.url}/enforcement/cases`);
    await page.getByTestId('list-table').waitFor();
    await shot(page, 'enf-cases-01-list');
    const options = (await (await page.request.get(`${server.url}/api/enforcement/cases/options`)).json()) as Options;
    const body = options.bodies.find((b) => b.name === '青山县市场监督管理局') ?? options.bodies[0]!;
    const item = body.items.find((i) => i.kind === 'penalty' && i.hasBenchmark)!;
    assert.ok(item, '需要有裁量基准的处罚事项');
    assert.ok(body.officers.length >= 2, '需要两名持证执法人员');
    await page.getByTestId('case-new').click();
    await pickOption(page, 'case-body', body.name);
    await pickOption(page, 'case-item', item.code);
    await page.getByTestId('case-title').fill('青山县鑫源食品店未取得食品经营许可从事食品经营案');
    await page.getByTestId('case-party').fill('青山县鑫源食品店');
    await page.getByTestId('case-major').check();
    await pickOption(page, 'case-major-ground', '疑难复杂');
    await pickOption(page, 'case-officers', body.officers[0]!.name);
    await pickOption(page, 'case-officers', body.officers[1]!.name);
    await page.keyboard.press('Escape');
    await shot(page, 'enf-cases-02-register');
    await page.getByTestId('case-submit').click();
    await page.waitForURL(/\/enforcement\/cases\/\d+$/);
    caseUrl = page.url();
    await page.getByTestId('deadline-decision').waitFor();
    await page.getByTestId('transition-investigate').click();
    await page.getByTestId('field-investigationNote').fill('现场检查，制作现场笔录并全程录像，询问经营者。');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '调查取证' }).first().waitFor();
    await page.getByTestId('transition-notify').click();
    await page.getByTestId('field-noticeFacts').fill('经查，当事人未取得食品经营许可，自本年起在其店铺内从事预包装食品销售。');
    await page.getByTestId('field-proposedPenalty').fill('拟处罚款');
    await pickOption(page, 'field-hearingRightNotice', '否');
    // An antd InputNumber: the test id sits on the input or on its wrapper.
    await page.getByTestId('field-statementDays').locator('input').or(page.locator('input[data-testid="field-statementDays"]')).first().fill('5');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已告知' }).first().waitFor();
    // The decision follows the same day: only after the party's express waiver (行政处罚法第六十二条).
    await page.getByTestId('transition-waive').click();
    await pickOption(page, 'field-waiverScope', '放弃陈述、申辩权利');
    await page.getByTestId('field-waiverNote').fill('当事人当场签署书面声明，明确放弃陈述、申辩权利。');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已告知' }).first().waitFor();
    // 重大: no decision is offered before the legal review.
    assert.equal(await page.getByTestId('transition-decide').count(), 0);
    await page.getByTestId('transition-submitReview').click();
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '法制审核中' }).first().waitFor();
    await shot(page, 'enf-cases-03-legal-review');
  });

  test('法制员法制审核通过', async () => {
    await logout(page);
    await login(page, server.url, 'qs_scjg');
    await page.goto(caseUrl);
    await page.getByTestId('transition-reviewPass').click();
    await page.getByTestId('field-legalReviewOpinion').fill('执法主体合法，程序正当，事实清楚，证据确凿，适用依据正确，裁量适当，同意。');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '审核通过待决定' }).first().waitFor();
  });

  test('执法人员在裁量基准内作出罚款决定、送达、公示；门户列出该决定', async () => {
    await logout(page);
    await login(page, server.url, 'qs_zfry');
    await page.goto(caseUrl);
    const id = /cases\/(\d+)$/.exec(caseUrl)![1];
    const detail = (await (await page.request.get(`${server.url}/api/enforcement/cases/${id}`)).json()) as { benchmarks: { level: string; fineMinFen: number | null; fineMaxFen: number | null }[] };
    const b = detail.benchmarks.find((x) => x.fineMinFen !== null && x.fineMaxFen !== null)!;
    const fine = Math.round((b.fineMinFen! + b.fineMaxFen!) / 200);
    const levelLabel: Record<string, string> = { none: '不予处罚', mitigated: '减轻处罚', lighter: '从轻处罚', ordinary: '一般处罚', heavier: '从重处罚' };
    await page.getByTestId('transition-decide').click();
    await pickOption(page, 'field-decisionType', '给予行政处罚');
    await page.getByTestId('field-decisionNo').fill(decisionNo);
    await page.getByTestId('field-decisionContent').fill(`罚款人民币 ${fine} 元，责令改正违法行为。`);
    await page.getByTestId('field-fineYuan').locator('input').or(page.locator('input[data-testid="field-fineYuan"]')).first().fill(String(fine));
    await pickOption(page, 'field-benchmarkLevel', levelLabel[b.level]!);
    await shot(page, 'enf-cases-04-decide');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已决定' }).first().waitFor();
    await page.getByTestId('transition-serve').click();
    await pickOption(page, 'field-serviceMode', '宣告后当场交付');
    await page.getByTestId('transition-ok').click();
    await page.locator('[data-testid="status-tag"]', { hasText: '已送达' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('decision-document').click()]);
    assert.equal(download.suggestedFilename(), `行政处罚决定书-${decisionNo}.docx`);
    await page.getByTestId('tab-publication').click();
    await page.getByTestId('transition-publish').click();
    await page.getByTestId('field-conclusion').fill(`罚款人民币 ${fine} 元`);
    await page.getByTestId('transition-ok').click();
    await page.getByTestId('publication-tab').locator('[data-testid="status-tag"]', { hasText: '已公示' }).waitFor();
    await shot(page, 'enf-cases-05-published');
    await page.getByTestId('tab-records').click();
    await page.getByTestId('record-checklist').waitFor();
    await shot(page, 'enf-cases-06-records');
    await page.goto(`${server.url}/enforcement/cases-board`);
    await page.getByTestId('board-figures').waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'enf-cases-07-board');
    await logout(page);
    await page.goto(`${server.url}/portal/enforcement/publication?q=${encodeURIComponent(decisionNo)}`);
    await page.getByTestId('portal-publications').locator('tr', { hasText: decisionNo }).waitFor();
    const text = await page.getByTestId('portal-publications').innerText();
    assert.ok(text.includes('青山县市场监督管理局'));
    await shot(page, 'enf-cases-08-portal');
  });
});
