import type { ServerModule } from '../module';
import { dutyMessages } from './messages';
import { dutyMetrics } from './metrics';
import { dutyPermissions, dutyRoleGrants } from './permissions';
import { dutyRoutes } from './routes';
import './db';

/** 党风廉政建设责任制: the task list (责任分解), township secretaries' duty reports (履职情况汇报) and their appraisal (评议). */
export const dutyModule: ServerModule = {
  name: 'duty',
  routes: dutyRoutes,
  permissions: dutyPermissions,
  roleGrants: [dutyRoleGrants],
  messages: dutyMessages,
  metrics: dutyMetrics,
  resetTables: ['duty_appraisals', 'duty_appraisal_subjects', 'duty_appraisal_rounds', 'duty_reports', 'duty_meetings', 'duty_tasks'],
};
