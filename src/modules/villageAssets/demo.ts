import { sql, type Kysely } from 'kysely';
import { addCalendarDays, addCalendarMonths, todayInShanghai, type IsoDate } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { seededRandom } from '../../platform/identifiers/normalize';
import { applyRoleGrants } from '../org/builtinRoles';
import { writeLedger } from './ledgerService';
import type { ContractRow, DisposalRow, EntryRow, ParsedLedger } from './parseRows';
import { villageAssetsRoleGrants } from './permissions';
import { screenInTransaction } from './screeningService';

/**
 * The demo county's village books: the twelve months to today for every village of three townships (the real unit
 * tree), kept as a township 三资 agency office would — transfers from the county, rents, office costs, labour, cleaning,
 * subsidies paid through rosters, one works project each with its 四议两公开 decision — plus contracts and a few
 * disposals. Six villages carry one planted anomaly each (split payments, a major works payment without a
 * decision, a disposal far under appraisal, a cheap and over-long land contract, a negotiated pond contract, one
 * payee taking most of a year). Invented names, deterministic for a county and date; skipped when the county has books.
 */
export interface DemoVillageAssetsResult { villages: number; entries: number; contracts: number; disposals: number; hits: number }

const people = ['张国华', '李春燕', '王建平', '赵德明', '杨丽芬', '陈志强', '刘永福', '普家顺', '李绍坤', '段红梅', '周正荣', '孙桂英'];
const shops = ['宜良县城区文印店', '宜良县匡远街道佳美文具店'];
const builders = ['宜良县宏达建筑工程有限公司', '宜良县兴宜水利工程有限公司', '昆明润土建筑劳务有限公司'];
const r2 = (v: number) => Math.round(v * 100) / 100;
const meeting = '村民代表会议';

type Entry = Omit<EntryRow, 'row' | 'voucherNo'>;
const base = { summary: null, handledBy: '村报账员', approvedBy: '村委会主任', decisionDate: null, decisionMeeting: null, published: true } as const;

function villageBooks(rand: () => number, start: IsoDate, today: IsoDate, plant: number | null, name: string): ParsedLedger {
  const between = (a: number, b: number) => a + rand() * (b - a);
  const day = (offset: number) => { const d = addCalendarDays(start, Math.max(0, Math.round(offset))); return d > today ? today : d; };
  const e: Entry[] = [];
  const add = (x: Partial<Entry> & Pick<Entry, 'date' | 'direction' | 'amount' | 'counterparty' | 'category'>) =>
    e.push({ ...base, paymentMethod: 'transfer', ...x, amount: r2(x.amount) });
  for (let q = 0; q < 4; q++) add({ date: day(q * 91 + 5), direction: 'income', amount: between(45_000, 60_000), counterparty: '宜良县财政局', category: 'other', summary: '村级组织运转经费' });
  for (let m = 0; m < 12; m++) {
    const amount = between(300, 1800);
    add({ date: day(m * 30.4 + 8), direction: 'expense', amount, counterparty: shops[m % 2], category: 'office', paymentMethod: amount <= 900 ? 'cash' : 'transfer', summary: '办公用品、打印' });
    add({ date: day(m * 30.4 + 15), direction: 'expense', amount: between(200, 900), counterparty: '云南电网有限责任公司昆明宜良供电局', category: 'other', summary: '村委会电费' });
    add({ date: day(m * 30.4 + 25), direction: 'expense', amount: between(1600, 2400), counterparty: people[(m + name.length) % people.length], category: 'labour', summary: '村内环境卫生保洁' });
  }
  for (let i = 0; i < 8; i++) {
    const amount = between(600, 4500);
    add({ date: day(i * 45 + 20), direction: 'expense', amount, counterparty: `${people[(i * 5 + 3) % people.length]}（临时用工）`, category: 'labour', paymentMethod: amount <= 1000 ? 'cash' : 'transfer', summary: '沟渠清淤、道路维护用工' });
  }
  for (let i = 0; i < 4; i++) add({ date: day(i * 90 + 40), direction: 'expense', amount: between(8000, 40_000), counterparty: '农户（补助发放清册）', category: 'subsidy', summary: '耕地地力保护补贴、临时救助发放' });
  const works = between(15_000, 45_000);
  const worksDay = day(between(60, 300));
  add({ date: worksDay, direction: 'expense', amount: works, counterparty: builders[name.length % builders.length], category: 'works', summary: '村内道路硬化工程款',
    decisionDate: addCalendarDays(worksDay, -Math.round(between(12, 40))), decisionMeeting: meeting });
  if (rand() < 0.4) add({ date: day(between(30, 330)), direction: 'expense', amount: between(300, 800), counterparty: '阳宗海农家乐', category: 'reception', paymentMethod: 'cash', summary: '上级检查工作餐' });

  const contracts: ContractRow[] = [];
  const contract = (x: Omit<ContractRow, 'row' | 'contractNo' | 'decisionDate' | 'decisionMeeting'> & { decided?: boolean }) => {
    const { decided = true, ...c } = x;
    contracts.push({ row: 0, ...c, contractNo: `${name.slice(0, 2)}发包〔${c.startOn.slice(0, 4)}〕${contracts.length + 1}号`, annualRent: r2(c.annualRent),
      decisionDate: decided ? addCalendarDays(c.startOn, -20) : null, decisionMeeting: decided ? meeting : null });
  };
  for (let i = 0; i < 3; i++) {
    const area = Math.round(between(5, 60));
    const startOn = addCalendarDays(start, -Math.round(between(30, 1200)));
    const total = area * between(450, 750) * 5;
    contract({ objectType: 'land', objectName: `${['坝子', '山脚', '河边'][i]}机动地`, area, areaUnit: 'mu', counterparty: people[(i * 7 + name.length) % people.length], startOn,
      endOn: addCalendarMonths(startOn, 60), annualRent: total / 5, awardMethod: total >= 50_000 ? 'bidding' : 'negotiation' });
  }
  if (rand() < 0.5) {
    const startOn = addCalendarDays(start, -Math.round(between(30, 900)));
    contract({ objectType: 'building', objectName: '村集体临街铺面', area: Math.round(between(60, 200)), areaUnit: 'sqm', counterparty: '宜良县便民超市', startOn,
      endOn: addCalendarMonths(startOn, 36), annualRent: between(6000, 15_000), awardMethod: 'bidding' });
  }
  for (const c of contracts) if (c.startOn <= today) add({ date: day(between(10, 200)), direction: 'income', amount: c.annualRent, counterparty: c.counterparty, category: 'other', summary: `${c.objectName}年租金` });

  const disposals: DisposalRow[] = [];
  if (rand() < 0.3) {
    const appraised = Math.round(between(3000, 40_000));
    disposals.push({ row: 0, assetName: '报废农用运输车', disposedOn: day(between(30, 330)), appraisedValue: appraised, salePrice: r2(appraised * between(0.92, 1.1)), buyer: '宜良县再生资源回收站',
      method: 'bidding', decisionDate: null, decisionMeeting: null });
  }

  // The planted anomaly of this village, if any.
  const d0 = day(between(100, 250));
  if (plant === 0) for (const [k, amt] of [2800, 2600, 2400].entries()) add({ date: addCalendarDays(d0, k * 6), direction: 'expense', amount: amt, counterparty: '宜良县鑫源建材经营部', category: 'works', summary: '村活动室维修材料' });
  if (plant === 0) add({ date: addCalendarDays(d0, 40), direction: 'expense', amount: 3600, counterparty: '李绍坤（临时用工）', category: 'labour', paymentMethod: 'cash', summary: '挖机台班费' });
  if (plant === 1) add({ date: d0, direction: 'expense', amount: 68_000, counterparty: '宜良县宏达建筑工程有限公司', category: 'works', summary: '村内排水沟改造工程款', published: false });
  if (plant === 2) disposals.push({ row: 0, assetName: '原村小学校舍', disposedOn: d0, appraisedValue: 180_000, salePrice: 108_000, buyer: '宜良县鑫源建材经营部', method: 'negotiation', decisionDate: addCalendarDays(d0, -15), decisionMeeting: meeting });
  if (plant === 3) {
    const startOn = addCalendarDays(d0, -200);
    contract({ objectType: 'land', objectName: '大箐口集体荒山地', area: 80, areaUnit: 'mu', counterparty: '宜良县恒发农业开发有限公司', startOn, endOn: addCalendarMonths(startOn, 360), annualRent: 80 * 120, awardMethod: 'bidding' });
  }
  if (plant === 4) {
    const startOn = addCalendarDays(d0, -30);
    contract({ objectType: 'pond', objectName: '村集体鱼塘', area: 25, areaUnit: 'mu', counterparty: '段红梅', startOn, endOn: addCalendarMonths(startOn, 60), annualRent: 18_000, awardMethod: 'negotiation' });
  }
  if (plant === 5) for (let k = 0; k < 3; k++) add({ date: addCalendarDays(d0, k * 35), direction: 'expense', amount: 42_000, counterparty: '宜良县恒发农资经营部', category: 'other', summary: '集体种植基地农资',
    decisionDate: addCalendarDays(d0, -10), decisionMeeting: meeting });

  e.sort((a, b) => a.date.localeCompare(b.date));
  const seq = new Map<string, number>();
  const entries = e.map((x) => { const m = x.date.slice(0, 7); const n = (seq.get(m) ?? 0) + 1; seq.set(m, n); return { ...x, row: 0, voucherNo: `记-${m.slice(5)}-${String(n).padStart(3, '0')}` }; });
  return { entries, contracts, disposals };
}

export async function createDemoVillageAssets(db: Kysely<DB>, countyCode: string, opts: { today?: IsoDate; seed?: number } = {}): Promise<DemoVillageAssetsResult> {
  await applyRoleGrants(db, villageAssetsRoleGrants);
  const none = { villages: 0, entries: 0, contracts: 0, disposals: 0, hits: 0 };
  const existing = await db.selectFrom('village_fund_entries').select(sql<number>`count(*)::int`.as('n')).where('county_code', '=', countyCode).executeTakeFirstOrThrow();
  if (existing.n > 0) return none;
  const towns = await db.selectFrom('units').select(['id', 'code', 'path']).where('county_code', '=', countyCode).where('kind', 'in', ['town', 'township', 'subdistrict'])
    .where('active', '=', true).orderBy('code').execute();
  const today = opts.today ?? todayInShanghai();
  const start = addCalendarDays(today, -364);
  const rand = seededRandom(opts.seed ?? Number(countyCode) + 97);
  const chosen: Array<{ code: string; villages: Array<{ id: string; name: string }> }> = [];
  for (const t of towns) {
    if (chosen.length === 3) break;
    const villages = await db.selectFrom('units').select(['id', 'name']).where('parent_id', '=', t.id).where('kind', '=', 'village').where('active', '=', true).orderBy('code').execute();
    if (villages.length >= 2) chosen.push({ code: t.code, villages });
  }
  if (!chosen.length) return none;
  const result = { ...none };
  await db.transaction().execute(async (trx) => {
    for (const [ti, t] of chosen.entries()) {
      for (const [vi, v] of t.villages.entries()) {
        const plant = vi < 2 ? ti * 2 + vi : null;
        const books = villageBooks(rand, start, today, plant, v.name);
        const n = await writeLedger(trx, { countyCode, villageId: v.id, townshipCode: t.code, batchId: null, createdBy: null }, books);
        result.villages++;
        result.entries += n.entries;
        result.contracts += n.contracts;
        result.disposals += n.disposals;
      }
    }
    result.hits = (await screenInTransaction(trx, countyCode)).hits;
  });
  return result;
}

export function printDemoVillageAssets(r: DemoVillageAssetsResult): void {
  process.stdout.write(`村集体三资演示数据 Demo village books: ${r.villages} villages, ${r.entries} fund entries, ${r.contracts} contracts, ${r.disposals} disposals, ${r.hits} anomalies\n`);
}
