import type { ServerModule } from '../module';
import { adminRoutes } from './adminRoutes';
import { classifierMessages } from './classifierMessages';
import { classifierRoutes } from './classifierRoutes';
import { classifierPermissions, classifierRoleGrants } from './classifierSchedule';
import { reportMessages } from './messages';
import { reportDimensions } from './dimensions';
import { reportMetrics } from './metrics';
import { reportPermissions, reportRoleGrants } from './permissions';
import { publicRoutes } from './publicRoutes';
import { reportRoutes } from './reportRoutes';
import './db';

export { startClassifierRetraining } from './classifierSchedule';
export { startReportReminders } from './reminders';

/** 信访举报 and 效能投诉: public and staff intake, identity vault, routing, deadlines, handling record, repeats. */
export const reportsModule: ServerModule = {
  name: 'reports',
  routes: [...publicRoutes, ...adminRoutes, ...classifierRoutes, ...reportRoutes],
  permissions: [...reportPermissions, ...classifierPermissions],
  roleGrants: [reportRoleGrants, classifierRoleGrants],
  messages: {
    zh: { ...reportMessages.zh, ...classifierMessages.zh },
    en: { ...reportMessages.en, ...classifierMessages.en },
    fieldLabelsZh: { ...reportMessages.fieldLabelsZh, ...classifierMessages.fieldLabelsZh },
    fieldLabelsEn: { ...reportMessages.fieldLabelsEn, ...classifierMessages.fieldLabelsEn },
  },
  metrics: reportMetrics,
  dimensions: reportDimensions,
  resetTables: ['notifications', 'report_classifier_jobs', 'report_classifier_models', 'report_messages', 'report_events', 'report_attachments', 'reports', 'report_routing_rules', 'report_efficiency_categories', 'report_sectors'],
};
