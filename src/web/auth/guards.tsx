import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { useAuth } from './AuthContext';
import { ForbiddenPage } from '../pages/ForbiddenPage';
import { ForcedPasswordPage, ForcedTotpPage } from '../pages/ForcedPages';

export function FullPageSpin() {
  return (
    <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/**
 * Logged-in area. The forced flows replace every page (not just redirect) because the server
 * refuses all other routes until the password is changed or TOTP is enrolled.
 */
export function RequireAuth() {
  const { me, loading } = useAuth();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  if (me.mustChangePassword) return <ForcedPasswordPage />;
  if (me.totpRequired && !me.totpEnabled) return <ForcedTotpPage />;
  return <Outlet />;
}

export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}

export function PageSpin() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}
