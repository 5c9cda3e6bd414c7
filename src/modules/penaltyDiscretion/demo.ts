import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../../platform/auth/password';
import { fromDayNumber, toDayNumber, todayInShanghai, type IsoDate } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { seededRandom } from '../../platform/identifiers/normalize';
import { applyRoleGrants } from '../org/builtinRoles';
import { DEMO_PASSWORD } from '../org/demo/createDemoCounty';
import type { PartyType, PenaltyKind, Tier } from './db';
import {
  aggravatedReasons, closureReasons, demoDepartments, demoItems, given, lenientReasons, officers, organisations, surnames, type DemoItem,
} from './demoBenchmarks';
import { penaltyDiscretionRoleGrants } from './permissions';
import { screenInTransaction } from './screeningService';
import { defaultSettings } from './settings';

/**
 * The demo county's enforcement record: four departments' example benchmarks, an account per department (role
 * 行政执法部门) and a year of decisions. Most follow the benchmark, with fines near each department's customary
 * amount; a few are planted the way the speech describes (畸轻畸重, 类案不同罚, 首违不罚 applied unevenly, a serious
 * decision without 法制审核, unpaid fines, a closure without reason). Deterministic for a county and date; skipped
 * when the county already has decisions.
 */
export interface DemoPenaltyResult { items: number; decisions: number; hits: number; accounts: string[] }

type Row = {
  item: DemoItem; tier: Tier | null; fine: number; gains: number | null; kinds: PenaltyKind[]; reason: string | null; party: PartyType; first: boolean;
  closed?: string | null; noReview?: boolean; unpaid?: boolean; day?: number;
};

export async function createDemoPenalty(db: Kysely<DB>, countyCode: string, opts: { today?: IsoDate; seed?: number } = {}): Promise<DemoPenaltyResult> {
  await applyRoleGrants(db, penaltyDiscretionRoleGrants);
  const existing = await db.selectFrom('penalty_decisions').select(sql<number>`count(*)::int`.as('n')).where('county_code', '=', countyCode).executeTakeFirstOrThrow();
  if (existing.n > 0) return { items: 0, decisions: 0, hits: 0, accounts: [] };
  const depts = await db.selectFrom('units').select(['id', 'code', 'name']).where('county_code', '=', countyCode)
    .where('code', 'in', Object.keys(demoDepartments).map((s) => `${countyCode}${s}`)).execute();
  const county = await db.selectFrom('units').select('name').where('county_code', '=', countyCode).where('kind', '=', 'county').executeTakeFirst();
  if (depts.length === 0 || !county) return { items: 0, decisions: 0, hits: 0, accounts: [] };
  const deptOf = (suffix: string) => depts.find((d) => d.code === `${countyCode}${suffix}`);
  const today = opts.today ?? todayInShanghai();
  const rand = seededRandom(opts.seed ?? Number(countyCode) + 113);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const end = toDayNumber(today);
  const round = (n: number) => (n >= 1000 ? Math.round(n / 100) * 100 : Math.round(n / 10) * 10);

  const rows: Row[] = [];
  for (const item of demoItems) {
    const band = (t: Tier) => item.tiers.find((x) => x.tier === t);
    for (let i = 0; i < item.perYear; i++) {
      const r = rand();
      const tier: Tier = band('none') && r < 0.1 ? 'none' : r < 0.68 ? 'ordinary' : r < 0.9 ? 'lenient' : band('mitigated') && r < 0.94 ? 'mitigated' : 'aggravated';
      const b = band(tier)!;
      // Fines cluster around the middle of the band, as a department's customary practice does.
      const at = b.min + (b.max - b.min) * (0.5 + (rand() - 0.5) * 0.3);
      const gains = b.basis === 'multiple' ? round(2000 + rand() * 18000) : item.code === 'JT-001' ? round(500 + rand() * 3000) : null;
      const fine = tier === 'none' ? 0 : b.basis === 'multiple' ? Math.round(at * gains! * 100) / 100 : round(at);
      const reason = tier === 'ordinary' ? null : tier === 'none' ? '首次违法、危害后果轻微并及时改正' : tier === 'aggravated' ? pick(aggravatedReasons) : pick(lenientReasons);
      rows.push({ item, tier, fine, gains, kinds: b.kinds ?? [], reason, party: item.party, first: tier === 'none' || (rand() < 0.25 && !band('none') && tier !== 'aggravated') });
    }
  }
  const plant = (code: string, tier: Tier, x: Partial<Row>) => {
    const item = demoItems.find((i) => i.code === code)!;
    const b = item.tiers.find((t) => t.tier === tier)!;
    rows.push({ item, tier, fine: round((b.min + b.max) / 2), gains: null, kinds: b.kinds ?? [], reason: tier === 'ordinary' ? null : pick(lenientReasons), party: item.party, first: false, ...x });
  };
  plant('SC-001', 'ordinary', { fine: 20000 });                                   // 畸轻: far below the 一般 band
  plant('JT-002', 'ordinary', { fine: 28000 });                                   // 畸重: above the 一般 band
  plant('SC-002', 'ordinary', { fine: 2950 });                                    // in band, but far above the department's usual 2,000
  plant('ZR-001', 'ordinary', { fine: 195000, party: 'organisation' });           // in band, out of line with its peers
  plant('CG-002', 'ordinary', { kinds: ['suspension'] });                         // 责令停产停业 where like cases had none
  plant('ZR-001', 'aggravated', { fine: 300000, noReview: true, reason: '占用永久基本农田' }); // 第五十八条: no 法制审核
  plant('JT-001', 'ordinary', { unpaid: true, day: 200, gains: 1200 });
  plant('JT-001', 'ordinary', { unpaid: true, day: 120, gains: 800 });
  plant('CG-001', 'ordinary', { first: true });                                   // a first offence fined where others were spared
  plant('JT-002', 'lenient', { fine: 600, reason: null });                        // 从轻 without a reason
  for (const [i, reason] of [...closureReasons, null].entries()) {
    const item = demoItems[(i * 3) % demoItems.length];
    rows.push({ item, tier: null, fine: 0, gains: null, kinds: [], reason: null, party: item.party, first: false, closed: reason ?? '' });
  }

  return db.transaction().execute(async (trx) => {
    const itemIds = new Map<string, string>();
    for (const item of demoItems) {
      const dept = deptOf(item.dept);
      if (!dept) continue;
      const row = await trx.insertInto('penalty_benchmark_items').values({ county_code: countyCode, unit_id: dept.id, code: item.code, violation: item.violation,
        legal_basis: item.legal, penalty_basis: item.penalty, demo: true }).returning('id').executeTakeFirstOrThrow();
      itemIds.set(item.code, row.id);
      await trx.insertInto('penalty_benchmark_tiers').values(item.tiers.map((t) => ({ item_id: row.id, tier: t.tier, fine_basis: t.basis, fine_min: t.min, fine_max: t.max,
        kinds: t.kinds ?? [], circumstances: t.circumstances }))).execute();
    }
    const seq = new Map<string, number>();
    const short = county.name.slice(0, 1);
    const values = rows.filter((r) => itemIds.has(r.item.code)).map((r) => {
      const dept = deptOf(r.item.dept)!;
      const day = end - (r.day ?? 10 + Math.floor(rand() * 350));
      const decidedOn = fromDayNumber(day);
      const n = (seq.get(r.item.dept) ?? 0) + 1;
      seq.set(r.item.dept, n);
      const limit = r.party === 'individual' ? defaultSettings.seriousFineIndividual : defaultSettings.seriousFineOrganisation;
      const serious = r.fine >= limit || r.kinds.some((k) => k === 'suspension' || k === 'licenceRevoked');
      const due = r.fine > 0 ? day + 15 : null;
      // Paid within the period, or (recent ones) not yet due; the planted ones stay unpaid.
      const paid = due === null || r.unpaid ? null : due <= end ? Math.min(end, day + 3 + Math.floor(rand() * 12)) : null;
      const party = r.party === 'organisation' ? pick(organisations) : `${pick([...surnames])}${pick([...given])}${rand() < 0.6 ? pick([...given]) : ''}`;
      const o1 = pick(officers);
      const o2 = pick(officers.filter((o) => o !== o1));
      return {
        county_code: countyCode, unit_id: dept.id, outcome: r.closed !== undefined ? 'closed' as const : 'penalty' as const,
        doc_no: `${short}${demoDepartments[r.item.dept].short}〔${decidedOn.slice(0, 4)}〕${r.closed !== undefined ? '不罚' : ''}${n}号`, decided_on: decidedOn,
        party_type: r.party, party_name: party, item_id: itemIds.get(r.item.code)!, tier: r.tier, tier_reason: r.reason, fine_amount: r.fine, kinds: r.kinds,
        illegal_gains: r.gains, first_offence: r.first, legal_review_on: serious && !r.noReview ? fromDayNumber(day - 2) : null,
        due_on: due === null ? null : fromDayNumber(due), paid_on: paid === null ? null : fromDayNumber(paid), officers: [o1, o2],
        closure_reason: r.closed ? r.closed : null, created_by: null,
      };
    });
    await trx.insertInto('penalty_decisions').values(values).execute();
    const accounts = await demoAccounts(trx, depts);
    const run = await screenInTransaction(trx, countyCode, today);
    return { items: itemIds.size, decisions: values.length, hits: run.hits, accounts };
  });
}

/** One account per demo department, role 行政执法部门 (scope: its own unit). */
async function demoAccounts(trx: Kysely<DB>, depts: Array<{ id: string; code: string; name: string }>): Promise<string[]> {
  const role = await trx.selectFrom('roles').select('id').where('code', '=', 'enforcementDepartment').executeTakeFirst();
  if (!role) return [];
  const hash = await hashPassword(DEMO_PASSWORD);
  const out: string[] = [];
  for (const d of depts) {
    const username = demoDepartments[d.code.slice(-3)]?.username;
    if (!username) continue;
    const user = await trx.insertInto('users').values({ username, display_name: d.name, unit_id: d.id, password_hash: hash })
      .onConflict((oc) => oc.column('username').doNothing()).returning('id').executeTakeFirst();
    if (user) { await trx.insertInto('user_roles').values({ user_id: user.id, role_id: role.id }).execute(); out.push(username); }
  }
  return out;
}

export function printDemoPenalty(r: DemoPenaltyResult): void {
  process.stdout.write(`行政处罚裁量演示数据 Demo penalty discretion: ${r.items} benchmark items, ${r.decisions} decisions, ${r.hits} hits`
    + `${r.accounts.length ? `; department accounts ${r.accounts.join(', ')}` : ''}\n`);
}
