import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { AppError, validationError } from '../errors/app-error';
import type { Ctx } from '../context';
import { appUser, session } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { decryptField, encryptField } from '../crypto/sm';
import { burnPasswordTime, checkPasswordPolicy, hashPassword, verifyPassword } from './password';
import { createSession, destroySession, destroyUserSessions } from './session-store';
import { loadActor } from './load-actor';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

// 等保 三级 身份鉴别: lock the account for 30 minutes after 5 consecutive failures.
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 30;
const GENERIC_FAILURE = '用户名或口令错误';
const LOCKED_MESSAGE = `连续登录失败次数过多，账号已锁定，请 ${LOCK_MINUTES} 分钟后再试或联系安全管理员`;

export type LoginStep = 'ok' | 'mfa' | 'mfa_enroll' | 'change_password';

export interface LoginResult {
  token: string;
  csrfToken: string;
  next: LoginStep;
}

const auditAuth = async (ctx: Ctx, action: string, userId: number | null, result: 'success' | 'failure', reason?: string) => {
  await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, { ...ctx, actor: ctx.actor }, { action, module: 'auth', entityType: 'app_user', entityId: userId, result, reason: reason ?? null });
  });
};

const lockAccount = async (ctx: Ctx, userId: number) => {
  await ctx.db
    .update(appUser)
    .set({ failedAttempts: 0, lockedUntil: new Date(ctx.now.getTime() + LOCK_MINUTES * 60_000) })
    .where(eq(appUser.id, userId));
};

/**
 * Counts an authentication attempt (password or TOTP code) before the secret is checked, in one
 * atomic update, so that concurrent guesses cannot all pass the lock check: at most
 * MAX_FAILED_ATTEMPTS secrets are checked per lock period. Returns the attempt's number, or null when
 * the account is locked (or has just been locked by too many attempts in flight).
 */
const reserveAttempt = async (ctx: Ctx, userId: number): Promise<number | null> => {
  const [row] = await ctx.db
    .update(appUser)
    .set({ failedAttempts: sql`${appUser.failedAttempts} + 1` })
    .where(and(eq(appUser.id, userId), or(isNull(appUser.lockedUntil), lte(appUser.lockedUntil, ctx.now))))
    .returning({ attempt: appUser.failedAttempts });
  if (!row) return null;
  if (row.attempt > MAX_FAILED_ATTEMPTS) {
    await lockAccount(ctx, userId);
    return null;
  }
  return row.attempt;
};

/** 登录: checks the password, counts failures and locks, and opens a session that may still need MFA. */
export const login = async (ctx: Ctx, input: { username: string; password: string; userAgent: string | null }): Promise<LoginResult> => {
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.username, input.username));
  if (!user || !user.passwordHash || !user.isActive) {
    await burnPasswordTime(input.password);
    await auditAuth(ctx, 'auth.login', user?.id ?? null, 'failure', `未知或停用的账号 ${input.username.slice(0, 40)}`);
    throw new AppError('UNAUTHENTICATED', GENERIC_FAILURE);
  }
  const attempt = user.lockedUntil && user.lockedUntil > ctx.now ? null : await reserveAttempt(ctx, user.id);
  if (attempt === null) {
    await burnPasswordTime(input.password);
    await auditAuth(ctx, 'auth.login', user.id, 'failure', '账号锁定期间尝试登录');
    throw new AppError('LOCKED', LOCKED_MESSAGE);
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const lock = attempt >= MAX_FAILED_ATTEMPTS;
    if (lock) await lockAccount(ctx, user.id);
    await auditAuth(ctx, lock ? 'auth.lock' : 'auth.login', user.id, 'failure', lock ? `连续 ${MAX_FAILED_ATTEMPTS} 次口令错误，锁定账号` : '口令错误');
    throw new AppError('UNAUTHENTICATED', GENERIC_FAILURE);
  }
  const actor = await loadActor(ctx.db, user.id);
  const mfaRequired = user.totpEnabled || Boolean(actor?.adminKind);
  // A full sign-in clears the failures; with a second factor still to come only this attempt is given
  // back, so that signing in again does not reset the count of wrong TOTP codes.
  await ctx.db
    .update(appUser)
    .set(mfaRequired ? { failedAttempts: sql`greatest(${appUser.failedAttempts} - 1, 0)` } : { failedAttempts: 0, lockedUntil: null })
    .where(eq(appUser.id, user.id));
  const created = await createSession(ctx.db, {
    userId: user.id,
    mfaPassed: !mfaRequired,
    now: ctx.now,
    absoluteHours: ctx.services.config.sessionAbsoluteHours,
    ip: ctx.ip,
    userAgent: input.userAgent,
  });
  await auditAuth({ ...ctx, actor }, 'auth.login', user.id, 'success');
  const next: LoginStep = mfaRequired ? (user.totpEnabled ? 'mfa' : 'mfa_enroll') : user.mustChangePassword ? 'change_password' : 'ok';
  return { token: created.token, csrfToken: created.csrfToken, next };
};

const markMfaPassed = async (ctx: Ctx, sessionId: string) => {
  await ctx.db.update(session).set({ mfaPassed: true }).where(eq(session.id, sessionId));
};

/** 双因素认证: checks a TOTP code for the session's user; a code is accepted once. */
export const verifySecondFactor = async (ctx: Ctx, sessionId: string, userId: number, code: string): Promise<void> => {
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, userId));
  if (!user?.totpSecret || !user.totpEnabled) throw new AppError('INVALID_STATE', '尚未绑定动态口令');
  // Wrong codes count with wrong passwords towards the lock (等保 三级 登录失败处理); a lock ends the session.
  const attempt = user.lockedUntil && user.lockedUntil > ctx.now ? null : await reserveAttempt(ctx, userId);
  if (attempt === null) {
    await destroySession(ctx.db, sessionId);
    await auditAuth(ctx, 'auth.mfa', userId, 'failure', '账号锁定期间尝试校验动态口令');
    throw new AppError('LOCKED', LOCKED_MESSAGE);
  }
  const step = verifyTotp(decryptField(ctx.services.keys.field, user.totpSecret), code, ctx.now);
  if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
    const lock = attempt >= MAX_FAILED_ATTEMPTS;
    if (lock) {
      await lockAccount(ctx, userId);
      await destroySession(ctx.db, sessionId);
    }
    await auditAuth(ctx, lock ? 'auth.lock' : 'auth.mfa', userId, 'failure', lock ? `连续 ${MAX_FAILED_ATTEMPTS} 次认证失败，锁定账号` : step === null ? '动态口令错误' : '动态口令重放');
    if (lock) throw new AppError('LOCKED', LOCKED_MESSAGE);
    throw validationError([{ path: 'code', message: '动态口令错误或已使用' }]);
  }
  await ctx.db.update(appUser).set({ totpLastStep: step, failedAttempts: 0, lockedUntil: null }).where(eq(appUser.id, userId));
  await markMfaPassed(ctx, sessionId);
  await auditAuth(ctx, 'auth.mfa', userId, 'success');
};

/** Starts TOTP enrolment: stores a new (not yet enabled) secret and returns it for the authenticator app. */
export const startTotpEnrolment = async (ctx: Ctx, userId: number): Promise<{ secret: string; uri: string }> => {
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.totpEnabled) throw new AppError('INVALID_STATE', '已绑定动态口令');
  const secret = newTotpSecret();
  await ctx.db.update(appUser).set({ totpSecret: encryptField(ctx.services.keys.field, secret) }).where(eq(appUser.id, userId));
  return { secret, uri: totpUri(secret, user.username) };
};

/** Confirms TOTP enrolment with a first code; enables the factor and passes it for this session. */
export const confirmTotpEnrolment = async (ctx: Ctx, sessionId: string, userId: number, code: string): Promise<void> => {
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, userId));
  if (!user?.totpSecret) throw new AppError('INVALID_STATE', '请先开始绑定动态口令');
  if (user.totpEnabled) throw new AppError('INVALID_STATE', '已绑定动态口令');
  const step = verifyTotp(decryptField(ctx.services.keys.field, user.totpSecret), code, ctx.now);
  if (step === null) throw validationError([{ path: 'code', message: '动态口令错误' }]);
  await ctx.db.transaction(async (tx) => {
    await tx.update(appUser).set({ totpEnabled: true, totpLastStep: step, version: sql`${appUser.version} + 1` }).where(eq(appUser.id, userId));
    await tx.update(session).set({ mfaPassed: true }).where(eq(session.id, sessionId));
    await recordAudit(tx, ctx, { action: 'auth.mfa_enroll', module: 'auth', entityType: 'app_user', entityId: userId });
  });
};

/** 修改口令: checks the old password and the policy, and ends the user's other sessions. */
export const changePassword = async (
  ctx: Ctx,
  args: { userId: number; sessionId: string; oldPassword: string; newPassword: string },
): Promise<void> => {
  const [user] = await ctx.db.select().from(appUser).where(eq(appUser.id, args.userId));
  if (!user?.passwordHash) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(args.oldPassword, user.passwordHash))) {
    throw validationError([{ path: 'oldPassword', message: '原口令不正确' }]);
  }
  const problems = checkPasswordPolicy(args.newPassword, user.username);
  if (args.newPassword === args.oldPassword) problems.push('新口令不能与原口令相同');
  if (problems.length) throw validationError(problems.map((message) => ({ path: 'newPassword', message })));
  const hash = await hashPassword(args.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({ passwordHash: hash, passwordChangedAt: ctx.now, mustChangePassword: false, version: sql`${appUser.version} + 1` })
      .where(eq(appUser.id, args.userId));
    await tx.delete(session).where(sql`${session.userId} = ${args.userId} and ${session.id} <> ${args.sessionId}`);
    await recordAudit(tx, ctx, { action: 'auth.password_change', module: 'auth', entityType: 'app_user', entityId: args.userId });
  });
};

export { destroyUserSessions };
