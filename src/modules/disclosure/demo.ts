import { sql, type Kysely, type SqlBool } from 'kysely';
import { addCalendarDays, diffDays, todayInShanghai, type IsoDate } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { seededRandom } from '../../platform/identifiers/normalize';
import { applyRoleGrants } from '../org/builtinRoles';
import { channels, disclosureKinds, type CheckResult, type DisclosureKind } from './db';
import { disclosureRoleGrants } from './permissions';
import { disclosureSchedule, dueOn, nextQuarter, quarterEndExclusive, quarterOf, quarterStart, TOWNSHIP_KINDS } from './schedule';

/**
 * The demo county's 公开 work: every quarter of last year and this year, villages' 村务公开 and the townships' and
 * departments' 党务/政务/办事公开 — most on time, some late, a few never published (overdue); ~15 专项检查 with some
 * 假公开/半公开/更新不及时 findings (older ones rectified); 6 示范点 (4 已命名, 2 培育中). Invented texts, deterministic
 * for a county and date; loaded once per county.
 */
export interface DemoDisclosureResult { records: number; checks: number; sites: number }

const problems: Record<Exclude<CheckResult, 'passed'>, readonly string[]> = {
  incomplete: ['公开栏未公开惠农补贴发放明细，仅公开汇总数', '财务收支只公开总额，未逐笔列明支出事项', '工程项目未公开中标单位和合同金额'],
  notUpdated: ['公开栏内容仍为上一季度，未按期更新', '网站公开专栏已三个月未更新', '低保评定结果公示超过规定时间未更新'],
  fake: ['公开栏张贴内容与账目不符，存在虚假公开', '公开照片系补拍，公开栏实际未张贴'],
  partial: ['只公开低保名单，未公开评定程序和监督电话', '集体资产出租收入未纳入公开范围', '“四议两公开”决议未公开实施结果'],
};
const fixes = ['已按要求重新公开并张贴照片备查，村务监督委员会签字确认', '已补充公开明细，乡镇纪委复查合格', '已更新公开内容，建立公开台账按月检查'];
const inspectors = ['县纪委监委第一监督检查室 张某某、李某', '县纪委监委第二监督检查室 王某某', '县委组织部、县纪委监委联合检查组 赵某、陈某某', '乡镇纪委 刘某某'];

export async function createDemoDisclosure(db: Kysely<DB>, countyCode: string, opts: { today?: IsoDate; seed?: number } = {}): Promise<DemoDisclosureResult> {
  await applyRoleGrants(db, disclosureRoleGrants);
  // Loaded once per county: demo rows are the only ones without a recording user (the API always sets it).
  const loaded = await db.selectFrom('disclosure_records').select('id').where('county_code', '=', countyCode).where('created_by', 'is', null).limit(1).executeTakeFirst();
  if (loaded) return { records: 0, checks: 0, sites: 0 };
  const units = await db.selectFrom('units as u')
    .leftJoin('units as t', (j) => j.on(sql<SqlBool>`t.county_code = u.county_code and t.kind in (${sql.join([...TOWNSHIP_KINDS])}) and u.path like t.path || '%'`))
    .select(['u.id', 'u.code', 'u.name', 'u.kind', 't.code as township', 't.name as townshipName']).where('u.county_code', '=', countyCode).where('u.active', '=', true)
    .orderBy('u.code').execute();
  if (!units.some((u) => u.kind === 'village')) return { records: 0, checks: 0, sites: 0 };
  const today = opts.today ?? todayInShanghai();
  const rand = seededRandom(opts.seed ?? Number(countyCode) + 47);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const year = Number(today.slice(0, 4));
  const diff = diffDays;
  const first = `${year - 1}Q1`;
  const dueDays = 10;
  const records: Array<{ county_code: string; unit_id: string; township_code: string | null; kind: DisclosureKind; period: string; items: string[]; published_on: string; channels: string[]; evidence: string | null }> = [];

  for (let q = first; q <= quarterOf(today); q = nextQuarter(q)) {
    const ended = quarterEndExclusive(q) <= today;
    const due = dueOn(q, dueDays);
    for (const kind of disclosureKinds) {
      for (const u of units.filter((x) => disclosureSchedule[kind].unitKinds.includes(x.kind))) {
        const r = rand();
        let on: IsoDate | null;
        if (!ended) on = r < 0.15 ? addCalendarDays(quarterStart(q), between(30, 60)) : null; // a few publish during the quarter
        else if (r < 0.84) on = addCalendarDays(quarterEndExclusive(q), between(-8, dueDays - 1));
        else if (r < 0.94) on = addCalendarDays(due, between(3, 40));
        else on = null; // never published: overdue
        if (!on || on > today) continue;
        const all = disclosureSchedule[kind].items;
        const items = all.filter(() => rand() < 0.7);
        records.push({
          county_code: countyCode, unit_id: u.id, township_code: u.township, kind, period: q, items: items.length ? items : [all[0]], published_on: on,
          channels: kind === 'village' ? ['noticeBoard', ...(rand() < 0.5 ? ['wechat'] : [])] : channels.filter((c) => c !== 'wechat' || rand() < 0.3),
          evidence: kind === 'village' ? `公开栏照片${between(2, 6)}张，村务监督委员会签字确认` : null,
        });
      }
    }
  }

  const villages = units.filter((u) => u.kind === 'village');
  const towns = units.filter((u) => TOWNSHIP_KINDS.includes(u.kind));
  const checks = Array.from({ length: 15 }, (_, i) => {
    const u = i % 5 === 4 ? pick(towns) : villages[Math.floor((villages.length * (i * 7 + 3)) / 105) % villages.length];
    const checkedOn = addCalendarDays(`${year - 1}-03-15`, Math.floor(((i + 0.5) * (diff(`${year - 1}-03-15`, today) - 20)) / 15));
    const result: CheckResult = i % 5 === 1 ? 'fake' : i % 5 === 3 ? pick(['partial', 'notUpdated', 'incomplete'] as const) : i % 7 === 2 ? 'notUpdated' : 'passed';
    const failed = result !== 'passed';
    const dueOnCheck = failed ? addCalendarDays(checkedOn, 30) : null;
    const rectifiedOn = failed && diff(checkedOn, today) > 60 ? addCalendarDays(checkedOn, between(10, 40)) : null;
    return {
      county_code: countyCode, unit_id: u.id, township_code: u.township, kind: (u.kind === 'village' ? 'village' : 'service') as DisclosureKind, period: quarterOf(addCalendarDays(checkedOn, -30)),
      checked_on: checkedOn, inspector: pick(inspectors), result, problem: failed ? pick(problems[result]) : null, due_on: dueOnCheck,
      status: failed ? (rectifiedOn ? 'rectified' as const : 'open' as const) : null, rectified_on: rectifiedOn, rectification_note: rectifiedOn ? pick(fixes) : null,
    };
  });

  const sites = [
    ...towns.slice(0, 3).map((t, i) => ({ u: t, kind: 'service' as DisclosureKind, name: `${t.name}便民服务中心办事公开示范点`, status: i < 2 ? 'named' : 'cultivating' })),
    ...[0, 1, 2].map((i) => villages[Math.floor((villages.length * (2 * i + 1)) / 6)]).map((v, i) => ({
      u: v, kind: 'village' as DisclosureKind, name: `${v.townshipName ?? ''}${v.name}村务公开示范点`, status: i < 2 ? 'named' : 'cultivating' })),
  ].map((s, i) => ({
    county_code: countyCode, unit_id: s.u.id, township_code: s.u.township, kind: s.kind, name: s.name, status: s.status as 'named' | 'cultivating',
    designated_on: s.status === 'named' ? addCalendarDays(`${year - 1}-06-30`, i * 45) : null, revoked_on: null,
    note: s.status === 'named' ? '公开栏、电子屏、网站“三位一体”，公开目录规范，群众满意度高' : '正在按示范点标准完善公开目录和载体',
  }));

  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < records.length; i += 500) await trx.insertInto('disclosure_records').values(records.slice(i, i + 500)).execute();
    await trx.insertInto('disclosure_checks').values(checks).execute();
    await trx.insertInto('disclosure_demo_sites').values(sites).execute();
    const value = JSON.stringify({ dueDays, firstPeriod: first });
    await trx.insertInto('settings').values({ key: `disclosure.settings.${countyCode}`, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  });
  return { records: records.length, checks: checks.length, sites: sites.length };
}

export function printDemoDisclosure(r: DemoDisclosureResult): void {
  process.stdout.write(`事务公开演示数据 Demo disclosure: ${r.records} records, ${r.checks} spot checks, ${r.sites} demonstration sites\n`);
}
