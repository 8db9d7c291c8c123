import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { act, registerVia, replyDeadline } from '../../../test/support/disclosure-fixtures';

describe('依申请公开办理流程', () => {
  let world: TestWorld;
  let handler: TestClient;
  before(async () => {
    world = await createTestWorld({ now: '2026-09-18T09:00:00' });
    handler = await world.login('handlerA');
  });
  after(() => world.close());

  test('政府信息公开条例第33条: 答复期限为收到申请之日起20个工作日（跨中秋国庆，10月10日调休上班）', async () => {
    const r = await registerVia(handler, world.units.countyAGov, { receivedDate: '2026-09-18' });
    assert.equal(r.status, 'registered');
    assert.match(r.requestNo, /^甲政办依申〔2026〕\d+号$/);
    const d = await replyDeadline(handler, r.id);
    assert.equal(d?.dueDate, '2026-10-22');
  });
});
