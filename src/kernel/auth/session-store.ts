import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { session } from '../db/schema';
import { sm3 } from '../crypto/sm';

/** Creates a session; returns the cookie token (only its SM3 digest is stored). */
export const createSession = async (
  db: DbOrTx,
  args: { userId: number; mfaPassed: boolean; now: Date; absoluteHours: number; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; id: string }> => {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = sm3(token);
  await db.insert(session).values({
    id,
    userId: args.userId,
    csrfToken,
    mfaPassed: args.mfaPassed,
    lastSeenAt: args.now,
    expiresAt: new Date(args.now.getTime() + args.absoluteHours * 3600_000),
    ip: args.ip,
    userAgent: args.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, id };
};

export const sessionIdOf = (token: string): string => sm3(token);

export const destroySession = async (db: DbOrTx, id: string): Promise<void> => {
  await db.delete(session).where(eq(session.id, id));
};

export const destroyUserSessions = async (db: DbOrTx, userId: number): Promise<void> => {
  await db.delete(session).where(eq(session.userId, userId));
};
