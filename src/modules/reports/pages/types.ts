/** Report shapes as the v1 API returns them (identity never included). */
export type ReportStatus = 'received' | 'accepted' | 'handling' | 'closed' | 'notAccepted';
export type ReportKind = 'accusation' | 'suggestion' | 'appeal' | 'outOfRemit' | 'noSubstance' | 'efficiency';
export type Channel = 'letter' | 'visit' | 'phone' | 'online' | '12388' | 'referral' | 'inspection' | 'monitoringPoint';

export const statuses: ReportStatus[] = ['received', 'accepted', 'handling', 'closed', 'notAccepted'];
export const kinds: ReportKind[] = ['accusation', 'suggestion', 'appeal', 'outOfRemit', 'noSubstance', 'efficiency'];
export const channels: Channel[] = ['letter', 'visit', 'phone', 'online', '12388', 'referral', 'inspection', 'monitoringPoint'];

export interface ReportListItem {
  id: string; serial: string; channel: Channel; kind: ReportKind; category: string | null; efficiencyCategory: string | null; sector: string | null;
  title: string; status: ReportStatus;
  townshipCode: string | null; accusedName: string | null; accusedUnit: string | null; identified: boolean; unitId: string; unitName: string;
  receivedOn: string; routeDue: string; handleDue: string | null; extendedDue: string | null; repeatOf: string | null;
}

export interface ReportEvent {
  id: string; type: string; toUnitName: string | null; dueDate: string | null; confirmedAt: string | null; note: string | null; by: string | null; at: string;
}

export interface ReportDetail extends ReportListItem {
  content: string; accusedPost: string | null; reporter: string; answer: string | null; result: string | null; matterGroupSize: number;
  openDeadlines: Array<{ name: string; due: string }>;
  events: ReportEvent[];
  messages: Array<{ id: string; author: 'reporter' | 'office'; body: string; at: string }>;
  attachments: Array<{ id: string; fileName: string; mediaType: string; size: number; sha256: string }>;
}

export interface RouteSuggestion { unitId: string | null; unitName: string | null; basis: 'rule' | 'managedBy' | 'default' }
