import type { ServerModule } from '../module';
import { spendingDimensions } from './dimensions';
import { spendingMessages } from './messages';
import { spendingMetrics } from './metrics';
import { spendingPermissions, spendingRoleGrants } from './permissions';
import { spendingRoutes } from './routes';
import './db';

/** 超标准支出: the county's spending standards, the units' expense records, and their screening into the shared hits. */
export const spendingModule: ServerModule = {
  name: 'spending',
  routes: spendingRoutes,
  permissions: spendingPermissions,
  roleGrants: [spendingRoleGrants],
  messages: spendingMessages,
  metrics: spendingMetrics,
  dimensions: spendingDimensions,
  resetTables: ['spending_expenses', 'spending_imports', 'spending_standards'],
};
