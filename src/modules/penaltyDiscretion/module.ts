import type { ServerModule } from '../module';
import { penaltyDimensions } from './dimensions';
import { penaltyDiscretionMessages } from './messages';
import { penaltyDiscretionMetrics } from './metrics';
import { penaltyDiscretionPermissions, penaltyDiscretionRoleGrants } from './permissions';
import { penaltyDiscretionRoutes } from './routes';
import './db';

/** 行政处罚自由裁量: departments' benchmarks and decisions, screened for 畸轻畸重, 类案不同罚, 应罚未罚 and unpaid fines. */
export const penaltyDiscretionModule: ServerModule = {
  name: 'penaltyDiscretion',
  routes: penaltyDiscretionRoutes,
  permissions: penaltyDiscretionPermissions,
  roleGrants: [penaltyDiscretionRoleGrants],
  messages: penaltyDiscretionMessages,
  metrics: penaltyDiscretionMetrics,
  dimensions: penaltyDimensions,
  resetTables: ['penalty_decisions', 'penalty_benchmark_tiers', 'penalty_benchmark_items'],
};
