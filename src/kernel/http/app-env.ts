import type { Ctx, KernelServices } from '../context';

export interface SessionInfo {
  id: string;
  userId: number;
  csrfToken: string;
  mfaPassed: boolean;
  mustChangePassword: boolean;
  mfaRequired: boolean;
  /** Whether the user has a TOTP factor enrolled (else the pending MFA step is enrolment). */
  totpEnabled: boolean;
}

/** Hono environment shared by every router. */
export interface AppEnv {
  Variables: {
    services: KernelServices;
    requestId: string;
    ctx: Ctx;
    session: SessionInfo | null;
  };
}
