import type { ServerModule } from '../module';
import { disclosureDimensions } from './dimensions';
import { disclosureMessages } from './messages';
import { disclosureMetrics } from './metrics';
import { disclosurePermissions, disclosureRoleGrants } from './permissions';
import { disclosureRoutes } from './routes';
import './db';

/** 党务/政务/村务/办事公开: disclosure records against the quarterly obligations, 专项检查 spot checks, 示范点 sites. */
export const disclosureModule: ServerModule = {
  name: 'disclosure',
  routes: disclosureRoutes,
  permissions: disclosurePermissions,
  roleGrants: [disclosureRoleGrants],
  messages: disclosureMessages,
  metrics: disclosureMetrics,
  dimensions: disclosureDimensions,
  resetTables: ['disclosure_demo_sites', 'disclosure_checks', 'disclosure_records'],
};
