import { sql } from 'kysely';
import { scopeCondition } from '../../platform/scope/dataScope';
import { areaCondition, sharedRows, type MetricDefinition, type MetricQuery, type MetricValue } from '../analysis/registry';
import { findingCategoryWords } from './dimensions';
import { tallyRecords } from '../analysis/tally';

/**
 * The campaign figures of the speech (二(五)): 排查100万元以上工程X个，共发现问题X个，整改到位X个，尚有X个正在整改.
 * `findings` are those found in the period; `rectified` and `rectifying` split the same findings by their status
 * as of the period's end (read from the dated history), so rectified + rectifying = findings, as the speech reads.
 * Township keys are township unit codes (null → 县直); scope follows the finding's (object's) responsible unit.
 */
interface FindingRow { id: string; category: string; township: string | null; statusAtEnd: string | null }
interface Item { id: string; categories: string[]; township: string | null }
const breakdown = (items: Item[]) => tallyRecords(items, { findingCategory: (i) => i.categories, township: (i) => i.township });


function findingRows(q: MetricQuery): Promise<FindingRow[]> {
  return sharedRows(q, 'campaigns.findings', async () => {
    const { db, actor, countyCode, period } = q;
    return db.selectFrom('campaign_findings as f').innerJoin('campaign_objects as o', 'o.id', 'f.object_id')
      .select(['f.id', 'f.category', 'o.township_code as township',
        sql<string | null>`(select e.to_status from campaign_finding_events e where e.finding_id = f.id and e.happened_on < ${period.to}
          order by e.happened_on desc, e.seq desc limit 1)`.as('statusAtEnd')])
      .where(areaCondition(countyCode, 'f.county_code')).where('f.found_on', '>=', period.from).where('f.found_on', '<', period.to)
      .where(scopeCondition(actor, 'f.unit_id')).orderBy('f.found_on').orderBy('f.id').execute();
  });
}

const asItems = (rows: FindingRow[]): Item[] => rows.map((r) => ({ id: r.id, categories: [r.category], township: r.township }));
const done = new Set(['rectified', 'signedOff']);

async function projects(q: MetricQuery): Promise<MetricValue> {
  const { db, actor, countyCode, period } = q;
  const rows = await db.selectFrom('campaign_objects as o').innerJoin('campaigns as c', 'c.id', 'o.campaign_id')
    .select(['o.id', 'o.township_code as township',
      sql<string[]>`coalesce((select array_agg(distinct f.category order by f.category) from campaign_findings f where f.object_id = o.id
        and f.found_on < ${period.to} and ${scopeCondition(actor, 'f.unit_id')}), '{}')`.as('categories')])
    .where('c.kind', '=', 'constructionProjects').where(sql<boolean>`o.contract_amount >= c.threshold_yuan`)
    .where(areaCondition(countyCode, 'o.county_code')).where('o.inspected_on', '>=', period.from).where('o.inspected_on', '<', period.to)
    .where(scopeCondition(actor, 'o.unit_id')).orderBy('o.inspected_on').orderBy('o.id').execute();
  return breakdown(rows.map((r) => ({ id: r.id, township: r.township, categories: r.categories.length ? r.categories : ['none'] })));
}

const findingDescribe: MetricDefinition['describe'] = async ({ db, actor }, ids) => {
  if (!ids.length) return [];
  const rows = await db.selectFrom('campaign_findings as f').innerJoin('campaign_objects as o', 'o.id', 'f.object_id')
    .select(['f.id', 'f.campaign_id', 'f.category', 'f.description', 'f.found_on', 'o.name']).where('f.id', 'in', ids).where(scopeCondition(actor, 'f.unit_id')).execute();
  return rows.map((r) => ({
    id: r.id, title: `${findingCategoryWords[r.category]?.[0] ?? r.category}：${r.description.slice(0, 60)}`, subtitle: r.name, at: r.found_on,
    link: `/campaigns/${r.campaign_id}?finding=${r.id}`,
  }));
};

const common = { module: 'campaigns', unit: '个' as const, dimensions: ['findingCategory', 'township'] };
const periodNoteZh = '整改到位与正在整改按统计期末的状态划分同一批问题（统计期内发现的问题），二者之和等于发现问题数；已整改待销号和已销号均计为整改到位，抽查后重新整改的按其期末状态计。';
const periodNoteEn = 'Rectified and being-rectified split the same findings (those found in the period) by their status at the period end, so they add up to the findings; rectified-awaiting-sign-off and signed-off both count as rectified; a finding reopened on a spot-check counts by its status at the period end.';

export const campaignMetrics: MetricDefinition[] = [
  {
    ...common, key: 'campaigns.projectsInspected', labelZh: '排查100万元以上工程', labelEn: 'Projects over ¥1M inspected', recordType: 'campaignObject',
    definitionZh: '工程建设项目专项治理中排查日期在统计期内、合同金额达到该专项治理排查起点（如100万元）的工程项目个数；按项目所在乡镇和项目发现问题的类别分列（一个项目可有多类问题，未发现问题的单列）。',
    definitionEn: 'Construction projects inspected in the period in a construction-project campaign whose contract amount reaches the campaign threshold (e.g. ¥1M); by township and by the categories of problems found on them (a project may count under several; none listed apart).',
    compute: projects,
    describe: async ({ db, actor }, ids) => {
      if (!ids.length) return [];
      const rows = await db.selectFrom('campaign_objects as o').select(['o.id', 'o.campaign_id', 'o.name', 'o.contractor', 'o.inspected_on'])
        .where('o.id', 'in', ids).where(scopeCondition(actor, 'o.unit_id')).execute();
      return rows.map((r) => ({ id: r.id, title: r.name, subtitle: r.contractor ?? undefined, at: r.inspected_on, link: `/campaigns/${r.campaign_id}?tab=projects` }));
    },
  },
  {
    ...common, key: 'campaigns.findings', labelZh: '发现问题', labelEn: 'Problems found', recordType: 'campaignFinding',
    definitionZh: '专项治理中发现日期在统计期内的问题个数，按问题类别（建设程序、征地拆迁、招标投标、工程监管、其他）和乡镇分列。',
    definitionEn: 'Problems found by special campaigns with a finding date in the period, by category (procedure, land acquisition, tendering, supervision, other) and township.',
    compute: async (q) => breakdown(asItems(await findingRows(q))), describe: findingDescribe,
  },
  {
    ...common, key: 'campaigns.rectified', labelZh: '整改到位', labelEn: 'Rectified', recordType: 'campaignFinding',
    definitionZh: `统计期内发现的问题中，到统计期末已整改到位（已整改待销号或已销号）的个数。${periodNoteZh}`,
    definitionEn: `Of the problems found in the period, those rectified (awaiting sign-off or signed off) at the period end. ${periodNoteEn}`,
    compute: async (q) => breakdown(asItems((await findingRows(q)).filter((r) => done.has(r.statusAtEnd ?? '')))), describe: findingDescribe,
  },
  {
    ...common, key: 'campaigns.rectifying', labelZh: '正在整改', labelEn: 'Being rectified', recordType: 'campaignFinding',
    definitionZh: `统计期内发现的问题中，到统计期末尚未整改到位（待整改或正在整改）的个数。${periodNoteZh}`,
    definitionEn: `Of the problems found in the period, those not yet rectified (open or being rectified) at the period end. ${periodNoteEn}`,
    compute: async (q) => breakdown(asItems((await findingRows(q)).filter((r) => !done.has(r.statusAtEnd ?? '')))), describe: findingDescribe,
  },
];
