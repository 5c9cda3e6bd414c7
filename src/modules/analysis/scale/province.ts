import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../../../platform/auth/password';
import type { AuditLog } from '../../../platform/audit/auditLog';
import { addCalendarDays, todayInShanghai, type IsoDate } from '../../../platform/calendar/dates';
import { loadCalendar } from '../../../platform/calendar/calendarRepository';
import type { Config } from '../../../platform/config';
import type { DB } from '../../../platform/db/schema';
import { ensureCasesRoles } from '../../cases/permissions';
import { ensureBuiltinRoles } from '../../org/builtinRoles';
import { DEMO_PASSWORD } from '../../org/demo/createDemoCounty';
import { ensureReportRoles } from '../../reports/permissions';
import { ensureDictionary } from '../../reports/dictionaries';
import { rng } from './bulk';
import { createScaleCases } from './cases';
import { loadProvinceDivisions } from './divisions';
import { createScaleOrganisation } from './organisation';
import { createScaleReports } from './reports';

/**
 * `lianjian demo --scale province`: a province's worth of data for the situation analysis at scale — real
 * counties of one province, each with its organisation, reports, clues, cases and outcomes over `years`,
 * written in bulk (one statement per few thousand rows) in one transaction per county.
 * Defaults: 100 counties × 5 years × 2,200 reports and 440 cases a county-year ≥ 1,000,000 reports, ≥ 200,000 cases.
 */
export interface ProvinceOptions {
  province: string; counties: number; years: number; reportsPerYear: number; casesPerYear: number;
  /** This county comes first (for --counties 1 it is the only one). */
  firstCounty?: string; today?: IsoDate; seed?: number;
  progress?: (line: string) => void;
}
export interface ProvinceResult { counties: Array<{ code: string; name: string }>; reports: number; clues: number; cases: number; from: IsoDate; to: IsoDate; seconds: number }

export async function generateProvince(db: Kysely<DB>, config: Config, audit: AuditLog, opts: ProvinceOptions): Promise<ProvinceResult> {
  const t0 = performance.now();
  const log = opts.progress ?? (() => undefined);
  const today = opts.today ?? todayInShanghai();
  const from = addCalendarDays(today, -Math.round(opts.years * 365.25));
  log(`division data: reading ${opts.counties} counties of province ${opts.province} …`);
  const divisions = await loadProvinceDivisions(opts.province, opts.counties, opts.firstCounty);
  const roleIds = await ensureBuiltinRoles(db);
  await ensureReportRoles(db);
  await ensureCasesRoles(db);
  const cal = await loadCalendar(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const totals = { reports: 0, clues: 0, cases: 0 };
  for (const [i, div] of divisions.entries()) {
    const t1 = performance.now();
    const rand = rng((opts.seed ?? 20261127) + Number(div.county.code));
    const r = await db.transaction().execute(async (trx) => {
      const county = await createScaleOrganisation(trx, div, rand, { passwordHash, roleIds, since: from });
      await ensureDictionary(trx, 'efficiencyCategory', county.code);
      await ensureDictionary(trx, 'sector', county.code);
      const accusations = await createScaleReports(trx, county, cal, config, rand, { from, today, perYear: opts.reportsPerYear });
      const reports = Number((await sql<{ n: string }>`select count(*) as n from reports where county_code = ${county.code}`.execute(trx)).rows[0].n);
      const c = await createScaleCases(trx, county, cal, rand, { from, today, casesPerYear: opts.casesPerYear }, accusations);
      return { reports, ...c };
    });
    totals.reports += r.reports; totals.clues += r.clues; totals.cases += r.cases;
    log(`[${i + 1}/${divisions.length}] ${div.county.code} ${div.county.name}: ${r.reports} reports, ${r.clues} clues, ${r.cases} cases in ${((performance.now() - t1) / 1000).toFixed(1)} s`
      + ` — total ${totals.reports} reports, ${totals.cases} cases, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  log('statistics: ANALYZE …');
  // PGlite has no autovacuum and a bulk load leaves PostgreSQL's statistics stale: plan on fresh ones.
  await sql`analyze`.execute(db);
  const result: ProvinceResult = { counties: divisions.map((d) => d.county), ...totals, from, to: today, seconds: Math.round((performance.now() - t0) / 1000) };
  // One audit entry for the whole run: the rows are synthetic and written by one administrative act; an entry
  // per row would add millions of entries that record nothing a person did, and would drown the real log.
  await audit.record(db, null, { action: 'system.demoProvince', detail: { province: opts.province, counties: divisions.length, years: opts.years,
    reports: totals.reports, clues: totals.clues, cases: totals.cases, from, to: today } });
  return result;
}
