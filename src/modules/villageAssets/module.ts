import type { ServerModule } from '../module';
import { villageAssetsDimensions } from './dimensions';
import { villageAssetsMessages } from './messages';
import { villageAssetsMetrics } from './metrics';
import { villageAssetsPermissions, villageAssetsRoleGrants } from './permissions';
import { villageAssetsRoutes } from './routes';
import './db';

/** 村集体三资: village fund ledgers, contracts and disposals, screened by anomaly rules into the shared red-flag list. */
export const villageAssetsModule: ServerModule = {
  name: 'villageAssets',
  routes: villageAssetsRoutes,
  permissions: villageAssetsPermissions,
  roleGrants: [villageAssetsRoleGrants],
  messages: villageAssetsMessages,
  metrics: villageAssetsMetrics,
  dimensions: villageAssetsDimensions,
  resetTables: ['village_disposals', 'village_contracts', 'village_fund_entries', 'village_import_batches'],
};
