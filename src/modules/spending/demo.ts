import { sql, type Kysely } from 'kysely';
import { loadCalendar } from '../../platform/calendar/calendarRepository';
import { addCalendarDays, todayInShanghai, type IsoDate } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { seededRandom } from '../../platform/identifiers/normalize';
import { TOWNSHIP_KINDS } from '../campaigns/access';
import { applyRoleGrants } from '../org/builtinRoles';
import type { SpendingCategory, TravellerRank } from './db';
import { spendingRoleGrants } from './permissions';
import { screenIn, screeningInputs } from './screeningService';

/**
 * The demo county's official spending: the twelve months to today for seven departments and four townships,
 * 2–4 payments a month each, within the standards (receptions on working days with a letter, meetings and training
 * under the class-3 quotas, lodging under the rank's limit), plus a handful over standard or otherwise flagged so
 * the hits list and the dashboard have something to show. Invented names, deterministic for a county and date;
 * skipped when the county already has records. The county is screened once at the end.
 */
export interface DemoSpendingResult { records: number; hits: number }

type Row = { unit: string; spentOn: IsoDate; category: SpendingCategory; amount: number; persons?: number; accompanying?: number; days?: number; nights?: number;
  classLevel?: number; travellerRank?: TravellerRank; payee?: string; venue?: string; hasLetter?: boolean; approvalNo?: string; description: string };

const DEPARTMENTS = ['D03', 'D09', 'D10', 'D13', 'D16', 'D19', 'D20'];
const RESTAURANTS = ['县城一品香餐厅', '县机关食堂', '县城滇味轩餐馆', '县城南盘江饭店', '县城汇丰食府'];
const HOTELS = ['县城金湖宾馆', '县城南城宾馆', '昆明市某商务酒店'];

export async function createDemoSpending(db: Kysely<DB>, countyCode: string, opts: { today?: IsoDate; seed?: number } = {}): Promise<DemoSpendingResult> {
  await applyRoleGrants(db, spendingRoleGrants);
  const existing = await db.selectFrom('spending_expenses').select(sql<number>`count(*)::int`.as('n')).where('county_code', '=', countyCode).executeTakeFirstOrThrow();
  if (existing.n > 0) return { records: 0, hits: 0 };
  const depts = await db.selectFrom('units').select(['id', 'code', 'name']).where('county_code', '=', countyCode)
    .where('code', 'in', DEPARTMENTS.map((d) => `${countyCode}${d}`)).orderBy('code').execute();
  const towns = await db.selectFrom('units').select(['id', 'code', 'name']).where('county_code', '=', countyCode).where('kind', 'in', [...TOWNSHIP_KINDS])
    .where('active', '=', true).orderBy('code').limit(4).execute();
  if (depts.length < 3 || !towns.length) return { records: 0, hits: 0 };
  const today = opts.today ?? todayInShanghai();
  const rnd = seededRandom(opts.seed ?? Number(countyCode) + 7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const calendar = await loadCalendar(db);
  // Ordinary payments fall on working days (a weekend reception is one of the planted flags, not noise).
  const workday = (d: IsoDate) => { let x = d; while (!calendar.isWorkingDay(x)) x = addCalendarDays(x, 1); return x > today ? d : x; };
  const start = addCalendarDays(today, -364);
  const rows: Row[] = [];
  for (const u of [...depts, ...towns]) {
    for (let m = 0; m < 12; m++) {
      for (let k = between(2, 4); k > 0; k--) {
        const spentOn = workday(addCalendarDays(start, m * 30 + between(0, 29)));
        if (spentOn > today) continue;
        rows.push(ordinary(u.id, spentOn, rnd, pick, between));
      }
    }
  }
  const unit = (code: string) => [...depts, ...towns].find((u) => u.code === `${countyCode}${code}` || u.code === code)?.id ?? depts[0].id;
  const day = (back: number) => workday(addCalendarDays(today, -back));
  let saturday = addCalendarDays(today, -40);
  while (calendar.isWorkingDay(saturday) || calendar.isPublicHoliday(saturday)) saturday = addCalendarDays(saturday, -1);
  const t0 = towns[0].id;
  const t1 = towns[Math.min(1, towns.length - 1)].id;
  rows.push(
    { unit: unit('D19'), spentOn: day(75), category: 'reception', amount: 3680, persons: 6, accompanying: 5, hasLetter: true, approvalNo: '市农函〔2026〕12号',
      payee: '县城南盘江饭店', venue: '县城南盘江饭店', description: '接待市农业农村局高原特色农业调研组' },
    { unit: t0, spentOn: saturday, category: 'reception', amount: 1580, persons: 2, accompanying: 3, hasLetter: true, payee: '九乡某山庄', venue: '九乡某山庄',
      description: '接待县直部门检查组，含白酒两瓶' },
    { unit: unit('D16'), spentOn: day(120), category: 'meeting', amount: 56000, persons: 40, days: 2, classLevel: 3, payee: '县城金湖宾馆', venue: '县城金湖宾馆',
      description: '全县城乡建设工作会议' },
    { unit: unit('D10'), spentOn: day(150), category: 'training', amount: 41400, persons: 30, days: 3, classLevel: 3, payee: '县城南城宾馆', venue: '县城南城宾馆',
      description: '全县中小学校长业务培训班' },
    { unit: unit('D09'), spentOn: day(60), category: 'travel', amount: 1160, persons: 1, nights: 2, travellerRank: 'general', payee: '昆明市某商务酒店',
      description: '赴昆明报送重点项目资料住宿费' },
    { unit: unit('D13'), spentOn: day(95), category: 'meeting', amount: 4800, payee: '县城鑫源广告有限公司', description: '会议宣传展板制作' },
    { unit: unit('D13'), spentOn: day(88), category: 'meeting', amount: 4600, payee: '县城鑫源广告有限公司', description: '会议材料印制' },
    { unit: unit('D13'), spentOn: day(80), category: 'meeting', amount: 3900, payee: '县城鑫源广告有限公司', description: '会议背景板及横幅' },
    { unit: t1, spentOn: day(30), category: 'reception', amount: 460, persons: 4, accompanying: 2, hasLetter: false, payee: '县城滇味轩餐馆', description: '接待来访人员工作餐' },
    { unit: unit('D20'), spentOn: day(45), category: 'reception', amount: 1200, persons: 8, accompanying: 3, hasLetter: true, approvalNo: '卫健函〔2026〕5号',
      payee: '县城某私人会所', venue: '县城某私人会所', description: '接待省卫生健康委督导组' },
  );
  const townOf = new Map(towns.map((t) => [t.id, t.code]));
  const cdiUser = (await db.selectFrom('users').select('id').where('username', '=', 'cases').executeTakeFirst())?.id ?? null;
  const inputs = await screeningInputs(db, countyCode);
  let voucher = 0;
  return db.transaction().execute(async (trx) => {
    const values = rows.filter((r) => r.spentOn <= today).sort((a, b) => a.spentOn.localeCompare(b.spentOn)).map((r) => ({
      county_code: countyCode, unit_id: r.unit, township_code: townOf.get(r.unit) ?? null, spent_on: r.spentOn, category: r.category, amount: r.amount,
      persons: r.persons ?? null, accompanying: r.accompanying ?? null, days: r.days ?? null, nights: r.nights ?? null, class_level: r.classLevel ?? null,
      traveller_rank: r.travellerRank ?? null, payee: r.payee ?? null, venue: r.venue ?? null, has_letter: r.hasLetter ?? null, approval_no: r.approvalNo ?? null,
      voucher_no: `记-${r.spentOn.slice(0, 7)}-${String(++voucher).padStart(4, '0')}`, description: r.description, created_by: cdiUser,
    }));
    for (let i = 0; i < values.length; i += 500) await trx.insertInto('spending_expenses').values(values.slice(i, i + 500)).execute();
    const run = await screenIn(trx, countyCode, inputs);
    return { records: values.length, hits: run.hits };
  });
}

function ordinary(unit: string, spentOn: IsoDate, rnd: () => number, pick: <T>(xs: readonly T[]) => T, between: (lo: number, hi: number) => number): Row {
  const r = rnd();
  const round = (n: number) => Math.round(n);
  if (r < 0.35) {
    const persons = between(2, 8);
    const accompanying = between(1, 3);
    return { unit, spentOn, category: 'reception', amount: round((persons + accompanying) * between(55, 110)), persons, accompanying, hasLetter: true,
      approvalNo: `函〔${spentOn.slice(0, 4)}〕${between(1, 80)}号`, payee: pick(RESTAURANTS), venue: pick(RESTAURANTS), description: pick(['接待上级部门检查组工作餐', '接待市级调研组工作餐', '接待兄弟县考察学习人员工作餐']) };
  }
  if (r < 0.5) {
    const persons = between(20, 80);
    const days = between(1, 2);
    return { unit, spentOn, category: 'meeting', amount: round(persons * days * between(120, 500)), persons, days, classLevel: 3, payee: pick(HOTELS.slice(0, 2)),
      venue: '县行政中心会议室', description: pick(['年度工作会议', '业务工作推进会', '党风廉政建设工作会议']) };
  }
  if (r < 0.75) {
    const nights = between(1, 4);
    const rank: TravellerRank = rnd() < 0.3 ? 'township' : 'general';
    return { unit, spentOn, category: 'travel', amount: round(nights * between(180, 340)), persons: 1, nights, travellerRank: rank, payee: pick(HOTELS),
      description: pick(['赴昆明参加业务培训住宿费', '赴市里汇报工作住宿费', '赴省里对接项目住宿费']) };
  }
  if (r < 0.85) return { unit, spentOn, category: 'vehicle', amount: between(200, 3000), payee: pick(['中石化县城加油站', '县城顺达汽车修理厂', '中石油南环加油站']), description: pick(['公务用车加油', '公务用车维修保养', '公务用车保险']) };
  if (r < 0.93) {
    const persons = between(20, 60);
    const days = between(2, 3);
    return { unit, spentOn, category: 'training', amount: round(persons * days * between(200, 370)), persons, days, classLevel: 3, payee: pick(HOTELS.slice(0, 2)),
      description: pick(['业务骨干培训班', '干部能力提升培训班']) };
  }
  return { unit, spentOn, category: 'allowance', amount: between(500, 5000), payee: '本单位职工', description: pick(['加班补助', '下乡补助', '值班补助']) };
}

export function printDemoSpending(r: DemoSpendingResult): void {
  process.stdout.write(`公务支出演示数据 Demo spending: ${r.records} records, ${r.hits} red-flag hits\n`);
}
