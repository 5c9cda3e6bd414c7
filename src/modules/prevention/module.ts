import type { ServerModule } from '../module';
import { preventionDimensions } from './dimensions';
import { preventionMessages } from './messages';
import { preventionMetrics } from './metrics';
import { preventionPermissions, preventionRoleGrants } from './permissions';
import { preventionRoutes } from './routes';
import './db';

/** 预防腐败: the county's prevention rules (制度建设) and the units' integrity risk points (廉政风险防控). */
export const preventionModule: ServerModule = {
  name: 'prevention',
  routes: preventionRoutes,
  permissions: preventionPermissions,
  roleGrants: [preventionRoleGrants],
  messages: preventionMessages,
  metrics: preventionMetrics,
  dimensions: preventionDimensions,
  resetTables: ['prevention_risk_points', 'prevention_rules'],
};
