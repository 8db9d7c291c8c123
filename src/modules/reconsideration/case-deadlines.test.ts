/**
 * The periods of 《行政复议法》(2023) as statutes.md §1 states them, each with literal dates across real
 * holidays and shifted working days (调休) of 2024–2026 (checked against chinese-days data):
 * 2025 国庆 10-01…10-08 off, 09-28 (Sun) and 10-11 (Sat) worked; 2026 春节 02-15…02-23 off, 02-14 (Sat) and
 * 02-28 (Sat) worked; 2026 劳动节 05-01…05-05 off, 05-09 (Sat) worked; 2026 国庆 10-01…10-07 off, 10-10 (Sat) worked.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { clockOf, ctxAt, newCase, step } from './test/fixtures';
import { getCaseDetail } from './service/get-case-detail';
import { addLetter } from './service/case-records';
import { AppError } from '../../kernel';

const rejects = async (p: Promise<unknown>, status: 'VALIDATION_FAILED' | 'INVALID_STATE' | 'FORBIDDEN', text?: RegExp) => {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, status, e.message);
    if (text) assert.match(JSON.stringify({ m: e.message, d: e.details }), text);
    return true;
  });
};

describe('行政复议期限（第二十条至第七十六条，节假日与调休）', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
  });
  after(() => world.close());

  test('第三十条：受理审查五个工作日，2026-09-30 收到，跨国庆（10-10 周六调休上班）至 2026-10-13；期满未处理视为受理', async () => {
    const c = await newCase(world, '2026-09-30');
    assert.equal((await clockOf(world, c.id, 'review'))!.dueDate, '2026-10-13');
    // On the last day the review is still open; the day after, the case counts as accepted from 10-13.
    let d = await getCaseDetail(await ctxAt(world, '2026-10-13', 'reconA'), c.id);
    assert.equal(d.record.deemedAccepted, false);
    d = await getCaseDetail(await ctxAt(world, '2026-10-14', 'reconA'), c.id);
    assert.equal(d.record.deemedAccepted, true);
    assert.equal(d.record.deemedAcceptedOn, '2026-10-13');
    await rejects(step(world, '2026-10-14', c.id, 'decline', { declinedDate: '2026-10-14', reason: '不属于受理范围' }), 'VALIDATION_FAILED', /第三十三条/);
    await rejects(step(world, '2026-10-14', c.id, 'accept', { acceptedDate: '2026-10-14' }), 'VALIDATION_FAILED', /2026-10-13/);
    const accepted = await step(world, '2026-10-14', c.id, 'accept', { acceptedDate: '2026-10-13' });
    assert.equal(accepted.acceptedDate, '2026-10-13');
  });

  test('第三十一条：补正通知在五个工作日内一次性发出；申请人十个工作日（跨春节，2-14、2-28 调休上班）至 2026-03-05；收到补正后审查期限重新计算至 03-11', async () => {
    const c = await newCase(world, '2026-02-12');
    assert.equal((await clockOf(world, c.id, 'review'))!.dueDate, '2026-02-26');
    await rejects(step(world, '2026-02-27', c.id, 'requestCorrection', { correctionItems: '身份证明', correctionNoticeDate: '2026-02-27' }), 'VALIDATION_FAILED', /五个工作日/);
    await step(world, '2026-02-27', c.id, 'requestCorrection', { correctionItems: '1. 身份证明；2. 处罚决定书复印件', correctionNoticeDate: '2026-02-13' });
    assert.equal((await clockOf(world, c.id, 'correction'))!.dueDate, '2026-03-05');
    // Not abandoned before the period ends (视为放弃 only after 03-05).
    await rejects(step(world, '2026-03-05', c.id, 'markAbandoned', { reason: '逾期未补正' }), 'VALIDATION_FAILED', /尚未届满/);
    await step(world, '2026-03-04', c.id, 'receiveCorrection', { correctedDate: '2026-03-04' });
    const review = await clockOf(world, c.id, 'review');
    assert.equal(review!.startDate, '2026-03-04');
    assert.equal(review!.dueDate, '2026-03-11');
    // 一次性载明: a second 补正 notice is refused.
    await rejects(step(world, '2026-03-05', c.id, 'requestCorrection', { correctionItems: '再补充一份材料', correctionNoticeDate: '2026-03-05' }), 'VALIDATION_FAILED', /一次性/);
  });

  test('第三十一条第二款：逾期不补正视为放弃，期满次日方可记录', async () => {
    const c = await newCase(world, '2026-02-12');
    await step(world, '2026-02-13', c.id, 'requestCorrection', { correctionItems: '身份证明', correctionNoticeDate: '2026-02-13' });
    const done = await step(world, '2026-03-06', c.id, 'markAbandoned', { reason: '申请人无正当理由逾期未补正' });
    assert.equal(done.status, 'abandoned');
  });

  test('第四十八条、第六十二条：普通程序 2025-09-26 受理，副本七个工作日（跨国庆，9-28、10-11 调休上班）至 2025-10-13，答复十个工作日至 10-21，决定六十日至 11-25', async () => {
    const c = await newCase(world, '2025-09-25');
    await step(world, '2025-09-26', c.id, 'accept', { acceptedDate: '2025-09-26' });
    assert.equal((await clockOf(world, c.id, 'copyOrdinary'))!.dueDate, '2025-10-13');
    assert.equal((await clockOf(world, c.id, 'decisionOrdinary'))!.dueDate, '2025-11-25');
    await step(world, '2025-09-30', c.id, 'sendCopy', { copySentDate: '2025-09-29', copyServedDate: '2025-09-30' });
    assert.equal((await clockOf(world, c.id, 'answerOrdinary'))!.dueDate, '2025-10-21');
    // 第七十条: only after the answer period ends may the case proceed without an answer.
    await rejects(step(world, '2025-10-21', c.id, 'answerLapsed', { reason: '被申请人未答复' }), 'VALIDATION_FAILED', /尚未届满/);
    const lapsed = await step(world, '2025-10-22', c.id, 'answerLapsed', { reason: '被申请人逾期未提交答复和证据' });
    assert.equal(lapsed.status, 'in_review');
  });

  test('第五十四条、第六十二条第二款：简易程序 2026-04-30 受理，副本三个工作日（跨劳动节）至 05-08，答复五个工作日（05-09 周六调休上班）至 05-13，决定三十日 05-30（周六）顺延至 06-01，不能延长', async () => {
    const c = await newCase(world, '2026-04-29');
    await step(world, '2026-04-30', c.id, 'acceptSimplified', { acceptedDate: '2026-04-30', simplifiedGround: 'warning' });
    assert.equal((await clockOf(world, c.id, 'copySimplified'))!.dueDate, '2026-05-08');
    assert.equal((await clockOf(world, c.id, 'decisionSimplified'))!.dueDate, '2026-06-01');
    await rejects(step(world, '2026-05-07', c.id, 'sendCopy', { copySentDate: '2026-05-07', copyServedDate: '2026-05-07' }), 'INVALID_STATE', /简易/);
    await step(world, '2026-05-07', c.id, 'sendCopySimplified', { copySentDate: '2026-05-07', copyServedDate: '2026-05-07' });
    assert.equal((await clockOf(world, c.id, 'answerSimplified'))!.dueDate, '2026-05-13');
    await step(world, '2026-05-12', c.id, 'receiveAnswer', { answerReceivedDate: '2026-05-12', answerSummary: '提交了现场执法记录' });
    const d = await getCaseDetail(await ctxAt(world, '2026-05-12', 'reconApproverA'), c.id);
    assert.ok(!d.transitions.some((t) => t.name === 'extendDecision'), '简易程序不提供延长');
    await rejects(step(world, '2026-05-12', c.id, 'extendDecision', { extensionDays: 10, reason: '复杂' }, 'reconApproverA'), 'INVALID_STATE');
    // 第五十五条: switched to ordinary, the 60 days run from the original acceptance (04-30 + 60 = 06-29).
    assert.ok(d.transitions.some((t) => t.name === 'switchToOrdinary'));
    const switched = await step(world, '2026-05-12', c.id, 'switchToOrdinary', { reason: '案情复杂' }, 'reconApproverA');
    assert.equal(switched.procedure, 'ordinary');
    assert.equal((await clockOf(world, c.id, 'decisionOrdinary'))!.dueDate, '2026-06-29');
    assert.equal((await clockOf(world, c.id, 'decisionSimplified'))!.status, 'stopped');
  });

  test('第六十二条第一款：决定期限 2025-12-31 受理，六十日 2026-03-01（周日）顺延至 03-02；负责人批准延长三十日至 03-31，只能延长一次', async () => {
    const c = await newCase(world, '2025-12-30');
    await step(world, '2025-12-31', c.id, 'accept', { acceptedDate: '2025-12-31' });
    assert.equal((await clockOf(world, c.id, 'decisionOrdinary'))!.dueDate, '2026-03-02');
    await step(world, '2026-01-05', c.id, 'sendCopy', { copySentDate: '2026-01-05', copyServedDate: '2026-01-05' });
    await step(world, '2026-01-12', c.id, 'receiveAnswer', { answerReceivedDate: '2026-01-12', answerSummary: '答复' });
    await rejects(step(world, '2026-02-10', c.id, 'extendDecision', { extensionDays: 31, reason: '案情复杂' }, 'reconApproverA'), 'VALIDATION_FAILED');
    await step(world, '2026-02-10', c.id, 'extendDecision', { extensionDays: 30, reason: '案情复杂，需补充鉴定' }, 'reconApproverA');
    assert.equal((await clockOf(world, c.id, 'decisionOrdinary'))!.dueDate, '2026-03-31');
    await rejects(step(world, '2026-02-11', c.id, 'extendDecision', { extensionDays: 1, reason: '再延' }, 'reconApproverA'), 'INVALID_STATE', /不能再延长/);
  });

  test('第五十一条：听证通知应在听证五个工作日前送达，2026-02-12 送达（跨春节，2-14 调休上班）最早 02-26 听证', async () => {
    const c = await newCase(world, '2026-02-02');
    await step(world, '2026-02-03', c.id, 'accept', { acceptedDate: '2026-02-03' });
    await step(world, '2026-02-04', c.id, 'sendCopy', { copySentDate: '2026-02-04', copyServedDate: '2026-02-04' });
    await step(world, '2026-02-11', c.id, 'receiveAnswer', { answerReceivedDate: '2026-02-11', answerSummary: '答复' });
    await rejects(step(world, '2026-02-12', c.id, 'scheduleHearing', { hearingNoticeDate: '2026-02-12', hearingDate: '2026-02-25', hearingPlace: '听证室' }), 'VALIDATION_FAILED', /2026-02-26/);
    const s = await step(world, '2026-02-12', c.id, 'scheduleHearing', { hearingNoticeDate: '2026-02-12', hearingDate: '2026-02-26', hearingPlace: '听证室' });
    assert.equal(s.status, 'hearing_scheduled');
    // A case with a hearing is decided on the hearing record: no decision before the hearing is recorded.
    await rejects(step(world, '2026-02-26', c.id, 'draftDecision', { decisionType: 'uphold', decisionFacts: '事实', decisionReasons: '理由', decisionMain: '维持' }), 'INVALID_STATE');
  });

  test('第三十九条：中止期间决定期限暂停；2026-03-02 受理（60 日为 05-01 劳动节，顺延至 05-06），03-10 中止、03-20 恢复，顺延 10 日至 05-11', async () => {
    const c = await newCase(world, '2026-03-02');
    await step(world, '2026-03-02', c.id, 'accept', { acceptedDate: '2026-03-02' });
    assert.equal((await clockOf(world, c.id, 'decisionOrdinary'))!.dueDate, '2026-05-06');
    await step(world, '2026-03-03', c.id, 'sendCopy', { copySentDate: '2026-03-03', copyServedDate: '2026-03-03' });
    await step(world, '2026-03-09', c.id, 'receiveAnswer', { answerReceivedDate: '2026-03-09', answerSummary: '答复' });
    // 中止 needs the head of the reconsideration office.
    await rejects(step(world, '2026-03-10', c.id, 'suspend', { suspensionGround: 'g6', suspendedOn: '2026-03-10', reason: '双方同意调解' }), 'FORBIDDEN');
    await step(world, '2026-03-10', c.id, 'suspend', { suspensionGround: 'g6', suspendedOn: '2026-03-10', reason: '双方同意调解' }, 'reconApproverA');
    assert.equal((await clockOf(world, c.id, 'decisionOrdinary'))!.status, 'paused');
    await step(world, '2026-03-20', c.id, 'resume', { resumedOn: '2026-03-20', reason: '调解未成' });
    const clock = await clockOf(world, c.id, 'decisionOrdinary');
    assert.equal(clock!.excludedDays, 10);
    assert.equal(clock!.dueDate, '2026-05-11');
  });

  test('第四十一条第五项：因第（一）项中止满六十日方可终止，2026-03-10 中止，满六十日为 05-09（周六调休上班日），05-08 不可，05-09 可', async () => {
    const c = await newCase(world, '2026-03-02');
    await step(world, '2026-03-02', c.id, 'accept', { acceptedDate: '2026-03-02' });
    await step(world, '2026-03-03', c.id, 'sendCopy', { copySentDate: '2026-03-03', copyServedDate: '2026-03-03' });
    await step(world, '2026-03-09', c.id, 'receiveAnswer', { answerReceivedDate: '2026-03-09', answerSummary: '答复' });
    await step(world, '2026-03-10', c.id, 'suspend', { suspensionGround: 'g1', suspendedOn: '2026-03-10', reason: '申请人死亡' }, 'reconApproverA');
    assert.equal((await clockOf(world, c.id, 'suspensionLimit'))!.dueDate, '2026-05-09');
    const input = { terminationGround: 'suspension_lapsed', reason: '近亲属未参加' };
    await rejects(step(world, '2026-05-08', c.id, 'terminate', { ...input, closedDate: '2026-05-08' }, 'reconApproverA'), 'VALIDATION_FAILED', /尚未满六十日/);
    const t = await step(world, '2026-05-09', c.id, 'terminate', { ...input, closedDate: '2026-05-09' }, 'reconApproverA');
    assert.equal(t.status, 'terminated');
  });

  test('第二十条：申请期限六十日，2025-08-03 知道，10-02 为国庆假期，顺延至 2025-10-09；10-10 收到的标记为超期（不阻止登记）', async () => {
    const onTime = await newCase(world, '2025-10-09', { knewDate: '2025-08-03' });
    assert.equal(onTime.applicationDeadline, '2025-10-09');
    assert.equal(onTime.applicationLate, false);
    const late = await newCase(world, '2025-10-10', { knewDate: '2025-08-03' });
    assert.equal(late.applicationLate, true);
    assert.match(late.applicationNote!, /第二十条/);
    assert.equal(late.status, 'received');
    // ¶2: 10 days lost to an obstacle are added: 08-03 + 70 = 10-12, a Sunday → 10-13.
    const obstacle = await newCase(world, '2025-10-10', { knewDate: '2025-08-03', obstacleDays: 10 });
    assert.equal(obstacle.applicationDeadline, '2025-10-13');
    assert.equal(obstacle.applicationLate, false);
    // ¶3: not informed of the right to apply, learned of it 2025-09-01 → 60 days from then (10-31), within a year of knowing.
    const uninformed = await newCase(world, '2025-10-20', { knewDate: '2025-03-01', notInformed: true, rightsKnownDate: '2025-09-01' });
    assert.equal(uninformed.applicationDeadline, '2025-10-31');
    assert.equal(uninformed.applicationLate, false);
  });

  test('第二十一条：作出满五年（不动产二十年）的，标记为超过最长申请期限', async () => {
    const c = await newCase(world, '2026-03-02', { knewDate: '2026-02-01', actDate: '2020-01-02', realProperty: false });
    assert.equal(c.applicationLate, true);
    assert.match(c.applicationNote!, /第二十一条/);
    const land = await newCase(world, '2026-03-02', { knewDate: '2026-02-01', actDate: '2020-01-02', realProperty: true });
    assert.equal(land.applicationLate, false);
  });

  test('第七十六条：意见书送达后六十日内报告纠正情况，2026-08-03 送达，10-02 为国庆假期，顺延至 2026-10-08', async () => {
    const c = await newCase(world, '2026-06-01');
    await step(world, '2026-06-01', c.id, 'accept', { acceptedDate: '2026-06-01' });
    await step(world, '2026-06-02', c.id, 'sendCopy', { copySentDate: '2026-06-02', copyServedDate: '2026-06-02' });
    await step(world, '2026-06-10', c.id, 'receiveAnswer', { answerReceivedDate: '2026-06-10', answerSummary: '答复' });
    await step(world, '2026-07-20', c.id, 'draftDecision', { decisionType: 'confirm_unlawful', decisionFacts: '事实', decisionReasons: '理由', decisionMain: '确认违法' });
    await step(world, '2026-07-27', c.id, 'approveDecision', { decisionDate: '2026-07-27' }, 'reconApproverA');
    const ctx = await ctxAt(world, '2026-08-03', 'reconA');
    const letter = await addLetter(ctx, c.id, { kind: 'opinion', recipientOrgId: world.units.countyADept, issuedDate: '2026-07-30', servedDate: '2026-08-03', dueDate: null, content: '请纠正并报告' });
    const d = await getCaseDetail(ctx, c.id);
    const l = d.letters.find((x) => x.id === letter.id)!;
    assert.equal(l.deadline!.dueDate, '2026-10-08');
    assert.equal(l.deadline!.basis, '《行政复议法》第七十六条');
    // 建议书: the reply date set by the office, never rolled (10-03 stays 10-03).
    const s = await addLetter(ctx, c.id, { kind: 'suggestion', recipientOrgId: world.units.countyADept, issuedDate: '2026-07-30', servedDate: '2026-08-03', dueDate: '2026-10-03', content: '建议规范执法' });
    const d2 = await getCaseDetail(ctx, c.id);
    assert.equal(d2.letters.find((x) => x.id === s.id)!.deadline!.dueDate, '2026-10-03');
  });
});
