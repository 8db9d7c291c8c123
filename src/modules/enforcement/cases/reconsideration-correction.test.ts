/**
 * 被复议纠错 across modules: a 行政复议 decision that corrects the contested act (撤销, 变更, 确认违法 …) marks the
 * enforcement case with that 决定书文号 — through the outbox (the reconsideration module's decision event, the
 * enforcement module's subscriber), never through an import of the other module's tables.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { computeStatistic, queryRows } from '../../../kernel';
import { dispatchOutbox } from '../../../kernel/events/dispatch-outbox';
import { createTestWorld, type TestClient, type TestWorld } from '../../../../test/support/test-platform';
import { loginAt } from '../../../../test/support/disclosure-helpers';
import { actVia, caseBody, DECIDE, NOTIFY, setupBody, WAIVE, type CaseSetup } from './test/fixtures';
import { actVia as reconAct, registerCaseVia } from '../../reconsideration/test/fixtures';
import { RECONSIDERATION_EVENTS } from '../../reconsideration/public';
import { normalizeDocNo } from './service/reconsideration-correction';

const DAY = '2026-11-23';
const DOC_NO = '甲自然资罚〔2026〕3号';

describe('行政复议纠错决定 → 执法案件标记“被复议纠错”（经事件发件箱）', () => {
  let world: TestWorld;
  let a: CaseSetup;
  let b: CaseSetup;
  const as: Record<string, TestClient> = {};

  /** A penalty case decided with `decisionNo` by `user` of body `s`. */
  const decidedCase = async (s: CaseSetup, user: string, decisionNo: string): Promise<number> => {
    const c = as[user]!;
    const created = await c.post('/api/enforcement/cases', caseBody(s, { filedDate: DAY }));
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const id = created.body.id as number;
    assert.equal((await actVia(c, id, 'investigate', {})).status, 200);
    assert.equal((await actVia(c, id, 'notify', NOTIFY(DAY))).status, 200);
    // Decided the day of the notice: lawful only after the party's express waiver (第六十二条).
    assert.equal((await actVia(c, id, 'waive', WAIVE(DAY))).status, 200);
    const decided = await actVia(c, id, 'decide', DECIDE(DAY, { decisionNo }));
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    return id;
  };

  /** A reconsideration case against 甲县自然资源局 contesting `actDocNo`, taken to a decision of `decisionType`. */
  const decideReconsideration = async (actDocNo: string, decisionType: string) => {
    const h = as.reconA!;
    const c = await registerCaseVia(h, world, { receivedDate: DAY, knewDate: DAY, actDate: DAY, actDocNo });
    for (const [name, input] of [
      ['accept', { acceptedDate: DAY }],
      ['sendCopy', { copySentDate: DAY, copyServedDate: DAY }],
      ['receiveAnswer', { answerReceivedDate: DAY, answerSummary: '被申请人答复' }],
      ['draftDecision', { decisionType, decisionFacts: '查明的事实', decisionReasons: '理由及依据', decisionMain: '决定主文' }],
    ] as const) {
      const res = await reconAct(h, c.id, name, input);
      assert.equal(res.status, 200, `${name}: ${JSON.stringify(res.body)}`);
    }
    const done = await reconAct(as.reconApproverA!, c.id, 'approveDecision', { decisionDate: DAY });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    return done.body as { id: number; decisionNo: string };
  };

  const record = async (id: number) => (await as.staffA!.get(`/api/enforcement/cases/${id}`)).body.record;
  const correctionAudits = (id: number) =>
    queryRows<{ actor_id: number | null; after: { correctedByReconsideration: string } }>(
      world.platform.services.db,
      sql`select actor_id, after from audit_log where action = 'case.corrected_by_reconsideration' and entity_type = 'enforcement_case' and entity_id = ${String(id)}`,
    );

  before(async () => {
    world = await createTestWorld({ now: `${DAY}T09:00:00` });
    a = await setupBody(world, world.units.countyADept, '甲县自然资源局（执法主体）');
    b = await setupBody(world, world.units.countyBGov, '乙县综合行政执法局');
    const users = ['staffA', 'staffB', 'reconA', 'reconApproverA', 'supervisorA'];
    const clients = await loginAt(world, DAY, ...users);
    users.forEach((u, i) => (as[u] = clients[i]!));
  });
  after(() => world.close());

  test('文号比较忽略空格与括号写法', () => {
    assert.equal(normalizeDocNo(' 甲自然资罚[2026] 3号 '), DOC_NO);
    assert.equal(normalizeDocNo('甲自然资罚（2026）3号'), DOC_NO);
    assert.equal(normalizeDocNo('甲自然资罚【2026】3号'), DOC_NO);
  });

  test('撤销决定作出并分发后，被申请人的同一文号执法案件标记为被复议纠错并留痕；外县同号案件与维持决定不受影响', async () => {
    const contested = await decidedCase(a, 'staffA', DOC_NO);
    const upheldCase = await decidedCase(a, 'staffA', '甲自然资罚〔2026〕4号');
    // Another county's agency used the same number: not the respondent's case.
    const otherCounty = await decidedCase(b, 'staffB', DOC_NO);
    // Events already waiting (registrations, decisions) are handled first, so the next pass starts clean.
    await dispatchOutbox(world.platform.services);

    // The applicant wrote the number with other brackets.
    const revoked = await decideReconsideration('甲自然资罚[2026]3号', 'revoke');
    await decideReconsideration('甲自然资罚〔2026〕4号', 'uphold');
    const [event] = await queryRows<{ id: number; processed_at: Date | null }>(
      world.platform.services.db,
      sql`select id, processed_at from outbox_event where type = ${RECONSIDERATION_EVENTS.decided} and payload->>'id' = ${String(revoked.id)}`,
    );
    assert.ok(event, '复议决定写入发件箱事件');
    assert.equal(event.processed_at, null);
    // Until the dispatcher runs, the enforcement case is untouched (the reaction happens after commit).
    assert.equal((await record(contested)).correctedByReconsideration, null);

    const pass = await dispatchOutbox(world.platform.services);
    assert.equal(pass.failed + pass.retrying, 0, JSON.stringify(pass));

    const r = await record(contested);
    assert.equal(r.correctedByReconsideration, revoked.decisionNo);
    assert.match(r.correctedByReconsideration, /^甲司复决〔2026〕\d+号$/);
    assert.equal(r.correctionKind, '撤销（部分撤销）');
    assert.equal(r.correctedDate, DAY);
    const audits = await correctionAudits(contested);
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.actor_id, null, '由系统记录');
    assert.equal(audits[0]!.after.correctedByReconsideration, revoked.decisionNo);
    const activity = await as.staffA!.get(`/api/enforcement/cases/${contested}/activity`);
    assert.ok(activity.body.items.some((i: { action: string }) => i.action === 'case.corrected_by_reconsideration'));

    assert.equal((await record(upheldCase)).correctedByReconsideration, null, '维持决定不是纠错');
    const other = (await as.staffB!.get(`/api/enforcement/cases/${otherCounty}`)).body.record;
    assert.equal(other.correctedByReconsideration, null, '只匹配被申请人及其下级单位的案件');

    const [delivery] = await queryRows<{ status: string; consumer: string }>(
      world.platform.services.db,
      sql`select status, consumer from outbox_delivery where event_id = ${event.id}`,
    );
    assert.deepEqual(delivery, { status: 'delivered', consumer: `enforcement:${RECONSIDERATION_EVENTS.decided}` });
    const [after] = await queryRows<{ processed_at: Date | null }>(world.platform.services.db, sql`select processed_at from outbox_event where id = ${event.id}`);
    assert.ok(after?.processed_at);

    // Another pass changes nothing and audits nothing again.
    await dispatchOutbox(world.platform.services);
    assert.equal((await correctionAudits(contested)).length, 1);

    // The statistic counts it within the reader's scope.
    const supervisor = await world.ctxAs('supervisorA');
    assert.equal((await computeStatistic(supervisor, 'enforcement.corrected_by_reconsideration', { year: 2026 })).value, 1);
    const countyB = await world.ctxAs('staffB');
    assert.equal((await computeStatistic(countyB, 'enforcement.corrected_by_reconsideration', { year: 2026 })).value, 0);
  });
});
