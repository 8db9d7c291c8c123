import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors/app-error';
import type { AppEnv } from './app-env';

/**
 * A fixed-window limiter per client IP, in process memory: enough for the public portal of one
 * process; several processes each count on their own.
 */
export const rateLimit = (limit: number, windowMs: number): MiddlewareHandler<AppEnv> => {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return async (c, next) => {
    const ctx = c.get('ctx');
    const key = ctx.ip ?? 'unknown';
    const now = ctx.now.getTime();
    const entry = hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (hits.size > 10_000) for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
      hits.set(key, { count: 1, resetAt: now + windowMs });
    } else if (++entry.count > limit) {
      c.header('Retry-After', String(Math.ceil((entry.resetAt - now) / 1000)));
      throw new AppError('RATE_LIMITED');
    }
    await next();
  };
};
