import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { eq, sql } from 'drizzle-orm';
import type { KernelServices } from '../context';
import { session } from '../db/schema';
import { queryRows } from '../db/client';
import { AppError } from '../errors/app-error';
import { actorColumns, actorFromRow, type ActorRow } from '../auth/load-actor';
import { sessionIdOf } from '../auth/session-store';
import type { AppEnv } from './app-env';

export const sessionCookieName = (secure: boolean): string => (secure ? '__Host-sid' : 'sid');

const clientIp = (c: Parameters<MiddlewareHandler<AppEnv>>[0], trustProxy: boolean): string | null => {
  if (trustProxy) {
    // The proxy appends the address it saw; anything before it is what the client claimed.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
};

/** Request id, security headers and the per-request context (signed in or not). */
export const contextMiddleware = (services: KernelServices): MiddlewareHandler<AppEnv> => async (c, next) => {
  const requestId = randomUUID();
  c.set('requestId', requestId);
  c.set('services', services);
  c.set('session', null);
  c.set('ctx', { services, db: services.db, actor: null, now: services.clock(), requestId, ip: clientIp(c, services.config.trustProxy === true) });
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

/** The host of an Origin header; null for `Origin: null` (sandboxed or privacy-redirected requests) or junk. */
const originHost = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
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
    // Session, account, unit and roles in one round trip: this runs on every request.
    const [row] = await queryRows<ActorRow & { csrf_token: string; mfa_passed: boolean; last_seen_at: Date | string; expires_at: Date | string; must_change_password: boolean; totp_enabled: boolean }>(
      services.db,
      sql`select s.csrf_token, s.mfa_passed, s.last_seen_at, s.expires_at, u.must_change_password, u.totp_enabled, ${actorColumns}
          from session s join app_user u on u.id = s.user_id join org_unit o on o.id = u.org_id where s.id = ${id}`,
    );
    const idleMs = services.config.sessionIdleMinutes * 60_000;
    const lastSeen = row ? new Date(row.last_seen_at).getTime() : 0;
    if (row && new Date(row.expires_at) > ctx.now && ctx.now.getTime() - lastSeen <= idleMs) {
      const actor = actorFromRow(row);
      if (actor) {
        const mfaRequired = row.totp_enabled || Boolean(actor.adminKind);
        c.set('session', {
          id,
          userId: row.user_id,
          csrfToken: row.csrf_token,
          mfaPassed: row.mfa_passed,
          mustChangePassword: row.must_change_password,
          mfaRequired,
          totpEnabled: row.totp_enabled,
        });
        const pending = (mfaRequired && !row.mfa_passed) || row.must_change_password;
        if (!pending) c.set('ctx', { ...ctx, actor });
        // Touch at most once a minute: it keeps writes (and PGlite's single lane) light.
        if (ctx.now.getTime() - lastSeen > 60_000) {
          await services.db.update(session).set({ lastSeenAt: ctx.now }).where(eq(session.id, id));
        }
      }
    } else if (row) {
      await services.db.delete(session).where(eq(session.id, id));
    }
  }

  const method = c.req.method;
  const path = c.req.path;
  const s = c.get('session');
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && path !== '/api/auth/login' && !path.startsWith('/api/public/')) {
    const origin = c.req.header('origin');
    if (origin && originHost(origin) !== c.req.header('host')) throw new AppError('CSRF_FAILED', '拒绝跨站请求');
    if (s && c.req.header('x-csrf-token') !== s.csrfToken) throw new AppError('CSRF_FAILED');
  }
  if (s && !c.get('ctx').actor && !PENDING_ALLOWED.has(path) && path.startsWith('/api/') && !path.startsWith('/api/public/')) {
    if (s.mustChangePassword && !(s.mfaRequired && !s.mfaPassed)) throw new AppError('FORBIDDEN', '请先修改初始口令', { details: { reason: 'password_change_required' } });
    throw new AppError('MFA_REQUIRED');
  }
  await next();
};
