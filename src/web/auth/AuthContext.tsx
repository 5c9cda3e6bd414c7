import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, setApiHandlers } from '../api/client';
import type { Me } from '../api/types';
import { getLocale, hasStoredLocale, setLocale } from '../i18n/locale';

export const meQueryKey = ['auth', 'me'] as const;

export interface LoginInput {
  username: string;
  password: string;
  totpCode?: string;
}

interface AuthValue {
  me: Me | null;
  loading: boolean;
  can: (permission: string) => boolean;
  login: (input: LoginInput) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<unknown>;
  setMe: (me: Me) => void;
}

const AuthContext = createContext<AuthValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/me', undefined, { skipAuthRedirect: true });
  } catch (err) {
    // 401 simply means "not logged in"; the route guard sends the user to /login.
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/**
 * Adopt the profile's language only when this browser has no explicit choice of its own; a choice
 * made on the login page is saved to the profile once we know who the user is.
 */
function adoptLocale(me: Me | null) {
  if (me && !hasStoredLocale()) setLocale(me.locale, false);
}

function syncProfileLocale(me: Me, onSaved: (me: Me) => void) {
  if (hasStoredLocale() && getLocale() !== me.locale) api.patch<Me>('/auth/me', { locale: getLocale() }).then(onSaved, () => undefined);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data, isPending } = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, retry: false, staleTime: 60_000 });
  const me = data ?? null;

  useEffect(() => adoptLocale(me), [me]);

  useEffect(() => {
    // Session expired mid-work: forget who we were; the guard redirects and keeps the current path.
    setApiHandlers({
      unauthorized: () => {
        qc.setQueryData(meQueryKey, null);
      },
    });
  }, [qc]);

  const setMe = useCallback((next: Me) => qc.setQueryData(meQueryKey, next), [qc]);

  const login = useCallback(
    async (input: LoginInput) => {
      const res = await api.post<{ user: Me }>('/auth/login', input, { skipAuthRedirect: true });
      // A new user must never see the previous user's cached lists.
      qc.clear();
      qc.setQueryData(meQueryKey, res.user);
      adoptLocale(res.user);
      syncProfileLocale(res.user, setMe);
      return res.user;
    },
    [qc, setMe],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', undefined, { skipAuthRedirect: true });
    } finally {
      qc.clear();
      qc.setQueryData(meQueryKey, null);
      navigate('/login', { replace: true });
    }
  }, [qc, navigate]);

  const value = useMemo<AuthValue>(
    () => ({
      me,
      loading: isPending,
      can: (p) => !!me?.permissions.includes(p),
      login,
      logout,
      refresh: () => qc.invalidateQueries({ queryKey: meQueryKey }),
      setMe,
    }),
    [me, isPending, login, logout, qc, setMe],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
