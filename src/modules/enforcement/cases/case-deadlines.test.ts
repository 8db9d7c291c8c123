/**
 * Statutory periods of the enforcement cases area with literal dates across real holidays and 调休 days
 * (checked against chinese-days): each test names its article.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../../kernel';
import { createTestWorld, type TestWorld } from '../../../../test/support/test-platform';
import { clockOf, DECIDE, newCase, NOTIFY, pubStep, setupBody, step, WAIVE, type CaseSetup } from './test/fixtures';

const fails = async (p: Promise<unknown>, re: RegExp) => {
  await assert.rejects(p, (e: unknown) => e instanceof AppError && re.test(`${e.message} ${JSON.stringify(e.details ?? {})}`));
};

/** A penalty case filed on `filed`, investigated and notified on `notice` (陈述申辩 period `statementDays` working days). */
const notified = async (world: TestWorld, s: CaseSetup, filed: string, notice: string, hearing: boolean, statementDays = 5) => {
  const c = await newCase(world, s, filed);
  await step(world, filed, c.id, 'investigate');
  await step(world, notice, c.id, 'notify', NOTIFY(notice, hearing, statementDays));
  return c;
};

describe('行政执法案件的法定期限', () => {
  let world: TestWorld;
  let s: CaseSetup;
  before(async () => {
    world = await createTestWorld({ now: '2024-09-02T09:00:00' });
    s = await setupBody(world, world.units.countyADept);
  });
  after(() => world.close());

  test('行政处罚法第六十条：自立案之日起九十日内作出决定；2025-07-03 立案，第九十日 2025-10-01 为国庆假期，顺延至 2025-10-09', async () => {
    const c = await newCase(world, s, '2025-07-03');
    assert.equal((await clockOf(world, c.id, 'decision'))!.dueDate, '2025-10-09');
    // Only penalty cases run this clock.
    const l = await newCase(world, s, '2025-07-03', { kind: 'licence', itemId: s.items.licence });
    assert.equal(await clockOf(world, l.id, 'decision'), undefined);
  });

  test('行政处罚法第六十四条第一项：当事人在告知后五个工作日内申请听证；2025-09-30 告知，国庆中秋假期后 10-11（周六调休上班）计入，10-14 为最后一日，10-15 申请被拒绝', async () => {
    const c = await notified(world, s, '2025-09-01', '2025-09-30', true);
    assert.equal((await clockOf(world, c.id, 'hearingRequest'))!.dueDate, '2025-10-14');
    await fails(step(world, '2025-10-15', c.id, 'requestHearing', { hearingRequestDate: '2025-10-15' }), /五个工作日内（2025-10-14 前）/);
    const ok = await step(world, '2025-10-14', c.id, 'requestHearing', { hearingRequestDate: '2025-10-14' });
    assert.equal(ok.status, 'hearing_requested');
    assert.equal((await clockOf(world, c.id, 'hearingRequest'))!.status, 'stopped');
    // Without the hearing-right notice (not a 第六十三条 case) no hearing may be requested.
    const plain = await notified(world, s, '2025-09-01', '2025-09-30', false);
    await fails(step(world, '2025-10-09', plain.id, 'requestHearing', { hearingRequestDate: '2025-10-09' }), /未告知听证权利/);
  });

  test('行政处罚法第六十四条第二项：听证七个工作日前通知；2026-02-12 通知，春节假期后 2026-02-28（周六调休上班）为最早听证日，2026-02-27 被拒绝', async () => {
    const c = await notified(world, s, '2026-02-02', '2026-02-05', true);
    await step(world, '2026-02-06', c.id, 'requestHearing', { hearingRequestDate: '2026-02-06' });
    const input = (hearingDate: string) => ({ hearingNoticeDate: '2026-02-12', hearingDate, hearingPlace: '局听证室', hearingPresider: '法规科 周科长' });
    await fails(step(world, '2026-02-12', c.id, 'scheduleHearing', input('2026-02-27')), /听证日期不早于 2026-02-28/);
    assert.equal((await step(world, '2026-02-12', c.id, 'scheduleHearing', input('2026-02-28'))).status, 'hearing_scheduled');
  });

  test('行政处罚法第四十五条、第六十二条：陈述申辩期内不得作出处罚决定；2026-09-30 送达告知书、期限五个工作日，国庆假期后 10-08、10-09、10-10（周六调休上班）、10-12、10-13 计入，10-13 决定被拒绝，最早 2026-10-14', async () => {
    const c = await notified(world, s, '2026-09-01', '2026-09-30', false);
    await fails(step(world, '2026-10-13', c.id, 'decide', DECIDE('2026-10-13')), /陈述、申辩期限（2026-09-30 告知书送达起 5 个工作日，至 2026-10-13）.*第四十五条、第六十二条.*最早可于 2026-10-14 作出决定/);
    assert.equal((await step(world, '2026-10-14', c.id, 'decide', DECIDE('2026-10-14'))).status, 'decided');
    // The period is the 告知书's: 3 working days end on 2026-10-10 (the 调休 Saturday).
    const short = await notified(world, s, '2026-09-01', '2026-09-30', false, 3);
    await fails(step(world, '2026-10-10', short.id, 'decide', DECIDE('2026-10-10')), /至 2026-10-10.*最早可于 2026-10-11/);
    // Not a 处罚 decision: 不予处罚 needs no wait.
    const none = await notified(world, s, '2026-09-01', '2026-09-30', false);
    const noPenalty = DECIDE('2026-10-09', { decisionType: 'no_penalty', fineYuan: null, benchmarkLevel: null, noPenaltyBasis: 'FIRST_MINOR', educationRecord: '当场教育' });
    assert.equal((await step(world, '2026-10-09', none.id, 'decide', noPenalty)).status, 'decided');
  });

  test('行政处罚法第六十二条、第六十四条第一项：告知听证权利的，五个工作日听证申请期内不得作出处罚决定；2026-02-12 告知，02-14（周六调休上班）计入，春节假期后 02-26 届满，02-25 决定被拒绝，最早 2026-02-27', async () => {
    const c = await notified(world, s, '2026-02-02', '2026-02-12', true, 3);
    // Both windows open on 02-24 (the 陈述申辩 period of 3 working days ends that day).
    await fails(step(world, '2026-02-24', c.id, 'decide', DECIDE('2026-02-24')), /至 2026-02-24）、听证申请期限（五个工作日，至 2026-02-26）.*第六十四条第一项.*最早可于 2026-02-27/);
    // A waiver of 陈述申辩 alone leaves the hearing window open.
    await step(world, '2026-02-13', c.id, 'waive', WAIVE('2026-02-13', false));
    await fails(step(world, '2026-02-25', c.id, 'decide', DECIDE('2026-02-25')), /^(?!.*陈述、申辩期限).*听证申请期限（五个工作日，至 2026-02-26）.*最早可于 2026-02-27/);
    assert.equal((await step(world, '2026-02-27', c.id, 'decide', DECIDE('2026-02-27'))).status, 'decided');
  });

  test('行政处罚法第六十二条：当事人明确放弃陈述、申辩和听证权利的，自放弃之日起可以作出决定，放弃须记录日期与方式；放弃听证后不得再申请听证', async () => {
    const c = await notified(world, s, '2026-02-02', '2026-02-12', true);
    await fails(step(world, '2026-02-13', c.id, 'waive', { waiverDate: '2026-02-13', waiverScope: 'statement_and_hearing' }), /放弃的方式/);
    await fails(step(world, '2026-02-13', c.id, 'waive', WAIVE('2026-02-11', true)), /不能早于告知日期/);
    await step(world, '2026-02-13', c.id, 'waive', WAIVE('2026-02-13', true));
    await fails(step(world, '2026-02-13', c.id, 'waive', WAIVE('2026-02-13', true)), /已记录当事人于 2026-02-13 明确放弃/);
    await fails(step(world, '2026-02-13', c.id, 'requestHearing', { hearingRequestDate: '2026-02-13' }), /已于 2026-02-13 明确放弃听证权利/);
    // Decided the day before the waiver: refused, the earliest day is the waiver's.
    await fails(step(world, '2026-02-13', c.id, 'decide', DECIDE('2026-02-12')), /最早可于 2026-02-13/);
    assert.equal((await step(world, '2026-02-13', c.id, 'decide', DECIDE('2026-02-13'))).status, 'decided');
    // Without a hearing right the waiver is of 陈述申辩 only.
    const plain = await notified(world, s, '2026-02-02', '2026-02-12', false);
    await fails(step(world, '2026-02-13', plain.id, 'waive', WAIVE('2026-02-13', true)), /未告知听证权利/);
  });

  test('行政处罚法第六十四条第四项：听证由非本案调查人员主持；主持人为本案承办执法人员或立案人的被拒绝', async () => {
    const c = await notified(world, s, '2026-02-02', '2026-02-05', true);
    await step(world, '2026-02-06', c.id, 'requestHearing', { hearingRequestDate: '2026-02-06' });
    const input = (hearingPresider: string) => ({ hearingNoticeDate: '2026-02-12', hearingDate: '2026-02-28', hearingPlace: '局听证室', hearingPresider });
    const handler = s.officers[0]!.name;
    await fails(step(world, '2026-02-12', c.id, 'scheduleHearing', input(handler)), new RegExp(`第六十四条第四项.*${handler} 是本案的承办`));
    await fails(step(world, '2026-02-12', c.id, 'scheduleHearing', input(`法规科 ${s.officers[1]!.name}`)), /第六十四条第四项/);
    const registrant = (await world.ctxAs('staffA')).actor!.displayName;
    await fails(step(world, '2026-02-12', c.id, 'scheduleHearing', input(registrant)), /第六十四条第四项/);
    // An officer of the body who did not handle this case may preside.
    assert.equal((await step(world, '2026-02-12', c.id, 'scheduleHearing', input(`法规科 ${s.officers[2]!.name}`))).status, 'hearing_scheduled');
  });

  test('行政处罚法第六十一条：当事人不在场的，七个工作日内送达；2026-04-29 决定，劳动节假期后 2026-05-09（周六调休上班）计入，2026-05-12 届满', async () => {
    const c = await notified(world, s, '2026-04-01', '2026-04-20', false);
    await step(world, '2026-04-29', c.id, 'decide', DECIDE('2026-04-29'));
    assert.equal((await clockOf(world, c.id, 'service'))!.dueDate, '2026-05-12');
    // 国办发〔2018〕118号: 处罚 decisions are published within 7 working days, the same dates.
    assert.equal((await clockOf(world, c.id, 'publishQuick', true))!.dueDate, '2026-05-12');
  });

  test('行政处罚法第六十七条：收到决定书之日起十五日内缴纳罚款；2026-09-20（周日调休上班）送达，第十五日 2026-10-05 为国庆假期，顺延至 2026-10-08', async () => {
    const c = await notified(world, s, '2026-09-01', '2026-09-10', false);
    await step(world, '2026-09-18', c.id, 'decide', DECIDE('2026-09-18'));
    await step(world, '2026-09-20', c.id, 'serve', { servedDate: '2026-09-20', serviceMode: 'absent' });
    assert.equal((await clockOf(world, c.id, 'payment'))!.dueDate, '2026-10-08');
    await step(world, '2026-10-08', c.id, 'execute', { executionMode: 'paid', paidDate: '2026-10-08' });
    assert.equal((await clockOf(world, c.id, 'payment'))!.status, 'stopped');
  });

  test('国办发〔2018〕118号：其他执法决定二十个工作日内公示；2024-09-27 检查结果，国庆假期与 09-29、10-12 调休上班日计入，2024-10-30 届满', async () => {
    const c = await newCase(world, s, '2024-09-27', { kind: 'inspection', itemId: s.items.inspection, riskClass: 'B' });
    await step(world, '2024-09-27', c.id, 'decide', { decidedDate: '2024-09-27', decisionType: 'order_correct', decisionNo: '甲查〔2024〕1号', decisionContent: '责令整改' });
    assert.equal((await clockOf(world, c.id, 'publishOther', true))!.dueDate, '2024-10-30');
    await pubStep(world, '2024-10-30', c.id, 'publish', { publishedDate: '2024-10-30', conclusion: '责令整改' });
    assert.equal((await clockOf(world, c.id, 'publishOther', true))!.status, 'stopped');
  });

  test('行政处罚法第四十八条第二款：决定被撤销后三个工作日内撤回公示；2025-01-24 撤销，01-26（周日调休上班）、01-27 计入，春节假期后 2025-02-05 届满', async () => {
    // Notified on the filing day: the 5-working-day 陈述申辩 period ends 2025-01-09, before the decision (第六十二条).
    const c = await notified(world, s, '2025-01-02', '2025-01-02', false);
    await step(world, '2025-01-10', c.id, 'decide', DECIDE('2025-01-10'));
    await pubStep(world, '2025-01-13', c.id, 'publish', { publishedDate: '2025-01-13', conclusion: '罚款三千元' });
    await fails(pubStep(world, '2025-01-24', c.id, 'requestWithdrawal', { changedDate: '2025-01-24', withdrawGround: 'revoked' }), /撤回理由/);
    await pubStep(world, '2025-01-24', c.id, 'requestWithdrawal', { changedDate: '2025-01-24', withdrawGround: 'revoked', reason: '经行政复议被撤销' });
    assert.equal((await clockOf(world, c.id, 'withdrawal', true))!.dueDate, '2025-02-05');
    await pubStep(world, '2025-02-05', c.id, 'withdraw', { withdrawnDate: '2025-02-05' });
    assert.equal((await clockOf(world, c.id, 'withdrawal', true))!.status, 'stopped');
  });
});
