import type { ServerModule } from '../module';
import { caseRoutes } from './caseRoutes';
import { clueRoutes } from './clueRoutes';
import { integrityRoutes } from './integrityRoutes';
import { casesMessages } from './messages';
import { casesMetrics } from './metrics';
import { casesPermissions, casesRoleGrants } from './permissions';
import './db';

/** 问题线索 and 案件: clue register and disposal, cases under statutory time limits, outcomes, recusal, integrity records. */
export const casesModule: ServerModule = {
  name: 'cases',
  routes: [...clueRoutes, ...caseRoutes, ...integrityRoutes],
  permissions: casesPermissions,
  roleGrants: [casesRoleGrants],
  messages: casesMessages,
  metrics: casesMetrics,
  resetTables: [
    'official_relations', 'case_recoveries', 'case_outcomes', 'case_violations', 'case_deadlines', 'case_events', 'case_members', 'case_subjects',
    'cases', 'clue_accused', 'clue_sources', 'clues', 'case_doc_counters',
  ],
};
