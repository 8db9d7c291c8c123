/**
 * Signing in again and again as the same account within one test world: `world.login` enrols an
 * admin's TOTP on the first login only, so later logins of that admin would stop at the MFA step.
 * `signInAs` remembers each admin's secret and answers the MFA step with a code of a fresh time step
 * (moving the TestClock on by 30 s when needed, since a code is accepted once).
 */
import { totpAt, totpStep } from '../../src/kernel/auth/totp';
import { TEST_PASSWORD, type TestClient, type TestWorld } from './test-platform';

const secrets = new WeakMap<TestWorld, Map<string, { secret: string; lastStep: number }>>();

const freshStep = (world: TestWorld, lastStep: number): number => {
  while (totpStep(world.clock.now()) <= lastStep) world.clock.advance(30_000);
  return totpStep(world.clock.now());
};

/** A client signed in as `username` with every login step done; works any number of times per world. */
export const signInAs = async (world: TestWorld, username: string, password = TEST_PASSWORD): Promise<TestClient> => {
  let known = secrets.get(world);
  if (!known) secrets.set(world, (known = new Map()));
  const client = world.anonymous();
  const res = await client.post('/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`登录失败 ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  if (res.body.next === 'mfa_enroll') {
    const enrol = await client.post('/api/auth/mfa/enroll');
    const step = freshStep(world, -1);
    const confirm = await client.post('/api/auth/mfa/enroll/confirm', { code: totpAt(enrol.body.secret, step) });
    if (confirm.status !== 200) throw new Error(`绑定动态口令失败: ${JSON.stringify(confirm.body)}`);
    known.set(username, { secret: enrol.body.secret, lastStep: step });
    client.totpSecret = enrol.body.secret;
  } else if (res.body.next === 'mfa') {
    const entry = known.get(username);
    if (!entry) throw new Error(`${username} 已绑定动态口令，但密钥不是由 signInAs 绑定的`);
    const step = freshStep(world, entry.lastStep);
    const mfa = await client.post('/api/auth/mfa', { code: totpAt(entry.secret, step) });
    if (mfa.status !== 200) throw new Error(`动态口令校验失败: ${JSON.stringify(mfa.body)}`);
    entry.lastStep = step;
    client.totpSecret = entry.secret;
  }
  await client.get('/api/auth/me');
  return client;
};
