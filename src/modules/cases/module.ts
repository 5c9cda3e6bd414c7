import type { ServerModule } from '../module';
import { caseRoutes } from './caseRoutes';
import { clueRoutes } from './clueRoutes';
import { integrityRoutes } from './integrityRoutes';
import { staffRoutes } from './staffRoutes';
import { casesMessages } from './messages';
import { caseDimensions } from './dimensions';
import { casesMetrics } from './metrics';
import { casesDictionaryGrants, casesPermissions, casesRoleGrants } from './permissions';
import { caseTypeRoutes } from './caseTypeRoutes';
import { measureRoutes } from './measureRoutes';
import './db';

/** 问题线索 and 案件: clue register and disposal, cases under statutory time limits, outcomes, recusal, integrity records. */
export const casesModule: ServerModule = {
  name: 'cases',
  routes: [...clueRoutes, ...caseRoutes, ...integrityRoutes, ...staffRoutes, ...caseTypeRoutes, ...measureRoutes],
  permissions: casesPermissions,
  roleGrants: [casesRoleGrants, casesDictionaryGrants],
  messages: casesMessages,
  metrics: casesMetrics,
  dimensions: caseDimensions,
  resetTables: [
    'case_reviews', 'case_detention_notices', 'case_measures', 'official_relations', 'case_recoveries', 'case_outcomes', 'case_violations', 'case_deadlines', 'case_events', 'case_members', 'case_subjects',
    'cases', 'clue_accused', 'clue_sources', 'clues', 'case_doc_counters',
  ],
};
