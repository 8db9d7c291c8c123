import { z } from '@hono/zod-openapi';
import { apiRoute } from '../http/openapi-helpers';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { AppError } from '../errors/app-error';
import { createRouter } from '../http/router';
import type { AppEnv } from '../http/app-env';
import { sessionCookieName } from '../http/middleware';
import { LoginThrottle } from './login-throttle';
import { changePassword, confirmTotpEnrolment, login, startTotpEnrolment, verifySecondFactor, type LoginStep } from './login';
import { destroySession } from './session-store';
import { recordAudit } from '../audit/record-audit';
import { calendarWarning } from '../calendar/calendar-warning';

const nextStepSchema = z.object({ next: z.enum(['ok', 'mfa', 'mfa_enroll', 'change_password']), csrfToken: z.string().optional() });

const pendingStep = (c: Context<AppEnv>): LoginStep => {
  const s = c.get('session');
  if (!s) return 'ok';
  if (s.mfaRequired && !s.mfaPassed) return s.totpEnabled ? 'mfa' : 'mfa_enroll';
  if (s.mustChangePassword) return 'change_password';
  return 'ok';
};

const requireSession = (c: Context<AppEnv>) => {
  const s = c.get('session');
  if (!s) throw new AppError('UNAUTHENTICATED');
  return s;
};


/** 登录、双因素认证、修改口令、退出与当前用户信息。 */
export const authRoutes = () => {
  const throttle = new LoginThrottle();
  return createRouter()
    .openapi(
      apiRoute('post', '/login', { tags: ['认证'], summary: '登录', body: z.object({ username: z.string().trim().min(1, '请输入用户名').max(64, '用户名不能超过 64 个字符'), password: z.string().min(1, '请输入口令').max(128, '口令不能超过 128 个字符') }), response: nextStepSchema }),
      async (c) => {
        const body = c.req.valid('json');
        const services = c.get('services');
        const ctx = c.get('ctx');
        throttle.check(ctx.ip, ctx.now.getTime());
        let result;
        try {
          result = await login(ctx, { ...body, userAgent: c.req.header('user-agent') ?? null });
        } catch (e) {
          if (e instanceof AppError && (e.code === 'UNAUTHENTICATED' || e.code === 'LOCKED')) throttle.fail(ctx.ip, ctx.now.getTime());
          throw e;
        }
        setCookie(c, sessionCookieName(services.config.cookieSecure), result.token, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: services.config.cookieSecure,
          path: '/',
        });
        return c.json({ next: result.next, csrfToken: result.csrfToken }, 200);
      },
    )
    .openapi(
      apiRoute('post', '/mfa', { tags: ['认证'], summary: '校验动态口令', body: z.object({ code: z.string().trim().regex(/^\d{6}$/, '动态口令为 6 位数字') }), response: nextStepSchema }),
      async (c) => {
        const s = requireSession(c);
        await verifySecondFactor(c.get('ctx'), s.id, s.userId, c.req.valid('json').code);
        return c.json({ next: s.mustChangePassword ? 'change_password' : 'ok' } as const, 200);
      },
    )
    .openapi(
      apiRoute('post', '/mfa/enroll', { tags: ['认证'], summary: '开始绑定动态口令', response: z.object({ secret: z.string(), uri: z.string() }) }),
      async (c) => {
        const s = requireSession(c);
        return c.json(await startTotpEnrolment(c.get('ctx'), s.userId), 200);
      },
    )
    .openapi(
      apiRoute('post', '/mfa/enroll/confirm', { tags: ['认证'], summary: '确认绑定动态口令', body: z.object({ code: z.string().trim().regex(/^\d{6}$/, '动态口令为 6 位数字') }), response: nextStepSchema }),
      async (c) => {
        const s = requireSession(c);
        await confirmTotpEnrolment(c.get('ctx'), s.id, s.userId, c.req.valid('json').code);
        return c.json({ next: s.mustChangePassword ? 'change_password' : 'ok' } as const, 200);
      },
    )
    .openapi(
      apiRoute('post', '/password', { tags: ['认证'], summary: '修改口令', body: z.object({ oldPassword: z.string().min(1, '请输入原口令').max(128), newPassword: z.string().min(1, '请输入新口令').max(256) }), response: nextStepSchema }),
      async (c) => {
        const s = requireSession(c);
        if (s.mfaRequired && !s.mfaPassed) throw new AppError('MFA_REQUIRED');
        await changePassword(c.get('ctx'), { userId: s.userId, sessionId: s.id, ...c.req.valid('json') });
        return c.json({ next: 'ok' } as const, 200);
      },
    )
    .openapi(
      apiRoute('post', '/logout', { tags: ['认证'], summary: '退出', response: z.object({ ok: z.boolean() }) }),
      async (c) => {
        const s = c.get('session');
        if (s) {
          const ctx = c.get('ctx');
          await ctx.db.transaction(async (tx) => {
            await destroySession(tx, s.id);
            await recordAudit(tx, ctx, { action: 'auth.logout', module: 'auth', entityType: 'app_user', entityId: s.userId });
          });
        }
        deleteCookie(c, sessionCookieName(c.get('services').config.cookieSecure), { path: '/', secure: c.get('services').config.cookieSecure });
        return c.json({ ok: true }, 200);
      },
    )
    .openapi(
      apiRoute('get', '/me', { tags: ['认证'], summary: '当前用户、权限与菜单', response: z.any() }),
      async (c) => {
        const s = requireSession(c);
        const ctx = c.get('ctx');
        const pending = pendingStep(c);
        const actor = ctx.actor;
        if (!actor) {
          return c.json({ user: null, permissions: [], menu: [], csrfToken: s.csrfToken, pending: pending === 'ok' ? null : pending, calendarWarning: null }, 200);
        }
        const permissions = Object.keys(actor.grants).sort();
        const services = c.get('services');
        return c.json(
          {
            user: {
              id: actor.id,
              username: actor.username,
              displayName: actor.displayName,
              orgId: actor.orgId,
              orgName: actor.orgName,
              adminKind: actor.adminKind,
              roleNames: actor.roleNames,
            },
            permissions,
            menu: services.registry.menu((p) => Boolean(actor.grants[p])),
            csrfToken: s.csrfToken,
            pending: null,
            calendarWarning: await calendarWarning(ctx),
          },
          200,
        );
      },
    );
};
