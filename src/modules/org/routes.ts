import type { RouteDef } from '../../platform/http/route';
import { officialRoutes } from './officialRoutes';
import { unitRoutes } from './unitRoutes';

export const orgRoutes: RouteDef[] = [...unitRoutes, ...officialRoutes];
