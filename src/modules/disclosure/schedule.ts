import { addCalendarDays, type IsoDate } from '../../platform/calendar/dates';
import type { UnitKind } from '../../platform/db/schema';
import type { DisclosureKind } from './db';

/**
 * Who must disclose what, and when. This is common practice of county 公开 work, not an article of a rule
 * (docs/reference/discipline-rules.md has none on 公开): 村务公开 routine items at least once a quarter, financial
 * items monthly or quarterly (a village publishing its accounts monthly records several disclosures in the
 * quarter; the quarter counts as disclosed on the first of them), and the township and department 党务/政务/
 * 办事公开 likewise quarterly. A period is due within `dueDays` (a county setting, default 10) after it ends.
 */
export const TOWNSHIP_KINDS: readonly UnitKind[] = ['town', 'township', 'subdistrict', 'townshipOther'];
export const DEFAULT_DUE_DAYS = 10;

export interface KindSchedule { cadence: 'quarter'; unitKinds: readonly UnitKind[]; items: readonly string[] }

export const disclosureSchedule: Record<DisclosureKind, KindSchedule> = {
  // 村务公开 by the village committees; 四议两公开 decisions (villageDecision) are one of its items.
  village: { cadence: 'quarter', unitKinds: ['village'], items: ['finance', 'farmSubsidy', 'minimumLiving', 'projects', 'collectiveAssets', 'villageDecision'] },
  party: { cadence: 'quarter', unitKinds: [...TOWNSHIP_KINDS, 'department'], items: ['partyBuilding', 'memberDevelopment', 'partyDues', 'appointments', 'majorDecisions'] },
  government: { cadence: 'quarter', unitKinds: [...TOWNSHIP_KINDS, 'department'], items: ['budget', 'majorProjects', 'approvals', 'livelihoodFunds'] },
  service: { cadence: 'quarter', unitKinds: [...TOWNSHIP_KINDS, 'department'], items: ['serviceGuide', 'procedures', 'fees', 'timeLimits', 'results'] },
};

const PERIOD = /^(\d{4})Q([1-4])$/;
export const isPeriod = (p: string) => PERIOD.test(p);

export function parseQuarter(p: string): { year: number; quarter: number } {
  const m = PERIOD.exec(p);
  if (!m) throw new Error(`Not a quarter: ${p}`);
  return { year: Number(m[1]), quarter: Number(m[2]) };
}

export function quarterStart(p: string): IsoDate {
  const { year, quarter } = parseQuarter(p);
  return `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
}

/** The day after the quarter's last day. */
export function quarterEndExclusive(p: string): IsoDate {
  const { year, quarter } = parseQuarter(p);
  return quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
}

/** Last day allowed: `dueDays` after the quarter's last day (2026Q3, 10 → 2026-10-10). */
export function dueOn(p: string, dueDays: number): IsoDate {
  return addCalendarDays(quarterEndExclusive(p), dueDays - 1);
}

export const quarterOf = (d: IsoDate) => `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
export const nextQuarter = (p: string) => { const { year, quarter } = parseQuarter(p); return quarter === 4 ? `${year + 1}Q1` : `${year}Q${quarter + 1}`; };
export const yearQuarters = (year: number) => [1, 2, 3, 4].map((q) => `${year}Q${q}`);

/** Quarters from `first` whose due date falls in [from, to): the obligations a period's figure looks at. */
export function quartersDueIn(first: string, dueDays: number, from: IsoDate, to: IsoDate): string[] {
  const out: string[] = [];
  for (let p = first; dueOn(p, dueDays) < to; p = nextQuarter(p)) if (dueOn(p, dueDays) >= from) out.push(p);
  return out;
}

/**
 * An obligation's status on a day: 按时 (published by the due date), 逾期 (published after it), 未公开 (not
 * published and the due date has passed), 待公开 (not published, not yet due). Publications after `asOf` are
 * not yet known on that day.
 */
export type ObligationStatus = 'onTime' | 'late' | 'missing' | 'pending';
export function obligationStatus(due: IsoDate, firstPublishedOn: IsoDate | null, asOf: IsoDate): ObligationStatus {
  if (firstPublishedOn && firstPublishedOn <= asOf) return firstPublishedOn <= due ? 'onTime' : 'late';
  return asOf > due ? 'missing' : 'pending';
}

/** The key of an obligation (unit, kind, quarter): the record id the overdue figure lists. */
export const obligationId = (unitId: string, kind: DisclosureKind, period: string) => `${unitId}:${kind}:${period}`;
