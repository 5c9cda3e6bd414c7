import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { areaCondition, type MetricQuery, type MetricValue } from './registry';

/**
 * The words of the breakdowns. A metric splits its records by a dimension (township, rank, channel ...) whose keys
 * are codes; officials read names. One vocabulary for every module, so `township` or `rank` reads the same on
 * every chart and in the report, and the report's findings can look a dimension up by name (problems.ts).
 */
export type Words = readonly [zh: string, en: string];

export interface DimensionSpec {
  labelZh: string;
  labelEn: string;
  /** Fixed key → words (channels, kinds, ranks). */
  values?: Readonly<Record<string, Words>>;
  /** Keys that are rows of the database (townships, dictionary entries), read for the query's area. */
  lookup?: (db: Kysely<DB>, areaCode: string) => Promise<Record<string, Words>>;
  /** What a missing value (key 'unknown') reads as; default 未填写 / Not recorded. */
  unknown?: Words;
}

export interface BreakdownItem { key: string; label: string; labelEn?: string; value: number; recordIds: string[]; recordCount?: number }

const vocabulary = new Map<string, DimensionSpec>();

export function registerDimensions(specs: Readonly<Record<string, DimensionSpec>>): void {
  for (const [name, spec] of Object.entries(specs)) {
    if (vocabulary.has(name) && vocabulary.get(name) !== spec) throw new Error(`Dimension ${name} is defined twice`);
    vocabulary.set(name, spec);
  }
}

export function dimensionSpec(name: string): DimensionSpec | undefined {
  return vocabulary.get(name);
}

/** The dimension's own name (图表标题), falling back to its key for a dimension nobody described. */
export function dimensionWords(name: string): { labelZh: string; labelEn: string } {
  const s = vocabulary.get(name);
  return { labelZh: s?.labelZh ?? name, labelEn: s?.labelEn ?? name };
}

const NOT_RECORDED: Words = ['未填写', 'Not recorded'];

/**
 * Give every breakdown item its zh label and en label. Lookups are read once per evaluation (the shared map) and
 * area; a key the vocabulary does not know keeps the label the metric gave it (often already a name).
 */
export async function labelBreakdown(q: Pick<MetricQuery, 'db' | 'countyCode' | 'shared'>, breakdown: MetricValue['breakdown']): Promise<Record<string, BreakdownItem[]> | undefined> {
  if (!breakdown) return undefined;
  const out: Record<string, BreakdownItem[]> = {};
  for (const [dim, items] of Object.entries(breakdown)) {
    const spec = vocabulary.get(dim);
    let looked: Record<string, Words> = {};
    if (spec?.lookup) {
      const k = `dimension|${dim}|${q.countyCode}`;
      let p = q.shared?.get(k) as Promise<Record<string, Words>> | undefined;
      if (!p) { p = spec.lookup(q.db, q.countyCode); q.shared?.set(k, p); }
      looked = await p;
    }
    out[dim] = items.map((b) => {
      const words = b.key === 'unknown' ? (spec?.unknown ?? NOT_RECORDED) : (spec?.values?.[b.key] ?? looked[b.key]);
      return words ? { ...b, label: words[0], labelEn: words[1] } : { ...b, labelEn: (b as BreakdownItem).labelEn ?? b.label };
    });
  }
  return out;
}

/** Township (乡镇、街道) names by code, for a county or every county of a province. */
export async function townshipNames(db: Kysely<DB>, areaCode: string): Promise<Record<string, Words>> {
  const rows = await db.selectFrom('units').select(['code', 'name']).where(areaCondition(areaCode, 'county_code'))
    .where('kind', 'in', ['town', 'township', 'subdistrict', 'townshipOther']).execute();
  return Object.fromEntries(rows.map((r) => [r.code, [r.name, r.name] as const]));
}

/** Cadre rank buckets of the bulletin (职级): the same six everywhere officials or subjects are counted. */
export const RANK_WORDS: Readonly<Record<string, Words>> = {
  provincial: ['省部级', 'Provincial/ministerial'], bureau: ['厅局级', 'Bureau'], county: ['县处级', 'County/division'],
  township: ['乡科级', 'Township/section'], general: ['一般干部', 'General staff'], other: ['农村、企业等其他人员', 'Village, enterprise and other'],
};

/** The dimensions more than one module counts by. */
export const sharedDimensions: Record<string, DimensionSpec> = {
  township: { labelZh: '乡镇（街道）', labelEn: 'Township', lookup: townshipNames, unknown: ['县直及未指明乡镇', 'County level or no township'] },
  rank: { labelZh: '职级', labelEn: 'Rank', values: RANK_WORDS },
};
