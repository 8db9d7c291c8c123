// The signed-in user (GET /api/auth/me), shared through React context.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import type { MenuEntry } from '../kernel/shared/define-manifest';
import { api, ApiError, setCsrfToken } from './api-client';
import { clearCache } from './kit/cache';

export type PendingStep = 'mfa' | 'mfa_enroll' | 'change_password';

export interface MeUser {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  adminKind: 'system' | 'security' | 'audit' | null;
  roleNames: string[];
}

export interface MenuGroup {
  key: string;
  label: string;
  items: MenuEntry[];
}

export interface Me {
  user: MeUser | null;
  permissions: string[];
  menu: MenuGroup[];
  csrfToken?: string;
  pending: PendingStep | null;
  calendarWarning: string | null;
}

interface SessionValue {
  /** The signed-in user; null when nobody is signed in. A pending session has `user: null` and `pending`. */
  me: Me | null;
  loading: boolean;
  /** Reloads /api/auth/me. */
  reload: () => Promise<Me | null>;
  can: (permission: string) => boolean;
  logout: () => Promise<void>;
  /** Forgets the user locally (after a 401). */
  clear: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export const fetchMe = async (): Promise<Me | null> => {
  try {
    const me = await api.get<Me>('/api/auth/me', undefined, { silent: true });
    setCsrfToken(me.csrfToken ?? null);
    return { ...me, permissions: me.permissions ?? [], menu: me.menu ?? [], pending: me.pending ?? null, calendarWarning: me.calendarWarning ?? null };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    try {
      const next = await fetchMe();
      setMe(next);
      return next;
    } catch {
      setMe(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  // Public portal pages need no session: /api/auth/me is asked for on the first staff page.
  const portal = useLocation().pathname.startsWith('/portal');
  const asked = useRef(false);
  useEffect(() => {
    if (portal || asked.current) return;
    asked.current = true;
    void reload();
  }, [portal, reload]);

  const clear = useCallback(() => {
    setMe(null);
    setCsrfToken(null);
    clearCache();
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { silent: true });
    } catch {
      /* the session may already be gone */
    }
    clear();
  }, [clear]);

  const value = useMemo<SessionValue>(() => {
    const granted = new Set(me?.permissions ?? []);
    return { me, loading, reload, can: (p: string) => granted.has(p), logout, clear };
  }, [me, loading, reload, logout, clear]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export const useSession = (): SessionValue => {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
};

/** Whether the user holds the permission. */
export const useCan = (): ((permission: string) => boolean) => useSession().can;
