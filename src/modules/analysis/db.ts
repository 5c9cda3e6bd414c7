import type { Generated } from 'kysely';

export interface AnalysisReportsTable {
  id: Generated<string>;
  county_code: string;
  period_key: string;
  period: unknown;
  metrics: unknown;
  model: unknown;
  docx: Uint8Array;
  generated_by: string | null;
  generated_at: Generated<Date>;
}

declare module '../../platform/db/schema' {
  interface DB { analysis_reports: AnalysisReportsTable }
}
