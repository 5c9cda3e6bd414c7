import { sql, type Kysely } from 'kysely';
import { fromDayNumber, toDayNumber, todayInShanghai, type IsoDate } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { seededRandom } from '../../platform/identifiers/normalize';
import { applyRoleGrants } from '../org/builtinRoles';
import { TOWNSHIP_KINDS } from './access';
import type { FindingAction, FindingCategory, FindingStatus } from './db';
import { campaignRoleGrants } from './permissions';
import { contractor, departmentPosts, departmentProjects, evidenceTexts, person, problems, reopenReasons, townshipPosts, townshipProjects } from './demoText';

/**
 * The demo county's 工程建设领域突出问题专项治理: a campaign of the CDI from March last year to the end of this
 * year, ~36 projects of ¥1M and more owned by townships and a few departments, ~75 findings in the four areas
 * (and a few other), most rectified or signed off, some still being rectified, some overdue, two reopened after a
 * spot-check. Invented texts, deterministic for a county and date; skipped when the county already has a campaign.
 */
export interface DemoCampaignsResult { campaigns: number; projects: number; findings: number }

const addDays = (d: IsoDate, n: number) => fromDayNumber(toDayNumber(d) + n);
const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

export async function createDemoCampaigns(db: Kysely<DB>, countyCode: string, opts: { today?: IsoDate; seed?: number } = {}): Promise<DemoCampaignsResult> {
  await applyRoleGrants(db, campaignRoleGrants);
  const existing = await db.selectFrom('campaigns').select(sql<number>`count(*)::int`.as('n')).where('county_code', '=', countyCode).executeTakeFirstOrThrow();
  if (existing.n > 0) return { campaigns: existing.n, projects: 0, findings: 0 };
  const cdi = await db.selectFrom('units').select('id').where('county_code', '=', countyCode).where('kind', '=', 'cdi').executeTakeFirst();
  const towns = await db.selectFrom('units').select(['id', 'code', 'name']).where('county_code', '=', countyCode).where('kind', 'in', [...TOWNSHIP_KINDS])
    .where('active', '=', true).orderBy('code').execute();
  const depts = await db.selectFrom('units').select(['id', 'code', 'name']).where('county_code', '=', countyCode).where('kind', '=', 'department')
    .where('active', '=', true).orderBy('code').limit(5).execute();
  if (!cdi || towns.length === 0) return { campaigns: 0, projects: 0, findings: 0 };
  const users = new Map((await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const today = opts.today ?? todayInShanghai();
  const rand = seededRandom(opts.seed ?? Number(countyCode) + 31);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const year = Number(today.slice(0, 4));
  const start = `${year - 1}-03-01`;
  const span = toDayNumber(today) - toDayNumber(start) - 30;
  let findings = 0;
  let reopened = 0;
  const projects = 36;

  await db.transaction().execute(async (trx) => {
    const c = await trx.insertInto('campaigns').values({
      county_code: countyCode, unit_id: cdi.id, name: '工程建设领域突出问题专项治理', kind: 'constructionProjects', period_start: start, period_end: `${year}-12-31`,
      threshold_yuan: 1_000_000, description: '对100万元以上政府投资工程项目开展自查、排查，重点查找建设程序、征地拆迁、招标投标、工程监管四个方面的突出问题，逐项整改销号。',
    }).returning('id').executeTakeFirstOrThrow();
    for (let i = 0; i < projects; i++) {
      const dept = depts.length > 0 && i % 6 === 5 ? depts[i % depts.length] : null;
      const town = towns[i % towns.length];
      const inspectedOn = addDays(start, Math.floor((span * i) / projects) + between(0, 10));
      const o = await trx.insertInto('campaign_objects').values({
        county_code: countyCode, unit_id: dept?.id ?? town.id, campaign_id: c.id, township_code: dept && rand() < 0.4 ? null : town.code,
        name: dept ? `${pick(departmentProjects)}（${year - 1 + (i % 2)}年度）` : `${town.name}${pick(townshipProjects)}`,
        contract_amount: Math.round((1_000_000 + rand() * rand() * 28_000_000) / 100) * 100, contractor: contractor(pick), inspected_on: inspectedOn,
        inspected_by: `县纪委监委第${'一二三四'[i % 4]}监督检查室、县住建局联合检查组`,
      }).returning(['id', 'unit_id']).executeTakeFirstOrThrow();
      // Most projects have one to three problems; a few are clean.
      const n = rand() < 0.12 ? 0 : between(1, 4);
      for (let k = 0; k < n; k++) {
        const category = rand() < 0.05 ? 'other' : pick(['constructionProcedure', 'landAcquisition', 'tendering', 'supervision'] as const);
        const foundOn = minDate(addDays(inspectedOn, between(0, 15)), today);
        const dueOn = addDays(foundOn, between(30, 90));
        const rectifier = dept ? null : (users.get(`t${town.code}`) ?? null);
        const steps: Array<{ action: FindingAction; to: FindingStatus; on: IsoDate; note: string | null }> = [{ action: 'found', to: 'open', on: foundOn, note: null }];
        const ownerName = person(pick);
        const assigned = rand() > 0.04 || toDayNumber(today) - toDayNumber(foundOn) > 120;
        const row = {
          status: 'open' as FindingStatus, rectifiedOn: null as string | null, evidence: null as string | null, docNo: null as string | null,
          signedOffOn: null as string | null, reopenReason: null as string | null, reopenedOn: null as string | null, dueOn: null as string | null,
        };
        if (assigned) {
          row.status = 'rectifying'; row.dueOn = dueOn;
          steps.push({ action: 'assigned', to: 'rectifying', on: foundOn, note: `${ownerName}，期限 ${dueOn}` });
          // Older findings are nearly all done (a few stragglers stay overdue); recent ones are partly still under way.
          const rectifiedOn = addDays(foundOn, between(10, toDayNumber(dueOn) - toDayNumber(foundOn) + 20));
          const age = toDayNumber(today) - toDayNumber(foundOn);
          if (rand() > (age > 200 ? 0.05 : age > 90 ? 0.1 : 0.35) && rectifiedOn <= today) {
            row.status = 'rectified'; row.rectifiedOn = rectifiedOn; row.evidence = pick(evidenceTexts); row.docNo = `整改报告〔${rectifiedOn.slice(0, 4)}〕${between(1, 90)}号`;
            steps.push({ action: 'rectified', to: 'rectified', on: rectifiedOn, note: row.docNo });
            const signedOffOn = addDays(rectifiedOn, between(3, 25));
            if (signedOffOn <= today && rand() > 0.15) {
              row.status = 'signedOff'; row.signedOffOn = signedOffOn;
              steps.push({ action: 'signedOff', to: 'signedOff', on: signedOffOn, note: '经审核，整改到位，同意销号' });
              const reopenedOn = addDays(signedOffOn, 30);
              if (reopened < 2 && findings > 10 && rand() < 0.25 && reopenedOn <= today) {
                reopened++;
                row.status = 'rectifying'; row.reopenReason = reopenReasons[findings % 2]; row.reopenedOn = reopenedOn; row.signedOffOn = null;
                row.dueOn = addDays(reopenedOn, 30);
                steps.push({ action: 'reopened', to: 'rectifying', on: reopenedOn, note: row.reopenReason });
              }
            }
          }
          // Most problems still under way past their first deadline got a new one (延期整改); the rest are overdue.
          if (row.status === 'rectifying' && row.dueOn! < today && rand() < 0.6) {
            const extendedTo = addDays(today, between(10, 60));
            steps.push({ action: 'assigned', to: 'rectifying', on: row.dueOn!, note: `延期整改，期限 ${extendedTo}` });
            row.dueOn = extendedTo;
          }
        }
        const f = await trx.insertInto('campaign_findings').values({
          county_code: countyCode, unit_id: o.unit_id, campaign_id: c.id, object_id: o.id, category: category as FindingCategory,
          description: problems[category][Math.floor(rand() * problems[category].length)].replace('{n}', String(between(3, 60))), found_on: foundOn,
          owner_name: assigned ? ownerName : null, owner_post: assigned ? pick(dept ? departmentPosts : townshipPosts) : null, due_on: row.dueOn, status: row.status,
          evidence: row.evidence, doc_no: row.docNo, rectified_on: row.rectifiedOn, rectified_by: row.rectifiedOn ? rectifier : null,
          signed_off_on: row.signedOffOn, signed_off_by: row.signedOffOn ? (users.get('cdi') ?? null) : null, sign_off_note: row.signedOffOn ? '经审核，整改到位，同意销号' : null,
          reopen_reason: row.reopenReason, reopened_on: row.reopenedOn, reopen_count: row.reopenedOn ? 1 : 0,
        }).returning(['id', 'unit_id', 'county_code']).executeTakeFirstOrThrow();
        await trx.insertInto('campaign_finding_events').values(steps.map((s) => ({
          county_code: countyCode, unit_id: f.unit_id, finding_id: f.id, action: s.action, to_status: s.to, happened_on: s.on, note: s.note,
        }))).execute();
        findings++;
      }
    }
  });
  return { campaigns: 1, projects, findings };
}

export function printDemoCampaigns(r: DemoCampaignsResult): void {
  process.stdout.write(`专项治理演示数据 Demo campaign: ${r.campaigns} campaign, ${r.projects} projects, ${r.findings} findings\n`);
}
