/** A case file as GET /api/v1/cases/cases/:id returns it (caseAccess.caseView). */
export interface CaseSubject {
  id: string; official_id: string; name: string; unitName: string; post_at_time: string | null; rank_at_time: string; person_category: string;
  party_member: boolean; holds_party_post: boolean; village_secretary: string | null; village_director: string | null;
}

export interface CaseDeadline {
  id: string; rule_key: string; labelZh: string; labelEn: string; source: string; started_on: string; due_on: string | null; fulfilled_on: string | null; state: string;
  extensions: Array<{ approvedOn: string; approvalRef: string; amount?: number; unit?: string }>;
}

export interface CaseOutcome {
  id: string; subject_id: string; type: string; track: string | null; kind: string | null; decided_on: string; effect_until: string | null; permanent: boolean; merged: boolean;
  /** Set when a 复审/复核 changed or revoked the decision (the history is kept). */
  superseded_by?: string | null; revoked_on?: string | null;
  detail: { termEnds?: string | null; readmissionBarredUntil?: string | null; aggravationToConsider?: boolean } | null;
}

export interface CaseView {
  id: string; doc_no: string; title: string; summary: string | null; stage: string; stage_since: string; opened_on: string; case_type_code: string; economic: boolean;
  suspended_since: string | null; closed_on: string | null; withdrawn: boolean; recoveredWan: string;
  investigation_report_filed: boolean; review_report_filed: boolean; execution_complete: boolean;
  subjects: CaseSubject[];
  members: Array<{ user_id: string; display_name: string; role: string; added_on: string }>;
  events: Array<{ id: string; kind: string; on_date: string; from_stage: string | null; to_stage: string | null; rule_key: string | null }>;
  deadlines: CaseDeadline[];
  violations: Array<{ id: string; subject_id: string; discipline: string; regulation: string; article: number; case_type_code: string; economic: boolean; description: string | null }>;
  outcomes: CaseOutcome[];
  recoveries: Array<{ id: string; subject_id: string | null; amount_fen: number | string; recovered_on: string; note: string | null }>;
}

/** Fen → 万元 with two decimals, as the county statistics print it. */
export const fenToWan = (fen: number | string) => (Number(fen) / 1_000_000).toFixed(2);
