import type { RouteDef } from '../../platform/http/route';
import { accountRoutes } from './accountRoutes';
import { companyRoutes } from './companyRoutes';
import { officialExcelRoutes } from './officialExcelRoutes';
import { officialRoutes } from './officialRoutes';
import { unitRoutes } from './unitRoutes';

export const orgRoutes: RouteDef[] = [...unitRoutes, ...officialRoutes, ...officialExcelRoutes, ...companyRoutes, ...accountRoutes];
