import { auditRoutes } from '../platform/audit/routes';
import { authRoutes } from '../platform/auth/routes';
import { calendarRoutes } from '../platform/calendar/routes';
import { healthRoutes } from '../platform/http/healthRoutes';
import type { RouteDef } from '../platform/http/route';
import { orgRoutes } from './org/routes';

/** Every module's routes, in one list: the server mounts them, OpenAPI documents them, tests walk them. */
export function allRoutes(): RouteDef[] {
  return [...healthRoutes, ...authRoutes, ...auditRoutes, ...calendarRoutes, ...orgRoutes];
}
