/**
 * The periods of administrative litigation as statutes.md §2 and §17 state them, with literal dates across
 * real holidays and shifted working days (checked against chinese-days): 2024 国庆 10-01…10-07 off;
 * 2025 国庆 10-01…10-08 off; 2026 春节 02-15…02-23 off; 2026 劳动节 05-01…05-05 off; 2026-10-10 (Sat) worked.
 * Calendar days, start day not counted, a last day on a rest day moves to the next working day
 * (《行政诉讼法》第一百零一条 → 《民事诉讼法》第八十五条).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestWorld } from '../../../test/support/test-platform';
import { clockOf, ctxAt, hearingOn, newCase, step } from './test/fixtures';
import { AppError } from '../../kernel';
import { addSuggestion } from './service/case-records';
import { getCaseDetail } from './service/get-case-detail';
import { agencyBoard } from './service/warnings';

const rejects = async (p: Promise<unknown>, status: 'VALIDATION_FAILED' | 'INVALID_STATE', text?: RegExp) => {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, status, e.message);
    if (text) assert.match(JSON.stringify({ m: e.message, d: e.details }), text);
    return true;
  });
};
const judged = async (world: TestWorld, day: string) => {
  const c = await newCase(world, day);
  await step(world, day, c.id, 'fileDefence', { defenceFiledDate: day, evidenceList: '1. 决定书' });
  await hearingOn(world, day, c.id);
  return c;
};

describe('行政应诉期限（第六十七条、第八十五条，节假日与调休）', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
  });
  after(() => world.close());

  test('行政诉讼法第67条：答辩期15日，2025-09-20 收到起诉状副本，10-05 在国庆假期内，顺延至 2025-10-09', async () => {
    const c = await newCase(world, '2025-09-20');
    const clock = await clockOf(world, c.id, 'defence');
    assert.equal(clock!.startDate, '2025-09-20');
    assert.equal(clock!.dueDate, '2025-10-09');
    assert.equal(clock!.basis, '《行政诉讼法》第六十七条');
  });

  test('行政诉讼法第67条：答辩期15日，2024-09-22 收到，10-07 为国庆假期最后一天，顺延至 2024-10-08', async () => {
    const c = await newCase(world, '2024-09-22');
    assert.equal((await clockOf(world, c.id, 'defence'))!.dueDate, '2024-10-08');
  });

  test('行政诉讼法第67条：答辩期15日，2026-02-05 收到，02-20 在春节假期内，顺延至 2026-02-24', async () => {
    const c = await newCase(world, '2026-02-05');
    assert.equal((await clockOf(world, c.id, 'defence'))!.dueDate, '2026-02-24');
  });

  test('行政诉讼法第67条：2026-09-25 收到，第15日 10-10 为调休上班的周六，不顺延；按期提交停止计时，逾期提交标记为逾期答辩', async () => {
    const onTime = await newCase(world, '2026-09-25');
    assert.equal((await clockOf(world, onTime.id, 'defence'))!.dueDate, '2026-10-10');
    await step(world, '2026-10-10', onTime.id, 'fileDefence', { defenceFiledDate: '2026-10-10', evidenceList: '1. 处罚决定书' });
    const stopped = await clockOf(world, onTime.id, 'defence');
    assert.equal(stopped!.status, 'stopped');
    assert.equal((await getCaseDetail(await ctxAt(world, '2026-10-12', 'liaisonA'), onTime.id)).record.defenceLate, false);
    const late = await newCase(world, '2026-09-25');
    // Still open after the last day: overdue; filed on 10-12: recorded as late.
    const missedBefore = (await agencyBoard(await ctxAt(world, '2026-10-11', 'litigationA'), 2026)).items.find((i) => i.orgId === world.units.countyADept)!.overdueDefence;
    const d = await getCaseDetail(await ctxAt(world, '2026-10-11', 'liaisonA'), late.id);
    assert.equal(d.record.defenceLate, true);
    assert.equal(d.deadlines.find((x) => x.clockKey === 'defence')!.tone, 'red');
    await step(world, '2026-10-12', late.id, 'fileDefence', { defenceFiledDate: '2026-10-12', evidenceList: '1. 处罚决定书' });
    assert.equal((await getCaseDetail(await ctxAt(world, '2026-10-12', 'liaisonA'), late.id)).record.defenceLate, true);
    const board = await agencyBoard(await ctxAt(world, '2026-10-12', 'litigationA'), 2026);
    const agency = board.items.find((i) => i.orgId === world.units.countyADept)!;
    // Filed late, it still counts as a missed defence period (open past due the day before, late after).
    assert.ok(missedBefore >= 1);
    assert.equal(agency.overdueDefence, missedBefore);
    assert.equal(agency.color, 'red');
    // A suit withdrawn after the last day without a defence is not a missed defence.
    const gone = await newCase(world, '2026-09-25', { orgId: world.units.countyAGov }, 'liaisonAGov');
    await step(world, '2026-10-12', gone.id, 'withdraw', { judgmentDate: '2026-10-12', reason: '原告撤诉' }, 'liaisonAGov');
    const after = await agencyBoard(await ctxAt(world, '2026-10-12', 'litigationA'), 2026);
    assert.equal(after.items.find((i) => i.orgId === world.units.countyAGov)!.overdueDefence, 0);
  });

  test('行政诉讼法解释第34条：延期提供证据须在十五日内书面申请，2026-02-05 收到的，02-24 可申请，02-25 不可', async () => {
    const c = await newCase(world, '2026-02-05');
    await rejects(step(world, '2026-02-25', c.id, 'applyEvidenceExtension', { evidenceExtensionDate: '2026-02-25', evidenceExtensionReason: '证据在鉴定中' }), 'VALIDATION_FAILED', /2026-02-24/);
    const ok = await step(world, '2026-02-24', c.id, 'applyEvidenceExtension', { evidenceExtensionDate: '2026-02-24', evidenceExtensionReason: '证据在鉴定中' });
    assert.equal(ok.evidenceExtensionDate, '2026-02-24');
    assert.equal(ok.status, 'defending');
    await rejects(step(world, '2026-02-24', c.id, 'applyEvidenceExtension', { evidenceExtensionDate: '2026-02-24', evidenceExtensionReason: '再次申请' }), 'VALIDATION_FAILED', /已于/);
  });

  test('行政诉讼法第85条：判决上诉期15日，2026-04-20 送达，05-05 在劳动节假期内，顺延至 2026-05-06；期满后本机关不能再上诉', async () => {
    const c = await judged(world, '2026-04-01');
    await step(world, '2026-04-20', c.id, 'judge', { outcome: 'revoke', lossReason: 'procedure', judgmentDate: '2026-04-17', judgmentServedDate: '2026-04-20' });
    const clock = await clockOf(world, c.id, 'appealJudgment');
    assert.equal(clock!.dueDate, '2026-05-06');
    assert.equal(clock!.basis, '《行政诉讼法》第八十五条');
    await rejects(step(world, '2026-05-07', c.id, 'appeal', { appellant: 'agency', appealDate: '2026-05-07', reason: '不服' }), 'VALIDATION_FAILED', /2026-05-06/);
    const appealed = await step(world, '2026-05-06', c.id, 'appeal', { appellant: 'agency', appealDate: '2026-05-06', reason: '认定事实错误' });
    assert.equal(appealed.status, 'appealed');
    assert.equal((await clockOf(world, c.id, 'appealJudgment'))!.status, 'stopped');
    // The appeal opened the second-instance case, linked to this one, waiting for the appeal copy.
    const d = await getCaseDetail(await ctxAt(world, '2026-05-06', 'liaisonA'), c.id);
    const second = d.linkedCases.find((x) => x.instance === 'second')!;
    assert.equal(second.status, 'registered');
    assert.equal(second.parentCaseId, c.id);
    await rejects(step(world, '2026-05-20', second.id, 'receiveComplaint', { servedDate: '2026-05-20' }), 'VALIDATION_FAILED', /法院案号/);
    const s = await step(world, '2026-05-20', second.id, 'receiveComplaint', { servedDate: '2026-05-20', courtCaseNo: '（2026）测01行终45号' });
    assert.equal(s.courtCaseNo, '（2026）测01行终45号');
    assert.equal((await clockOf(world, second.id, 'defence'))!.dueDate, '2026-06-04');
  });

  test('行政诉讼法第85条：裁定上诉期10日，2025-09-26 送达，10-06 在国庆假期内，顺延至 2025-10-09；决定不上诉停止计时', async () => {
    const c = await newCase(world, '2025-09-10');
    await step(world, '2025-09-26', c.id, 'dismiss', { judgmentDate: '2025-09-25', judgmentServedDate: '2025-09-26' });
    assert.equal((await clockOf(world, c.id, 'appealRuling'))!.dueDate, '2025-10-09');
    assert.equal((await clockOf(world, c.id, 'defence'))!.status, 'stopped');
    const closed = await step(world, '2025-10-09', c.id, 'noAppeal', { closedDate: '2025-10-09', reason: '服从裁定' });
    assert.equal(closed.status, 'closed');
    assert.equal((await clockOf(world, c.id, 'appealRuling'))!.status, 'stopped');
  });

  test('出庭应诉规定第5条：出庭通知书应在开庭三日前送达，11-17 送达 11-20 开庭不迟，11-18 送达记为迟送（不阻止登记）', async () => {
    const c = await newCase(world, '2026-11-02');
    await step(world, '2026-11-05', c.id, 'fileDefence', { defenceFiledDate: '2026-11-05', evidenceList: '1. 决定书' });
    const onTime = await hearingOn(world, '2026-11-20', c.id, { noticeServedDate: '2026-11-17' });
    assert.equal(onTime.noticeLate, false);
    const late = await hearingOn(world, '2026-11-20', c.id, { noticeServedDate: '2026-11-18' });
    assert.equal(late.noticeLate, true);
    // 第六条: the head's identity proof is filed before the hearing.
    await rejects(hearingOn(world, '2026-11-20', c.id, { identityFiledDate: '2026-11-21' }), 'VALIDATION_FAILED', /开庭前/);
  });

  test('司法建议：回复期限为法院确定的日期（交办限期），2026-10-03 落在国庆假期也不顺延；逾期未回复计入预警', async () => {
    const c = await newCase(world, '2026-08-03');
    const ctx = await ctxAt(world, '2026-09-01', 'liaisonA');
    await addSuggestion(ctx, c.id, { receivedDate: '2026-09-01', content: '建议规范行政处罚案件的送达程序', dueDate: '2026-10-03' });
    const d = await getCaseDetail(await ctxAt(world, '2026-10-04', 'liaisonA'), c.id);
    assert.equal(d.suggestions[0]!.deadline!.dueDate, '2026-10-03');
    assert.equal(d.suggestions[0]!.overdue, true);
    await rejects(addSuggestion(ctx, c.id, { receivedDate: '2026-09-01', content: '建议规范送达程序', dueDate: '2026-08-30' }), 'VALIDATION_FAILED', /回复期限/);
  });
});
