import type { ColumnType, Generated } from 'kysely';

/** Table types of migrations/20261128120000_duty.sql, merged into the query layer's DB. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const taskStatuses = ['pending', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
/** 评议等次: 好 / 较好 / 一般 / 差. */
export const ratings = ['good', 'fairlyGood', 'average', 'poor'] as const;
export type Rating = (typeof ratings)[number];

export interface DutyTasksTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  batch_id: string;
  year: number;
  title: string;
  content: string | null;
  lead_leader: string | null;
  assigned_on: string;
  deadline: string;
  status: ColumnType<TaskStatus, TaskStatus | undefined, TaskStatus>;
  completion_note: string | null;
  completed_on: string | null;
  completed_by: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DutyMeetingsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  name: string;
  held_on: string;
  /** The quarter the meeting analyses (e.g. 2026Q1), whose figures its reports count in; null: by held_on. */
  reviewed_quarter: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface DutyReportsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  meeting_id: string;
  official_id: string;
  official_name: string;
  official_post: string | null;
  summary: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface DutyAppraisalRoundsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  meeting_id: string | null;
  name: string;
  held_on: string;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  closed_at: Date | null;
  closed_by: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface DutyAppraisalSubjectsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  round_id: string;
  official_id: string;
  official_name: string;
  official_post: string | null;
}

export interface DutyAppraisalsTable {
  id: Generated<string>;
  county_code: string;
  unit_id: string;
  round_id: string;
  subject_id: string;
  appraiser_id: string;
  rating: Rating;
  created_at: CreatedAt;
}

declare module '../../platform/db/schema' {
  interface DB {
    duty_tasks: DutyTasksTable;
    duty_meetings: DutyMeetingsTable;
    duty_reports: DutyReportsTable;
    duty_appraisal_rounds: DutyAppraisalRoundsTable;
    duty_appraisal_subjects: DutyAppraisalSubjectsTable;
    duty_appraisals: DutyAppraisalsTable;
  }
}
