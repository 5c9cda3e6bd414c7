import type { ServerModule } from '../module';
import { accountabilityDimensions } from './dimensions';
import { accountabilityMessages } from './messages';
import { accountabilityMetrics } from './metrics';
import { accountabilityPermissions, accountabilityRoleGrants } from './permissions';
import { accountabilityRoutes } from './routes';
import './db';

/** 问责: decisions holding leading cadres or party organisations accountable, with the leader-responsibility flag. */
export const accountabilityModule: ServerModule = {
  name: 'accountability',
  routes: accountabilityRoutes,
  permissions: accountabilityPermissions,
  roleGrants: [accountabilityRoleGrants],
  messages: accountabilityMessages,
  metrics: accountabilityMetrics,
  dimensions: accountabilityDimensions,
  resetTables: ['accountability_decisions'],
};
