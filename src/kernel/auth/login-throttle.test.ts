import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from '../../../test/support/test-platform';
import { LOGIN_FAILURES_PER_IP } from './login-throttle';

// 等保 三级 身份鉴别: besides locking one account after repeated failures, one address trying a few
// passwords on many accounts (password spraying) must be slowed down.
describe('登录失败按来源地址限流', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
  });
  after(() => world.close());

  const attempt = (username: string, password: string, ip = '203.0.113.7') => world.anonymous(ip).post('/api/auth/login', { username, password });

  test(`同一地址在 15 分钟内失败 ${LOGIN_FAILURES_PER_IP} 次（分散在不同账号上）后，正确的口令也被拒绝（429），15 分钟后恢复`, async () => {
    for (let i = 0; i < LOGIN_FAILURES_PER_IP - 1; i += 1) {
      assert.equal((await attempt(`nobody${i}`, 'Wrong@Passw0rd')).status, 401);
    }
    // One below the limit: a correct sign-in still works (and does not reset the count).
    assert.equal((await attempt('office', TEST_PASSWORD)).status, 200);
    assert.equal((await attempt('someone_else', 'Wrong@Passw0rd')).status, 401);
    const refused = await attempt('office', TEST_PASSWORD);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.code, 'RATE_LIMITED');
    assert.match(refused.body.message, /登录失败次数过多，请 15 分钟后再试/);
    // Another address is not affected.
    assert.equal((await attempt('office', TEST_PASSWORD, '198.51.100.20')).status, 200);
    // No account was locked by the spraying: the refusal is the address's, not the account's.
    world.clock.advanceMinutes(15);
    assert.equal((await attempt('office', TEST_PASSWORD)).status, 200);
  });

  test('格式错误的登录请求（422）不计入失败次数', async () => {
    world.clock.advanceMinutes(16);
    for (let i = 0; i < LOGIN_FAILURES_PER_IP + 5; i += 1) {
      assert.equal((await world.anonymous('203.0.113.8').post('/api/auth/login', { username: '', password: '' })).status, 422);
    }
    assert.equal((await attempt('office', TEST_PASSWORD, '203.0.113.8')).status, 200);
  });
});

describe('反向代理之后（TRUST_PROXY=1）：来源地址取 X-Forwarded-For 的最后一项', () => {
  let world: TestWorld;
  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00', config: { trustProxy: true } });
  });
  after(() => world.close());

  // Every request arrives from the proxy's socket address; the proxy appends the client's address.
  const viaProxy = (client: string, username: string, password: string) =>
    world.anonymous('10.0.0.1').request('POST', '/api/auth/login', JSON.stringify({ username, password }), {
      'content-type': 'application/json',
      'x-forwarded-for': `1.2.3.4, ${client}`,
    });

  test('限流按客户端地址而非代理地址计；客户端自填的前几项不起作用', async () => {
    for (let i = 0; i < LOGIN_FAILURES_PER_IP; i += 1) assert.equal((await viaProxy('203.0.113.50', `nobody${i}`, 'Wrong@Passw0rd')).status, 401);
    assert.equal((await viaProxy('203.0.113.50', 'office', TEST_PASSWORD)).status, 429);
    // Same proxy, same forged first entry, another client: not affected.
    assert.equal((await viaProxy('203.0.113.51', 'office', TEST_PASSWORD)).status, 200);
  });
});
