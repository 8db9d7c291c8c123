import { AppError } from '../errors/app-error';

/** Failed sign-ins one client address may make in a window before it must wait (password spraying). */
export const LOGIN_FAILURES_PER_IP = 30;
export const LOGIN_THROTTLE_WINDOW_MS = 15 * 60_000;

/**
 * Per-address counter of failed sign-ins, in process memory. Account lockout stops guessing one account;
 * this stops one address trying a few passwords on many accounts (which never locks any of them).
 * Successes do not reset it, so one valid account cannot launder an attacker's count.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  /**
   * Refuses with 429 while the address has used up its failures in the current window. Calls without a
   * peer address (in-process requests; every network request has one) are not counted.
   */
  check(ip: string | null, now: number): void {
    if (!ip) return;
    const entry = this.failures.get(ip);
    if (entry && entry.resetAt > now && entry.count >= LOGIN_FAILURES_PER_IP) {
      const minutes = Math.ceil((entry.resetAt - now) / 60_000);
      throw new AppError('RATE_LIMITED', `登录失败次数过多，请 ${minutes} 分钟后再试`, { details: { retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) } });
    }
  }

  fail(ip: string | null, now: number): void {
    if (!ip) return;
    const key = ip;
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.failures.size > 10_000) for (const [k, v] of this.failures) if (v.resetAt <= now) this.failures.delete(k);
      this.failures.set(key, { count: 1, resetAt: now + LOGIN_THROTTLE_WINDOW_MS });
    } else entry.count += 1;
  }
}
