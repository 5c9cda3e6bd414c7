import type { ServerModule } from '../module';
import { campaignDimensions } from './dimensions';
import { campaignMessages } from './messages';
import { campaignMetrics } from './metrics';
import { campaignPermissions, campaignRoleGrants } from './permissions';
import { campaignRoutes } from './routes';
import './db';

/** 专项治理: campaigns, the objects they inspect (project register), findings and their rectification to 销号. */
export const campaignsModule: ServerModule = {
  name: 'campaigns',
  routes: campaignRoutes,
  permissions: campaignPermissions,
  roleGrants: [campaignRoleGrants],
  messages: campaignMessages,
  metrics: campaignMetrics,
  dimensions: campaignDimensions,
  resetTables: ['campaign_finding_events', 'campaign_findings', 'campaign_objects', 'campaigns'],
};
