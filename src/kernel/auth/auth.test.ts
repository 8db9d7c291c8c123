import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createTestWorld, TEST_PASSWORD, type TestUnits, type TestWorld } from '../../../test/support/test-platform';
import { signInAs } from '../../../test/support/sign-in';
import { registerVia, requestBody } from '../../modules/disclosure/test/fixtures';
import { queryRows } from '../db/client';
import { appUser, role } from '../db/schema';
import { checkPasswordPolicy } from './password';
import { insertUser } from './user-service';
import { totpAt, totpStep } from './totp';

const NEW_PASSWORD = 'Xy7#kLm9$pQr2';

describe('身份鉴别、会话与三权分立', () => {
  let world: TestWorld;
  let seq = 0;

  /** A fresh account (so lockouts, password changes and MFA state never leak between tests). */
  const addUser = async (unit: keyof TestUnits, roleCodes: string[], opts: { mustChangePassword?: boolean } = {}) => {
    seq += 1;
    const username = `u${seq}x${Math.random().toString(36).slice(2, 7)}`;
    const db = world.platform.services.db;
    const roles = await db.select().from(role);
    const user = await insertUser(db, {
      username,
      displayName: username,
      orgId: world.units[unit],
      roleIds: roleCodes.map((c) => roles.find((r) => r.code === c)!.id),
      password: TEST_PASSWORD,
      mustChangePassword: opts.mustChangePassword ?? false,
    });
    return { id: user.id, username };
  };

  const loginAs = async (username: string, password = TEST_PASSWORD) => {
    const client = world.anonymous();
    const res = await client.post('/api/auth/login', { username, password });
    return { client, res };
  };

  /** A code of the secret that is valid in none of the steps the server accepts now. */
  const wrongCode = (secret: string): string => {
    const step = totpStep(world.clock.now());
    const valid = new Set([step - 1, step, step + 1].map((s) => totpAt(secret, s)));
    for (let n = 0; ; n += 1) {
      const code = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
      if (!valid.has(code)) return code;
    }
  };

  /** Audit rows of a user's authentication attempts whose secret was actually checked and found wrong. */
  const checkedFailures = async (userId: number, action: 'auth.login' | 'auth.mfa') => {
    const rows = await queryRows<{ n: number }>(
      world.platform.services.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${String(userId)} and result = 'failure'
          and (action = 'auth.lock' or (action = ${action} and reason in ('口令错误', '动态口令错误', '动态口令重放')))`,
    );
    return Number(rows[0]!.n);
  };

  /** An enrolled admin account and its TOTP secret. */
  const enrolledAdmin = async () => {
    const u = await addUser('cityOffice', ['audit_admin']);
    const { client } = await loginAs(u.username);
    const secret = (await client.post('/api/auth/mfa/enroll')).body.secret as string;
    await client.post('/api/auth/mfa/enroll/confirm', { code: totpAt(secret, totpStep(world.clock.now())) });
    world.clock.advance(30_000);
    return { ...u, secret };
  };

  const roleId = async (code: string) => {
    const [r] = await world.platform.services.db.select({ id: role.id }).from(role).where(eq(role.code, code));
    return r!.id;
  };

  before(async () => {
    world = await createTestWorld();
  });
  after(() => world.close());

  describe('登录', () => {
    test('正确的用户名和口令登录成功，会话可访问当前用户信息', async () => {
      const { client, res } = await loginAs('handlerB');
      assert.equal(res.status, 200);
      assert.equal(res.body.next, 'ok');
      assert.equal(typeof res.body.csrfToken, 'string');
      assert.match(res.headers.get('set-cookie') ?? '', /HttpOnly/i);
      const me = await client.get('/api/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.user.username, 'handlerB');
      assert.equal(me.body.pending, null);
    });

    test('等保三级: 用户名不存在与口令错误返回相同的提示，不泄露账号是否存在', async () => {
      const unknown = await loginAs('no_such_user', TEST_PASSWORD);
      const wrong = await loginAs('leaderB', 'Wrong@Passw0rd!');
      assert.equal(unknown.res.status, 401);
      assert.equal(wrong.res.status, 401);
      assert.equal(unknown.res.body.code, 'UNAUTHENTICATED');
      assert.equal(wrong.res.body.code, 'UNAUTHENTICATED');
      assert.equal(unknown.res.body.message, wrong.res.body.message);
      assert.equal(unknown.client.cookie, null);
      assert.equal(wrong.client.cookie, null);
    });
  });

  describe('登录失败处理', () => {
    test('等保三级: 连续5次口令错误锁定账号，锁定期间口令正确也不能登录', async () => {
      const u = await addUser('countyAGov', ['disclosure_handler']);
      for (let i = 1; i <= 5; i += 1) {
        const { res } = await loginAs(u.username, `Wrong@Passw0rd${i}`);
        assert.equal(res.status, 401, `第 ${i} 次`);
      }
      const { res } = await loginAs(u.username);
      assert.equal(res.status, 423);
      assert.equal(res.body.code, 'LOCKED');
    });

    test('等保三级: 4次口令错误后登录成功会清零失败计数，不会锁定', async () => {
      const u = await addUser('countyAGov', ['disclosure_handler']);
      for (let i = 1; i <= 4; i += 1) assert.equal((await loginAs(u.username, 'Wrong@Passw0rd!')).res.status, 401);
      assert.equal((await loginAs(u.username)).res.status, 200);
      for (let i = 1; i <= 4; i += 1) assert.equal((await loginAs(u.username, 'Wrong@Passw0rd!')).res.status, 401);
      assert.equal((await loginAs(u.username)).res.status, 200);
    });

    test('等保三级: 锁定30分钟后自动解除（29分钟时仍锁定）', async () => {
      const u = await addUser('countyAGov', ['disclosure_handler']);
      for (let i = 0; i < 5; i += 1) await loginAs(u.username, 'Wrong@Passw0rd!');
      world.clock.advanceMinutes(29);
      assert.equal((await loginAs(u.username)).res.status, 423);
      world.clock.advanceMinutes(1);
      const { res } = await loginAs(u.username);
      assert.equal(res.status, 200);
      assert.equal(res.body.next, 'ok');
    });

    test('等保三级: 并发的口令猜测同样受5次限制，不能借并发绕过锁定', async () => {
      const u = await addUser('countyAGov', ['disclosure_handler']);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => loginAs(u.username, `Wrong@Passw0rd${i}`)));
      assert.ok(results.every(({ res }) => res.status === 401 || res.status === 423), JSON.stringify(results.map(({ res }) => res.status)));
      assert.ok((await checkedFailures(u.id, 'auth.login')) <= 5, '最多核对5个口令');
      assert.equal((await loginAs(u.username)).res.status, 423);
    });

    test('安全管理员可解锁被锁定的账号', async () => {
      const sysadmin = await signInAs(world, 'sysadmin');
      const secadmin = await signInAs(world, 'secadmin');
      const u = await addUser('countyAGov', ['disclosure_handler']);
      for (let i = 0; i < 5; i += 1) await loginAs(u.username, 'Wrong@Passw0rd!');
      assert.equal((await loginAs(u.username)).res.status, 423);
      const list = await sysadmin.get(`/api/system/users?q=${u.username}`);
      assert.equal(list.body.items[0].locked, true);
      const unlock = await secadmin.post(`/api/security/users/${u.id}/unlock`);
      assert.equal(unlock.status, 200);
      assert.equal((await loginAs(u.username)).res.status, 200);
    });

    test('三权分立: 解锁账号是安全管理员的职责，系统管理员和业务人员不能解锁', async () => {
      const sysadmin = await signInAs(world, 'sysadmin');
      const handlerA = await signInAs(world, 'handlerA');
      const u = await addUser('countyAGov', ['disclosure_handler']);
      for (let i = 0; i < 5; i += 1) await loginAs(u.username, 'Wrong@Passw0rd!');
      assert.equal((await sysadmin.post(`/api/security/users/${u.id}/unlock`)).status, 403);
      assert.equal((await handlerA.post(`/api/security/users/${u.id}/unlock`)).status, 403);
      assert.equal((await loginAs(u.username)).res.status, 423);
    });
  });

  describe('会话超时与退出', () => {
    test('等保三级: 空闲29分钟内的请求仍有效，且每次活动重新计时', async () => {
      const { client } = await loginAs('deptA');
      world.clock.advanceMinutes(29);
      assert.equal((await client.get('/api/auth/me')).status, 200);
      world.clock.advanceMinutes(29);
      assert.equal((await client.get('/api/auth/me')).status, 200);
    });

    test('等保三级: 空闲超过30分钟会话失效（401）', async () => {
      const { client } = await loginAs('deptA');
      world.clock.advanceMinutes(10);
      assert.equal((await client.get('/api/auth/me')).status, 200);
      world.clock.advanceMinutes(31);
      const res = await client.get('/api/auth/me');
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 'UNAUTHENTICATED');
      // The expired session is gone for good, not just refused once.
      world.clock.advanceMinutes(-30);
      assert.equal((await client.get('/api/auth/me')).status, 401);
      world.clock.advanceMinutes(30);
    });

    test('等保三级: 会话自登录起最长12小时，持续活动也不延长', async () => {
      const { client } = await loginAs('townA');
      for (let elapsed = 20; elapsed < 12 * 60; elapsed += 20) {
        world.clock.advanceMinutes(20);
        assert.equal((await client.get('/api/auth/me')).status, 200, `登录后 ${elapsed} 分钟`);
      }
      world.clock.advanceMinutes(20); // 12 h 00 min since login, 20 min since the last request
      const res = await client.get('/api/auth/me');
      assert.equal(res.status, 401);
    });

    test('退出后原会话 Cookie 不再有效', async () => {
      const { client } = await loginAs('leaderA');
      const cookie = client.cookie;
      assert.ok(cookie);
      const out = await client.post('/api/auth/logout');
      assert.equal(out.status, 200);
      client.cookie = cookie;
      const res = await client.get('/api/disclosure/requests');
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 'UNAUTHENTICATED');
    });
  });

  describe('跨站请求伪造防护', () => {
    test('缺少 X-CSRF-Token 的修改请求被拒绝（403 CSRF_FAILED），且未生效', async () => {
      const { client } = await loginAs('leaderA');
      const token = client.csrf;
      client.csrf = null;
      const res = await client.post('/api/auth/logout');
      assert.equal(res.status, 403);
      assert.equal(res.body.code, 'CSRF_FAILED');
      client.csrf = token;
      assert.equal((await client.get('/api/auth/me')).status, 200, '会话仍然有效：退出未执行');
    });

    test('X-CSRF-Token 与会话不符的修改请求被拒绝', async () => {
      const { client } = await loginAs('leaderA');
      const res = await client.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'forged-token' });
      assert.equal(res.status, 403);
      assert.equal(res.body.code, 'CSRF_FAILED');
    });

    test('来自其他站点（Origin 不同）的修改请求即使带有令牌也被拒绝', async () => {
      const { client } = await loginAs('leaderA');
      const foreign = await client.request('POST', '/api/auth/logout', {}, { origin: 'https://evil.example', host: 'fazhi.example.gov.cn' });
      assert.equal(foreign.status, 403);
      assert.equal(foreign.body.code, 'CSRF_FAILED');
      assert.equal((await client.get('/api/auth/me')).status, 200);
      const same = await client.request('POST', '/api/auth/logout', {}, { origin: 'https://fazhi.example.gov.cn', host: 'fazhi.example.gov.cn' });
      assert.equal(same.status, 200);
    });
    test('Origin 为 null 或无法解析时按跨站请求拒绝（403，而非 500）', async () => {
      const { client } = await loginAs('leaderA');
      for (const origin of ['null', 'not a url']) {
        const res = await client.request('POST', '/api/auth/logout', {}, { origin, host: 'fazhi.example.gov.cn' });
        assert.equal(res.status, 403, origin);
        assert.equal(res.body.code, 'CSRF_FAILED', origin);
      }
      assert.equal((await client.get('/api/auth/me')).status, 200);
    });
  });

  describe('双因素认证', () => {
    test('等保三级: 管理员首次登录须绑定动态口令，绑定前不能访问任何业务或管理接口', async () => {
      const { client, res } = await loginAs('auditor');
      assert.equal(res.status, 200);
      assert.equal(res.body.next, 'mfa_enroll');
      for (const path of ['/api/audit/logs', '/api/disclosure/requests', '/api/home', '/api/system/users']) {
        const r = await client.get(path);
        assert.equal(r.status, 401, path);
        assert.equal(r.body.code, 'MFA_REQUIRED', path);
      }
      const verify = await client.post('/api/audit/verify');
      assert.equal(verify.status, 401);
      assert.equal(verify.body.code, 'MFA_REQUIRED');
      const me = await client.get('/api/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.user, null);
      assert.equal(me.body.pending, 'mfa_enroll');
    });

    test('绑定时输入错误的动态口令被拒绝，正确口令绑定后可访问本职接口', async () => {
      const u = await addUser('cityOffice', ['audit_admin']);
      const { client } = await loginAs(u.username);
      const enrol = await client.post('/api/auth/mfa/enroll');
      assert.equal(enrol.status, 200);
      assert.match(enrol.body.uri, /^otpauth:\/\/totp\//);
      const bad = await client.post('/api/auth/mfa/enroll/confirm', { code: wrongCode(enrol.body.secret) });
      assert.equal(bad.status, 422);
      assert.equal((await client.get('/api/audit/logs')).body.code, 'MFA_REQUIRED');
      const good = await client.post('/api/auth/mfa/enroll/confirm', { code: totpAt(enrol.body.secret, totpStep(world.clock.now())) });
      assert.equal(good.status, 200);
      assert.equal(good.body.next, 'ok');
      assert.equal((await client.get('/api/audit/logs')).status, 200);
    });

    test('等保三级: 已绑定的管理员再次登录须输入动态口令，错误口令被拒绝', async () => {
      const u = await addUser('cityOffice', ['security_admin']);
      const first = await loginAs(u.username);
      const secret = (await first.client.post('/api/auth/mfa/enroll')).body.secret as string;
      await first.client.post('/api/auth/mfa/enroll/confirm', { code: totpAt(secret, totpStep(world.clock.now())) });
      world.clock.advance(30_000);
      const { client, res } = await loginAs(u.username);
      assert.equal(res.body.next, 'mfa');
      assert.equal((await client.get('/api/auth/me')).body.pending, 'mfa');
      assert.equal((await client.get('/api/security/roles')).body.code, 'MFA_REQUIRED');
      const bad = await client.post('/api/auth/mfa', { code: wrongCode(secret) });
      assert.equal(bad.status, 422);
      assert.equal((await client.get('/api/security/roles')).body.code, 'MFA_REQUIRED');
      const good = await client.post('/api/auth/mfa', { code: totpAt(secret, totpStep(world.clock.now())) });
      assert.equal(good.status, 200);
      assert.equal((await client.get('/api/security/roles')).status, 200);
    });

    test('等保三级: 连续5次动态口令错误锁定账号并结束该会话', async () => {
      const u = await enrolledAdmin();
      const { client } = await loginAs(u.username);
      for (let i = 1; i <= 4; i += 1) assert.equal((await client.post('/api/auth/mfa', { code: wrongCode(u.secret) })).status, 422, `第 ${i} 次`);
      const fifth = await client.post('/api/auth/mfa', { code: wrongCode(u.secret) });
      assert.equal(fifth.status, 423);
      assert.equal(fifth.body.code, 'LOCKED');
      const after = await client.post('/api/auth/mfa', { code: totpAt(u.secret, totpStep(world.clock.now())) });
      assert.notEqual(after.status, 200, '锁定后该会话不能再校验动态口令');
      assert.equal((await client.get('/api/auth/me')).status, 401);
      assert.equal((await loginAs(u.username)).res.status, 423);
    });

    test('等保三级: 重新输入正确口令不清零动态口令的失败次数', async () => {
      const u = await enrolledAdmin();
      const first = await loginAs(u.username);
      for (let i = 0; i < 3; i += 1) await first.client.post('/api/auth/mfa', { code: wrongCode(u.secret) });
      const second = await loginAs(u.username);
      assert.equal(second.res.body.next, 'mfa');
      assert.equal((await second.client.post('/api/auth/mfa', { code: wrongCode(u.secret) })).status, 422);
      assert.equal((await second.client.post('/api/auth/mfa', { code: wrongCode(u.secret) })).status, 423);
    });

    test('等保三级: 动态口令校验成功后失败次数清零', async () => {
      const u = await enrolledAdmin();
      const first = await loginAs(u.username);
      for (let i = 0; i < 4; i += 1) await first.client.post('/api/auth/mfa', { code: wrongCode(u.secret) });
      assert.equal((await first.client.post('/api/auth/mfa', { code: totpAt(u.secret, totpStep(world.clock.now())) })).status, 200);
      world.clock.advance(30_000);
      const second = await loginAs(u.username);
      for (let i = 0; i < 4; i += 1) assert.equal((await second.client.post('/api/auth/mfa', { code: wrongCode(u.secret) })).status, 422);
      assert.equal((await second.client.post('/api/auth/mfa', { code: totpAt(u.secret, totpStep(world.clock.now())) })).status, 200);
    });

    test('等保三级: 并发的动态口令猜测同样受5次限制', async () => {
      const u = await enrolledAdmin();
      const sessions = await Promise.all(Array.from({ length: 4 }, () => loginAs(u.username)));
      const guesses = sessions.flatMap(({ client }) => Array.from({ length: 5 }, () => client.post('/api/auth/mfa', { code: wrongCode(u.secret) })));
      const statuses = (await Promise.all(guesses)).map((r) => r.status);
      assert.ok(statuses.every((s) => s === 422 || s === 423 || s === 401), JSON.stringify(statuses));
      assert.ok((await checkedFailures(u.id, 'auth.mfa')) <= 5, '最多核对5个动态口令');
      assert.equal((await loginAs(u.username)).res.status, 423);
    });

    test('等保三级: 动态口令只能使用一次，不能在之后的登录中重放', async () => {
      const u = await addUser('cityOffice', ['system_admin']);
      const first = await loginAs(u.username);
      const secret = (await first.client.post('/api/auth/mfa/enroll')).body.secret as string;
      const used = totpAt(secret, totpStep(world.clock.now()));
      assert.equal((await first.client.post('/api/auth/mfa/enroll/confirm', { code: used })).status, 200);
      await first.client.post('/api/auth/logout');

      // Same 30-second window: the code just used is still "valid" by time, but already spent.
      const replay = await loginAs(u.username);
      assert.equal(replay.res.body.next, 'mfa');
      const res = await replay.client.post('/api/auth/mfa', { code: used });
      assert.equal(res.status, 422);
      assert.equal((await replay.client.get('/api/system/users')).body.code, 'MFA_REQUIRED');

      // The next time step gives a fresh code, which is accepted once.
      world.clock.advance(30_000);
      const fresh = totpAt(secret, totpStep(world.clock.now()));
      assert.equal((await replay.client.post('/api/auth/mfa', { code: fresh })).status, 200);
      assert.equal((await replay.client.get('/api/system/users')).status, 200);
      const again = await loginAs(u.username);
      assert.equal((await again.client.post('/api/auth/mfa', { code: fresh })).status, 422);
    });
  });

  describe('口令策略', () => {
    test('checkPasswordPolicy: 长度至少12位（11位拒绝，12位接受）', () => {
      assert.ok(checkPasswordPolicy('Ab3$efghijk', 'zhang').some((p) => p.includes('12')));
      assert.deepEqual(checkPasswordPolicy('Ab3$efghijkl', 'zhang'), []);
    });

    test('checkPasswordPolicy: 至少包含三类字符（两类拒绝，三类接受）', () => {
      assert.ok(checkPasswordPolicy('abcdefgh1234', 'zhang').some((p) => p.includes('三类')));
      assert.ok(checkPasswordPolicy('ABCDEFGHijkl', 'zhang').some((p) => p.includes('三类')));
      assert.deepEqual(checkPasswordPolicy('abcdefgh123A', 'zhang'), []);
      assert.deepEqual(checkPasswordPolicy('abcdefgh123!', 'zhang'), []);
    });

    test('checkPasswordPolicy: 不能包含用户名（不区分大小写）', () => {
      assert.ok(checkPasswordPolicy('Zhang@2026abc', 'zhang').some((p) => p.includes('用户名')));
      assert.ok(checkPasswordPolicy('ZHANG@2026abc', 'zhang').some((p) => p.includes('用户名')));
      assert.deepEqual(checkPasswordPolicy('Zhan@2026abcd', 'zhang'), []);
    });

    test('checkPasswordPolicy: 拒绝常见口令和超过128位的口令', () => {
      assert.ok(checkPasswordPolicy('P@ssw0rd1234', 'zhang').some((p) => p.includes('常见')));
      assert.ok(checkPasswordPolicy(`Aa1!${'x'.repeat(125)}`, 'zhang').some((p) => p.includes('128')));
      assert.deepEqual(checkPasswordPolicy(`Aa1!${'x'.repeat(124)}`, 'zhang'), []);
    });

    test('修改口令: 不符合策略的新口令被拒绝（422），原口令保持有效', async () => {
      const u = await addUser('countyAGov', ['disclosure_handler']);
      const { client } = await loginAs(u.username);
      const cases: [string, string, RegExp][] = [
        ['过短', 'Ab3$efgh', /12/],
        ['不足三类字符', 'abcdefghijkl1234', /三类/],
        ['包含用户名', `Q9#${u.username}zz`, /用户名/],
        ['与原口令相同', TEST_PASSWORD, /相同/],
      ];
      for (const [label, newPassword, message] of cases) {
        const res = await client.post('/api/auth/password', { oldPassword: TEST_PASSWORD, newPassword });
        assert.equal(res.status, 422, label);
        assert.equal(res.body.code, 'VALIDATION_FAILED', label);
        assert.ok(
          (res.body.details.fields as { path: string; message: string }[]).some((f) => f.path === 'newPassword' && message.test(f.message)),
          `${label}: ${JSON.stringify(res.body.details)}`,
        );
      }
      const wrongOld = await client.post('/api/auth/password', { oldPassword: 'Not@ThePassw0rd', newPassword: NEW_PASSWORD });
      assert.equal(wrongOld.status, 422);
      assert.equal(wrongOld.body.details.fields[0].path, 'oldPassword');
      assert.equal((await loginAs(u.username)).res.status, 200);
    });

    test('修改口令: 符合策略的新口令生效，旧口令失效，其他会话被结束', async () => {
      const u = await addUser('countyAGov', ['disclosure_handler']);
      const other = await loginAs(u.username);
      const { client } = await loginAs(u.username);
      const res = await client.post('/api/auth/password', { oldPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      assert.equal(res.status, 200);
      assert.equal((await client.get('/api/auth/me')).status, 200, '本会话保留');
      assert.equal((await other.client.get('/api/auth/me')).status, 401, '其他会话结束');
      assert.equal((await loginAs(u.username)).res.status, 401);
      assert.equal((await loginAs(u.username, NEW_PASSWORD)).res.status, 200);
    });

    test('管理员新建的账号首次登录须修改初始口令，修改前不能办理业务', async () => {
      const sysadmin = await signInAs(world, 'sysadmin');
      const created = await sysadmin.post('/api/system/users', {
        username: 'newclerk',
        displayName: '新同事',
        orgId: world.units.countyAGov,
        roleIds: [await roleId('disclosure_handler')],
        password: 'Init#Passw0rd9',
      });
      assert.equal(created.status, 200);
      const { client, res } = await loginAs('newclerk', 'Init#Passw0rd9');
      assert.equal(res.body.next, 'change_password');
      const blocked = await client.get('/api/disclosure/requests');
      assert.equal(blocked.status, 403);
      assert.equal(blocked.body.details.reason, 'password_change_required');
      assert.equal((await client.post('/api/auth/password', { oldPassword: 'Init#Passw0rd9', newPassword: NEW_PASSWORD })).status, 200);
      assert.equal((await client.get('/api/disclosure/requests')).status, 200);
    });

    test('管理员新建账号时初始口令也须符合口令策略', async () => {
      const sysadmin = await signInAs(world, 'sysadmin');
      const res = await sysadmin.post('/api/system/users', {
        username: 'weakpass',
        displayName: '弱口令',
        orgId: world.units.countyAGov,
        roleIds: [await roleId('disclosure_handler')],
        password: 'short1A!',
      });
      assert.equal(res.status, 422);
      assert.equal(res.body.details.fields[0].path, 'password');
    });
  });

  describe('三权分立', () => {
    test('三权分立: 同一账号不能兼任两种管理员角色（422）', async () => {
      const sysadmin = await signInAs(world, 'sysadmin');
      const res = await sysadmin.post('/api/system/users', {
        username: 'twohats',
        displayName: '兼任',
        orgId: world.units.cityOffice,
        roleIds: [await roleId('system_admin'), await roleId('audit_admin')],
        password: 'Init#Passw0rd9',
      });
      assert.equal(res.status, 422);
      assert.equal(res.body.details.fields[0].path, 'roleIds');
      const [row] = await world.platform.services.db.select().from(appUser).where(eq(appUser.username, 'twohats'));
      assert.equal(row, undefined);
    });

    test('三权分立: 管理员账号不能同时持有业务角色（422）', async () => {
      const sysadmin = await signInAs(world, 'sysadmin');
      const res = await sysadmin.post('/api/system/users', {
        username: 'adminclerk',
        displayName: '管理兼业务',
        orgId: world.units.cityOffice,
        roleIds: [await roleId('security_admin'), await roleId('disclosure_handler')],
        password: 'Init#Passw0rd9',
      });
      assert.equal(res.status, 422);
      const ok = await sysadmin.post('/api/system/users', {
        username: 'plainclerk',
        displayName: '业务',
        orgId: world.units.countyAGov,
        roleIds: [await roleId('disclosure_handler'), await roleId('leader')],
        password: 'Init#Passw0rd9',
      });
      assert.equal(ok.status, 200, '多个业务角色可以组合');
    });

    test('三权分立: 修改用户时也不能把管理员角色与业务角色组合', async () => {
      const sysadmin = await signInAs(world, 'sysadmin');
      const u = await addUser('cityOffice', ['audit_admin']);
      const [row] = await world.platform.services.db.select().from(appUser).where(eq(appUser.id, u.id));
      const res = await sysadmin.patch(`/api/system/users/${u.id}`, { roleIds: [await roleId('audit_admin'), await roleId('leader')], version: row!.version });
      assert.equal(res.status, 422);
    });

    test('三权分立: 角色不能混合管理权限与业务权限（422）', async () => {
      const secadmin = await signInAs(world, 'secadmin');
      const mixedAdmin = await secadmin.post('/api/security/roles', {
        code: 'audit_plus',
        name: '审计兼查阅',
        scope: 'all',
        adminKind: 'audit',
        permissions: ['audit:read', 'disclosure:read'],
      });
      assert.equal(mixedAdmin.status, 422);
      const mixedBusiness = await secadmin.post('/api/security/roles', {
        code: 'handler_plus',
        name: '办理兼管理',
        scope: 'unit',
        adminKind: null,
        permissions: ['disclosure:read', 'system:user_manage'],
      });
      assert.equal(mixedBusiness.status, 422);
      const crossAdmin = await secadmin.post('/api/security/roles', {
        code: 'security_plus',
        name: '安全兼审计',
        scope: 'all',
        adminKind: 'security',
        permissions: ['security:role_manage', 'audit:read'],
      });
      assert.equal(crossAdmin.status, 422);
      const ok = await secadmin.post('/api/security/roles', {
        code: 'reader_only',
        name: '只读',
        scope: 'unit',
        adminKind: null,
        permissions: ['disclosure:read', 'report:read'],
      });
      assert.equal(ok.status, 200);
    });

    test('三权分立: 管理员看不到业务数据，业务人员和其他管理员不能进入他人的管理职能', async () => {
      const sysadmin = await signInAs(world, 'sysadmin');
      const secadmin = await signInAs(world, 'secadmin');
      const handlerA = await signInAs(world, 'handlerA');
      const auditor = await signInAs(world, 'auditor');
      const business = await sysadmin.get('/api/disclosure/requests');
      assert.equal(business.status, 403);
      assert.equal(business.body.code, 'FORBIDDEN');
      assert.equal((await secadmin.get('/api/disclosure/requests')).status, 403);
      assert.equal((await auditor.get('/api/disclosure/requests')).status, 403);
      assert.equal((await auditor.get('/api/system/users')).status, 403);
      assert.equal((await auditor.get('/api/security/roles')).status, 403);
      assert.equal((await sysadmin.get('/api/audit/logs')).status, 403);
      // Each admin keeps to its own area: the security admin may look users up (to unlock them) but not create them,
      // the system admin may read roles (to assign them) but not define them.
      assert.equal((await secadmin.post('/api/system/users', { username: 'bysecadmin', displayName: 'x', orgId: world.units.countyAGov, roleIds: [], password: 'Init#Passw0rd9' })).status, 403);
      assert.equal((await sysadmin.post('/api/security/roles', { code: 'bysysadmin', name: 'x', scope: 'unit', adminKind: null, permissions: ['disclosure:read'] })).status, 403);
      assert.equal((await sysadmin.post(`/api/security/users/${world.users.handlerA}/reset-mfa`)).status, 403);
      assert.equal((await handlerA.get('/api/system/users')).status, 403);
      assert.equal((await handlerA.get('/api/audit/logs')).status, 403);
      assert.equal((await auditor.get('/api/audit/logs')).status, 200);
    });
  });

  describe('数据权限变更即时生效', () => {
    test('角色的数据范围被修改后，持有该角色的用户下一次请求即按新范围查询', async () => {
      const secadmin = await signInAs(world, 'secadmin');
      await registerVia(await signInAs(world, 'handlerA'), world.units.countyAGov);
      const created = await secadmin.post('/api/security/roles', {
        code: 'county_reader',
        name: '县级查阅',
        scope: 'unit_and_below',
        adminKind: null,
        permissions: ['disclosure:read'],
      });
      assert.equal(created.status, 200);
      seq += 1;
      const db = world.platform.services.db;
      const user = await insertUser(db, {
        username: `reader${seq}`,
        displayName: '县级查阅人',
        orgId: world.units.countyA,
        roleIds: [created.body.id],
        password: TEST_PASSWORD,
        mustChangePassword: false,
      });
      const { client } = await loginAs(user.username);
      const before = await client.get('/api/disclosure/requests');
      assert.equal(before.status, 200);
      assert.ok(before.body.total >= 1, '本级及下级：能看到甲县政府办的申请');

      const changed = await secadmin.patch(`/api/security/roles/${created.body.id}`, {
        code: 'county_reader',
        name: '县级查阅',
        scope: 'unit',
        adminKind: null,
        permissions: ['disclosure:read'],
        version: created.body.version,
      });
      assert.equal(changed.status, 200);
      const after = await client.get('/api/disclosure/requests');
      assert.equal(after.status, 200);
      assert.equal(after.body.total, 0, '仅本单位：甲县本级没有申请');
    });

    test('用户的角色被修改后原会话立即失效，重新登录后按新角色授权', async () => {
      const sysadmin = await signInAs(world, 'sysadmin');
      const u = await addUser('countyAGov', ['disclosure_handler']);
      const { client } = await loginAs(u.username);
      assert.equal((await client.get('/api/disclosure/requests')).status, 200);
      const [row] = await world.platform.services.db.select().from(appUser).where(eq(appUser.id, u.id));
      const res = await sysadmin.patch(`/api/system/users/${u.id}`, { roleIds: [await roleId('leader')], version: row!.version });
      assert.equal(res.status, 200);
      assert.equal((await client.get('/api/disclosure/requests')).status, 401);
      const again = await loginAs(u.username);
      assert.equal((await again.client.get('/api/disclosure/requests')).status, 200);
      const register = await again.client.post('/api/disclosure/requests', requestBody(world.units.countyAGov));
      assert.equal(register.status, 403);
      const me = await again.client.get('/api/auth/me');
      assert.equal(me.body.permissions.includes('disclosure:register'), false);
    });

    test('停用账号后其会话立即失效，且不能再登录', async () => {
      const sysadmin = await signInAs(world, 'sysadmin');
      const u = await addUser('countyAGov', ['disclosure_handler']);
      const { client } = await loginAs(u.username);
      const [row] = await world.platform.services.db.select().from(appUser).where(eq(appUser.id, u.id));
      assert.equal((await sysadmin.patch(`/api/system/users/${u.id}`, { isActive: false, version: row!.version })).status, 200);
      assert.equal((await client.get('/api/auth/me')).status, 401);
      const again = await loginAs(u.username);
      assert.equal(again.res.status, 401);
    });
  });

});
