import type { ServerModule } from '../module';
import { riskMessages } from './messages';
import { riskMetrics } from './metrics';
import { riskPermissions, riskRoleGrants } from './permissions';
import { riskRoutes } from './routes';
import './db';

/** 招投标风险预警: stored procurement processes, imports, screening runs, hits and their hand-over as clues. */
export const riskModule: ServerModule = {
  name: 'risk',
  routes: riskRoutes,
  permissions: riskPermissions,
  roleGrants: [riskRoleGrants],
  messages: riskMessages,
  metrics: riskMetrics,
  // Indicator labels come with the hits (labels.ts); the vocabulary only names the dimension.
  dimensions: { indicator: { labelZh: '预警指标', labelEn: 'Indicator' } },
  resetTables: [
    'risk_hits', 'risk_milestones', 'risk_payments', 'risk_amendments', 'risk_contracts', 'risk_awards', 'risk_expert_scores', 'risk_bids',
    'risk_panel_experts', 'risk_lots', 'risk_processes', 'risk_import_batches',
  ],
};
