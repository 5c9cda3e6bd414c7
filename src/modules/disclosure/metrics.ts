import { sql } from 'kysely';
import { scopeCondition } from '../../platform/scope/dataScope';
import { areaCondition, type MetricDefinition, type MetricQuery, type MetricValue } from '../analysis/registry';
import { loadSettings } from './access';
import { disclosureKinds, type DisclosureKind } from './db';
import { disclosureSchedule, obligationId, quartersDueIn, TOWNSHIP_KINDS } from './schedule';
import { checkResultWords, disclosureKindWords } from './words';
import { tallyRecords } from '../analysis/tally';

/**
 * The disclosure figures: 示范点 named and standing at the period end (the speech's 培育并完善办事公开示范点X个),
 * disclosures published in the period, obligations overdue at its end (the report's problem finder reacts to
 * `.overdue`), and spot checks that failed. Township keys are township unit codes ('unknown' → 县直).
 */
interface Item { id: string; keys: Record<string, string> }
const breakdown = (items: Item[], dims: string[]) => tallyRecords(items, Object.fromEntries(dims.map((d) => [d, (i: Item) => i.keys[d]])));
const kindAndTownship = ['disclosureKind', 'township'];


async function demoSites({ db, actor, countyCode, period }: MetricQuery): Promise<MetricValue> {
  const rows = await db.selectFrom('disclosure_demo_sites as s').select(['s.id', 's.kind', 's.township_code'])
    .where(areaCondition(countyCode, 's.county_code')).where('s.designated_on', 'is not', null).where('s.designated_on', '<', period.to)
    .where((eb) => eb.or([eb('s.revoked_on', 'is', null), eb('s.revoked_on', '>=', period.to)]))
    .where(scopeCondition(actor, 's.unit_id')).orderBy('s.designated_on').orderBy('s.id').execute();
  return breakdown(rows.map((r) => ({ id: r.id, keys: { disclosureKind: r.kind, township: r.township_code ?? 'unknown' } })), kindAndTownship);
}

async function published({ db, actor, countyCode, period }: MetricQuery): Promise<MetricValue> {
  const rows = await db.selectFrom('disclosure_records as r').select(['r.id', 'r.kind', 'r.township_code'])
    .where(areaCondition(countyCode, 'r.county_code')).where('r.published_on', '>=', period.from).where('r.published_on', '<', period.to)
    .where(scopeCondition(actor, 'r.unit_id')).orderBy('r.published_on').orderBy('r.id').execute();
  return breakdown(rows.map((r) => ({ id: r.id, keys: { disclosureKind: r.kind, township: r.township_code ?? 'unknown' } })), kindAndTownship);
}

/** Obligations (unit, kind, quarter) whose due date falls in the period and with no disclosure published before its end. */
async function overdue({ db, actor, countyCode, period }: MetricQuery): Promise<MetricValue> {
  const counties = await db.selectFrom('units').select('county_code').where('kind', '=', 'county').where(areaCondition(countyCode, 'county_code')).orderBy('county_code').execute();
  const items: Item[] = [];
  for (const { county_code: county } of counties) {
    const s = await loadSettings(db, county);
    if (!s.firstPeriod) continue;
    const quarters = quartersDueIn(s.firstPeriod, s.dueDays, period.from, period.to);
    if (!quarters.length) continue;
    const units = await db.selectFrom('units as u')
      .leftJoin('units as t', (j) => j.on(sql<boolean>`t.county_code = u.county_code and t.kind in (${sql.join([...TOWNSHIP_KINDS])}) and u.path like t.path || '%'`))
      .select(['u.id', 'u.kind', 't.code as township']).where('u.county_code', '=', county).where('u.active', '=', true)
      .where(scopeCondition(actor, 'u.id')).orderBy('u.code').execute();
    const done = new Set((await db.selectFrom('disclosure_records').select(['unit_id', 'kind', 'period']).distinct().where('county_code', '=', county)
      .where('period', 'in', quarters).where('published_on', '<', period.to).execute()).map((r) => obligationId(r.unit_id, r.kind, r.period)));
    for (const kind of disclosureKinds) {
      const own = units.filter((u) => disclosureSchedule[kind].unitKinds.includes(u.kind));
      for (const q of quarters) {
        for (const u of own) {
          const id = obligationId(u.id, kind, q);
          if (!done.has(id)) items.push({ id, keys: { disclosureKind: kind, township: u.township ?? 'unknown' } });
        }
      }
    }
  }
  return breakdown(items, kindAndTownship);
}

async function checksFailed({ db, actor, countyCode, period }: MetricQuery): Promise<MetricValue> {
  const rows = await db.selectFrom('disclosure_checks as c').select(['c.id', 'c.result', 'c.township_code'])
    .where(areaCondition(countyCode, 'c.county_code')).where('c.checked_on', '>=', period.from).where('c.checked_on', '<', period.to).where('c.result', '<>', 'passed')
    .where(scopeCondition(actor, 'c.unit_id')).orderBy('c.checked_on').orderBy('c.id').execute();
  return breakdown(rows.map((r) => ({ id: r.id, keys: { checkResult: r.result, township: r.township_code ?? 'unknown' } })), ['checkResult', 'township']);
}

const kindName = (k: string) => disclosureKindWords[k]?.[0] ?? k;

export const disclosureMetrics: MetricDefinition[] = [
  {
    key: 'disclosure.demoSites', module: 'disclosure', labelZh: '办事公开示范点', labelEn: 'Service disclosure demonstration sites', unit: '个', recordType: 'demoSite',
    dimensions: ['disclosureKind', 'township'],
    definitionZh: '到统计期末已命名且未撤销的事务公开示范点个数（党务、政务、村务、办事公开示范点均计入，讲话中统称“办事公开示范点”）；培育中的不计。按公开类别和乡镇分列。',
    definitionEn: 'Demonstration sites named by the period end and not revoked by then (party, government, village and service disclosure sites, which the speech calls service disclosure sites together); sites still being cultivated are not counted. By kind and township.',
    compute: demoSites,
    describe: async ({ db, actor }, ids) => {
      if (!ids.length) return [];
      const rows = await db.selectFrom('disclosure_demo_sites as s').innerJoin('units as u', 'u.id', 's.unit_id').select(['s.id', 's.name', 's.kind', 'u.name as unitName', 's.designated_on'])
        .where('s.id', 'in', ids).where(scopeCondition(actor, 's.unit_id')).execute();
      return rows.map((r) => ({ id: r.id, title: r.name, subtitle: `${r.unitName} · ${kindName(r.kind)}`, at: r.designated_on ?? undefined, link: '/disclosure/sites' }));
    },
  },
  {
    key: 'disclosure.published', module: 'disclosure', labelZh: '开展事务公开', labelEn: 'Disclosures published', unit: '件次', recordType: 'disclosureRecord',
    dimensions: ['disclosureKind', 'township'],
    definitionZh: '公开日期在统计期内的党务、政务、村务、办事公开登记次数（同一单位同一季度多次公开的分别计次），按公开类别和乡镇分列。',
    definitionEn: 'Party, government, village and service disclosures published in the period (each publication counted, several in one quarter too), by kind and township.',
    compute: published,
    describe: async ({ db, actor }, ids) => {
      if (!ids.length) return [];
      const rows = await db.selectFrom('disclosure_records as r').innerJoin('units as u', 'u.id', 'r.unit_id').select(['r.id', 'r.kind', 'r.period', 'u.name as unitName', 'r.published_on'])
        .where('r.id', 'in', ids).where(scopeCondition(actor, 'r.unit_id')).execute();
      return rows.map((r) => ({ id: r.id, title: `${r.unitName} ${kindName(r.kind)}（${r.period}）`, at: r.published_on, link: `/disclosure?kind=${r.kind}&year=${r.period.slice(0, 4)}` }));
    },
  },
  {
    key: 'disclosure.records.overdue', module: 'disclosure', labelZh: '逾期未公开', labelEn: 'Disclosures overdue', unit: '个', recordType: 'disclosureObligation',
    dimensions: ['disclosureKind', 'township'],
    definitionZh: '应公开期限（季度结束后规定天数内，默认10天）在统计期内、到统计期末仍未登记公开的公开义务个数（一个单位一个季度一类公开计一个）；村务公开由村委会承担，党务、政务、办事公开由乡镇（街道）和县直部门承担，自本县设置的起始季度起计。',
    definitionEn: 'Disclosure obligations (one per unit, kind and quarter) due in the period (within the set number of days after the quarter, 10 by default) and not published by its end; villages owe village-affairs disclosure, townships and county departments the other kinds, counted from the county\'s first tracked quarter.',
    compute: overdue,
    describe: async ({ db, actor }, ids) => {
      const parsed = ids.map((id) => id.split(':')).filter((p) => p.length === 3);
      if (!parsed.length) return [];
      const names = new Map((await db.selectFrom('units').select(['id', 'name']).where('id', 'in', [...new Set(parsed.map((p) => p[0]))])
        .where(scopeCondition(actor, 'units.id')).execute()).map((u) => [u.id, u.name]));
      return parsed.filter((p) => names.has(p[0])).map(([unitId, kind, q]) => ({
        id: obligationId(unitId, kind as DisclosureKind, q), title: `${names.get(unitId)} ${kindName(kind)}（${q}）未公开`, link: `/disclosure?kind=${kind}&year=${q.slice(0, 4)}`,
      }));
    },
  },
  {
    key: 'disclosure.checksFailed', module: 'disclosure', labelZh: '公开专项检查发现问题', labelEn: 'Disclosure spot checks failed', unit: '件次', recordType: 'disclosureCheck',
    dimensions: ['checkResult', 'township'],
    definitionZh: '检查日期在统计期内、结果为内容不全、更新不及时、假公开或半公开的公开专项检查次数，按检查结果和乡镇分列。',
    definitionEn: 'Spot checks of disclosures in the period whose result was incomplete, not updated in time, sham or partial disclosure, by result and township.',
    compute: checksFailed,
    describe: async ({ db, actor }, ids) => {
      if (!ids.length) return [];
      const rows = await db.selectFrom('disclosure_checks as c').innerJoin('units as u', 'u.id', 'c.unit_id').select(['c.id', 'c.kind', 'c.result', 'c.problem', 'u.name as unitName', 'c.checked_on'])
        .where('c.id', 'in', ids).where(scopeCondition(actor, 'c.unit_id')).execute();
      return rows.map((r) => ({ id: r.id, title: `${r.unitName} ${kindName(r.kind)}：${checkResultWords[r.result]?.[0] ?? r.result}`, subtitle: r.problem?.slice(0, 60), at: r.checked_on, link: '/disclosure/checks' }));
    },
  },
];
