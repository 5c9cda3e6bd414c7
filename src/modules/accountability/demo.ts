import { sql, type Kysely } from 'kysely';
import { fromDayNumber, toDayNumber, todayInShanghai, type IsoDate } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { seededRandom } from '../../platform/identifiers/normalize';
import { TOWNSHIP_KINDS, townshipOf } from '../campaigns/access';
import { applyRoleGrants } from '../org/builtinRoles';
import type { AccountabilityForm } from './db';
import { accountabilityRoleGrants } from './permissions';

/**
 * The demo county's accountability decisions: twelve over last year and this year — nine on township and
 * department leaders (four of them leaders held accountable for a subordinate's conduct, the speech's point), three
 * on party organisations. Basis: a demo case or campaign finding when those modules' demo data are there, else text.
 * Invented texts, deterministic for a county and date; skipped when the county already has decisions.
 */
export interface DemoAccountabilityResult { decisions: number }

interface Plan { who: 'secretary' | 'head' | 'deptHead' | 'deputy' | 'village'; form: AccountabilityForm; leader: boolean; reason: string; basis: 'case' | 'finding' | 'text' }
const persons: Plan[] = [
  { who: 'deputy', form: 'notice', leader: false, basis: 'finding', reason: '分管的集镇污水管网建设工程征地协调工作推进不力，严重影响项目进展' },
  { who: 'secretary', form: 'admonition', leader: true, basis: 'finding', reason: '对下属在工程项目招投标中规避招标问题失察，负有主要领导责任' },
  { who: 'deptHead', form: 'notice', leader: true, basis: 'text', reason: '单位干部作风漂浮、工作疲沓，多次被效能投诉，履行主体责任不力' },
  { who: 'head', form: 'organisationalAdjustment', leader: true, basis: 'text', reason: '重点项目征地拆迁工作长期滞后，对分管干部推诿扯皮问题不作为，负有领导责任' },
  { who: 'deputy', form: 'disciplinarySanction', leader: false, basis: 'case', reason: '违规插手小额工程发包，影响工程建设秩序' },
  { who: 'village', form: 'admonition', leader: false, basis: 'text', reason: '村级小额资金使用未执行“四议两公开”程序' },
  { who: 'deptHead', form: 'admonition', leader: false, basis: 'text', reason: '落实行政审批事项限时办结制度不力，群众反映强烈' },
  { who: 'secretary', form: 'notice', leader: true, basis: 'case', reason: '对所属村干部侵占惠农补贴资金问题监管缺失，负有领导责任' },
  { who: 'deputy', form: 'notice', leader: false, basis: 'text', reason: '治庸治懒专项检查中发现上班时间脱岗，影响为民服务' },
];
const organisations: Array<{ form: AccountabilityForm; village: boolean; reason: string }> = [
  { form: 'inspection', village: false, reason: '党风廉政建设责任制落实不到位，年度考核排名末位' },
  { form: 'notice', village: false, reason: '党务公开内容不全面、更新不及时，假公开、半公开问题突出' },
  { form: 'reorganisation', village: true, reason: '村党支部软弱涣散，集体“三资”管理混乱，班子成员多人违纪' },
];

export async function createDemoAccountability(db: Kysely<DB>, countyCode: string, opts: { today?: IsoDate; seed?: number } = {}): Promise<DemoAccountabilityResult> {
  await applyRoleGrants(db, accountabilityRoleGrants);
  const existing = await db.selectFrom('accountability_decisions').select(sql<number>`count(*)::int`.as('n')).where('county_code', '=', countyCode).executeTakeFirstOrThrow();
  if (existing.n > 0) return { decisions: 0 };
  const cdi = await db.selectFrom('units').select(['id', 'name']).where('county_code', '=', countyCode).where('kind', '=', 'cdi').executeTakeFirst();
  const county = await db.selectFrom('units').select(['id', 'name']).where('county_code', '=', countyCode).where('kind', '=', 'county').executeTakeFirst();
  if (!cdi || !county) return { decisions: 0 };
  const towns = await db.selectFrom('units').select(['id', 'code', 'name', 'path', 'county_code']).where('county_code', '=', countyCode).where('kind', 'in', [...TOWNSHIP_KINDS])
    .where('active', '=', true).orderBy('code').execute();
  const officials = await db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id')
    .select(['o.id', 'o.name', 'o.post', 'o.unit_id', 'u.kind', 'u.path', 'u.county_code']).where('o.county_code', '=', countyCode).where('o.active', '=', true)
    .orderBy('u.code').orderBy('o.name').execute();
  const cases = await db.selectFrom('cases').select('id').where('county_code', '=', countyCode).orderBy('opened_on').limit(5).execute();
  const findings = await db.selectFrom('campaign_findings').select('id').where('county_code', '=', countyCode).orderBy('found_on').limit(5).execute();
  const leader = (await db.selectFrom('users').select('id').where('username', '=', 'cdi').executeTakeFirst())?.id ?? null;
  const today = opts.today ?? todayInShanghai();
  const year = Number(today.slice(0, 4));
  const rand = seededRandom(opts.seed ?? Number(countyCode) + 71);
  const start = toDayNumber(`${year - 1}-02-01`);
  const span = Math.max(12, toDayNumber(today) - start);
  const short = county.name.slice(0, 1);
  const postMatch: Record<Plan['who'], (o: (typeof officials)[number]) => boolean> = {
    secretary: (o) => o.post === '党委书记', head: (o) => /^(镇长|乡长|办事处主任)$/.test(o.post ?? ''), deputy: (o) => /副镇长|党委副书记/.test(o.post ?? ''),
    deptHead: (o) => o.kind === 'department' && /主要负责人$/.test(o.post ?? ''), village: (o) => /村党总支书记/.test(o.post ?? ''),
  };
  const used = new Set<string>();
  let n = 0;
  await db.transaction().execute(async (trx) => {
    const add = async (row: { unitId: string; type: 'person' | 'organisation'; officialId: string | null; targetUnitId: string | null; name: string; post: string | null;
      township: string | null; form: AccountabilityForm; reason: string; leaderFlag: boolean; basis: Plan['basis'] }) => {
      // Spread over the span in order, so last year and this year both hold decisions.
      const decidedOn = fromDayNumber(start + Math.floor((span * (n + 0.5)) / 12) + Math.floor(rand() * 5) - 2);
      const basisCase = row.basis === 'case' ? cases[n % Math.max(1, cases.length)] : undefined;
      const basisFinding = row.basis === 'finding' ? findings[n % Math.max(1, findings.length)] : undefined;
      const kind = basisCase ? 'case' : basisFinding ? 'finding' : 'text';
      await trx.insertInto('accountability_decisions').values({
        county_code: countyCode, unit_id: row.unitId, target_type: row.type, official_id: row.officialId, target_unit_id: row.targetUnitId, target_name: row.name,
        target_post: row.post, township_code: row.township, form: row.form, reason: row.reason, basis_kind: kind, basis_case_id: basisCase?.id ?? null,
        basis_finding_id: basisFinding?.id ?? null, basis_text: kind === 'text' ? '县委督查室、县纪委监委联合督查通报' : null,
        decided_by_unit_id: row.form === 'organisationalAdjustment' || row.form === 'reorganisation' ? county.id : cdi.id, decided_on: decidedOn > today ? today : decidedOn,
        doc_no: `${short}纪${row.form === 'notice' ? '通' : '发'}〔${decidedOn.slice(0, 4)}〕${10 + n * 3}号`, leader_responsibility: row.leaderFlag, created_by: leader,
      }).execute();
      n++;
    };
    for (const [i, p] of persons.entries()) {
      // The planned post, else any township leader not yet taken (a county's staffing plan draws posts at random).
      const o = officials.find((x) => postMatch[p.who](x) && !used.has(x.id)) ?? officials.find((x) => !used.has(x.id) && x.post === '党委委员、纪委书记');
      if (!o) continue;
      used.add(o.id);
      await add({ unitId: o.unit_id, type: 'person', officialId: o.id, targetUnitId: null, name: o.name, post: o.post, township: await townshipOf(trx, o),
        form: p.form, reason: p.reason, leaderFlag: p.leader, basis: p.basis });
      if (i === 2 || i === 5) {
        const o2 = organisations[i === 2 ? 0 : 1];
        const t = towns[(i * 3) % towns.length];
        await add({ unitId: t.id, type: 'organisation', officialId: null, targetUnitId: t.id, name: `中共${t.name}委员会`, post: null, township: t.code,
          form: o2.form, reason: o2.reason, leaderFlag: false, basis: 'text' });
      }
    }
    const village = officials.find((x) => x.kind === 'village' && !used.has(x.id));
    if (village) {
      const v = await trx.selectFrom('units').select(['id', 'name']).where('id', '=', village.unit_id).executeTakeFirstOrThrow();
      await add({ unitId: v.id, type: 'organisation', officialId: null, targetUnitId: v.id, name: `${v.name}党支部`, post: null, township: await townshipOf(trx, village),
        form: organisations[2].form, reason: organisations[2].reason, leaderFlag: false, basis: 'text' });
    }
  });
  return { decisions: n };
}

export function printDemoAccountability(r: DemoAccountabilityResult): void {
  process.stdout.write(`问责演示数据 Demo accountability: ${r.decisions} decisions\n`);
}
