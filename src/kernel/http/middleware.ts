import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { eq } from 'drizzle-orm';
import type { KernelServices } from '../context';
import { appUser, session } from '../db/schema';
import { AppError } from '../errors/app-error';
import { loadActor } from '../auth/load-actor';
import { sessionIdOf } from '../auth/session-store';
import type { AppEnv } from './app-env';

export const sessionCookieName = (secure: boolean): string => (secure ? '__Host-sid' : 'sid');

const clientIp = (c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | null => {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
};

/** Request id, security headers and the per-request context (signed in or not). */
export const contextMiddleware = (services: KernelServices): MiddlewareHandler<AppEnv> => async (c, next) => {
  const requestId = randomUUID();
  c.set('requestId', requestId);
  c.set('services', services);
  c.set('session', null);
  c.set('ctx', { services, db: services.db, actor: null, now: services.clock(), requestId, ip: clientIp(c) });
  await next();
  c.header('X-Request-Id', requestId);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Frame-Options', 'DENY');
  if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  else
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
};

// Paths a session that still owes a second factor or a new password may call.
const PENDING_ALLOWED = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/mfa', '/api/auth/mfa/enroll', '/api/auth/mfa/enroll/confirm', '/api/auth/password']);

/**
 * Loads the session from its cookie, enforcing idle and absolute timeouts, the pending MFA or password
 * step, and CSRF (a per-session token in `X-CSRF-Token` plus a same-origin check) on every mutation.
 */
export const sessionMiddleware = (services: KernelServices): MiddlewareHandler<AppEnv> => async (c, next) => {
  const token = getCookie(c, sessionCookieName(services.config.cookieSecure));
  const ctx = c.get('ctx');
  if (token) {
    const id = sessionIdOf(token);
    const [row] = await services.db
      .select({
        id: session.id,
        userId: session.userId,
        csrfToken: session.csrfToken,
        mfaPassed: session.mfaPassed,
        lastSeenAt: session.lastSeenAt,
        expiresAt: session.expiresAt,
        mustChangePassword: appUser.mustChangePassword,
        totpEnabled: appUser.totpEnabled,
      })
      .from(session)
      .innerJoin(appUser, eq(appUser.id, session.userId))
      .where(eq(session.id, id));
    const idleMs = services.config.sessionIdleMinutes * 60_000;
    if (row && row.expiresAt > ctx.now && ctx.now.getTime() - row.lastSeenAt.getTime() <= idleMs) {
      const actor = await loadActor(services.db, row.userId);
      if (actor) {
        const mfaRequired = row.totpEnabled || Boolean(actor.adminKind);
        c.set('session', {
          id: row.id,
          userId: row.userId,
          csrfToken: row.csrfToken,
          mfaPassed: row.mfaPassed,
          mustChangePassword: row.mustChangePassword,
          mfaRequired,
        });
        const pending = (mfaRequired && !row.mfaPassed) || row.mustChangePassword;
        if (!pending) c.set('ctx', { ...ctx, actor });
        // Touch at most once a minute: it keeps writes (and PGlite's single lane) light.
        if (ctx.now.getTime() - row.lastSeenAt.getTime() > 60_000) {
          await services.db.update(session).set({ lastSeenAt: ctx.now }).where(eq(session.id, row.id));
        }
      }
    } else if (row) {
      await services.db.delete(session).where(eq(session.id, row.id));
    }
  }

  const method = c.req.method;
  const path = c.req.path;
  const s = c.get('session');
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && path !== '/api/auth/login' && !path.startsWith('/api/public/')) {
    const origin = c.req.header('origin');
    if (origin && new URL(origin).host !== c.req.header('host')) throw new AppError('CSRF_FAILED', '拒绝跨站请求');
    if (s && c.req.header('x-csrf-token') !== s.csrfToken) throw new AppError('CSRF_FAILED');
  }
  if (s && !c.get('ctx').actor && !PENDING_ALLOWED.has(path) && path.startsWith('/api/') && !path.startsWith('/api/public/')) {
    if (s.mustChangePassword && !(s.mfaRequired && !s.mfaPassed)) throw new AppError('FORBIDDEN', '请先修改初始口令', { details: { reason: 'password_change_required' } });
    throw new AppError('MFA_REQUIRED');
  }
  await next();
};
