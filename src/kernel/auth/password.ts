import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt N=2^15, r=8, p=1: about 90 ms per hash on these machines (stack notes §6).
const N_LOG2 = 15;
const R = 8;
const P = 1;
const KEY_LEN = 64;

const scryptAsync = (password: string, salt: Buffer, nLog2: number, r: number, p: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const N = 2 ** nLog2;
    scrypt(password.normalize('NFKC'), salt, KEY_LEN, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });

/** Hashes a password as `scrypt$nLog2$r$p$salt$hash` (base64), so parameters can be raised later. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N_LOG2, R, P);
  return ['scrypt', N_LOG2, R, P, salt.toString('base64'), key.toString('base64')].join('$');
};

/** Checks a password against a stored hash in constant time. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyB64, 'base64');
  const actual = await scryptAsync(password, Buffer.from(saltB64, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

// A dummy hash so that an unknown username costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
export const burnPasswordTime = async (password: string): Promise<void> => {
  dummyHash ??= hashPassword('dummy-password-for-timing');
  await verifyPassword(password, await dummyHash);
};

const COMMON_PASSWORDS = new Set([
  'password1234',
  'p@ssw0rd1234',
  'admin1234567',
  'qwerty123456',
  '123456789abc',
  'abc123456789',
  'passw0rd!234',
  'welcome12345',
  'iloveyou1234',
  'admin@123456',
]);

/**
 * 口令策略: at least 12 characters, at most 128, three of the four character classes, not containing
 * the username, not a common password (等保 三级 身份鉴别 a; security-bar §6.H).
 */
export const checkPasswordPolicy = (password: string, username: string): string[] => {
  const problems: string[] = [];
  if (password.length < 12) problems.push('口令长度至少 12 位');
  if (password.length > 128) problems.push('口令长度不能超过 128 位');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('口令须包含大写字母、小写字母、数字、特殊字符中的至少三类');
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('口令不能包含用户名');
  if (COMMON_PASSWORDS.has(password.toLowerCase())) problems.push('口令过于常见');
  return problems;
};
