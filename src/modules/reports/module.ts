import type { ServerModule } from '../module';
import { adminRoutes } from './adminRoutes';
import { reportMessages } from './messages';
import { reportMetrics } from './metrics';
import { reportPermissions } from './permissions';
import { publicRoutes } from './publicRoutes';
import { reportRoutes } from './reportRoutes';
import './db';

/** 信访举报 and 效能投诉: public and staff intake, identity vault, routing, deadlines, handling record, repeats. */
export const reportsModule: ServerModule = {
  name: 'reports',
  routes: [...publicRoutes, ...adminRoutes, ...reportRoutes],
  permissions: reportPermissions,
  messages: reportMessages,
  metrics: reportMetrics,
  resetTables: ['report_messages', 'report_events', 'report_attachments', 'reports', 'report_routing_rules', 'report_efficiency_categories'],
};
