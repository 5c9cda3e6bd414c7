import { sql } from 'kysely';
import { addCalendarDays, todayInShanghai } from '../../platform/calendar/dates';
import { scopeCondition } from '../../platform/scope/dataScope';
import { areaCondition, type MetricDefinition, type MetricQuery, type MetricValue } from '../analysis/registry';
import { tallyRecords } from '../analysis/tally';

/**
 * The responsibility-system figures. The speech: 县委听取X名乡镇党委书记履行"一岗双责"情况汇报，并对乡镇党委书记进行评议.
 * Secretaries are counted once each (a secretary heard at two meetings of the period is one 名); the ids are one
 * record per secretary (the latest in the period), so every id opens one secretary. Township keys are unit codes.
 */
interface Item { id: string; township: string | null }
const byTownship = (items: Item[]) => tallyRecords(items, { township: (i) => i.township });


/** The day a meeting's reports count on: the first day of the quarter it analyses, else the day it was held. */
const countsOn = sql<string>`coalesce(make_date(left(m.reviewed_quarter, 4)::int, (right(m.reviewed_quarter, 1)::int - 1) * 3 + 1, 1), m.held_on)`;

async function reportsHeard({ db, actor, countyCode, period }: MetricQuery): Promise<MetricValue> {
  const rows = await db.selectFrom('duty_reports as r').innerJoin('duty_meetings as m', 'm.id', 'r.meeting_id').innerJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.official_id', 'u.code as township'])
    .where(areaCondition(countyCode, 'r.county_code')).where(countsOn, '>=', period.from).where(countsOn, '<', period.to)
    .where(scopeCondition(actor, 'r.unit_id')).orderBy('r.official_id').orderBy('m.held_on', 'desc').orderBy('r.id').execute();
  const seen = new Set<string>();
  return byTownship(rows.filter((r) => !seen.has(r.official_id) && seen.add(r.official_id)).map((r) => ({ id: r.id, township: r.township })));
}

async function appraised({ db, actor, countyCode, period }: MetricQuery): Promise<MetricValue> {
  const rows = await db.selectFrom('duty_appraisal_subjects as s').innerJoin('duty_appraisal_rounds as ar', 'ar.id', 's.round_id').innerJoin('units as u', 'u.id', 's.unit_id')
    .select(['s.id', 's.official_id', 'u.code as township'])
    .where(areaCondition(countyCode, 's.county_code')).where('ar.held_on', '>=', period.from).where('ar.held_on', '<', period.to)
    .where(sql<boolean>`exists (select 1 from duty_appraisals a where a.subject_id = s.id)`)
    .where(scopeCondition(actor, 's.unit_id')).orderBy('s.official_id').orderBy('ar.held_on', 'desc').orderBy('s.id').execute();
  const seen = new Set<string>();
  return byTownship(rows.filter((r) => !seen.has(r.official_id) && seen.add(r.official_id)).map((r) => ({ id: r.id, township: r.township })));
}

/**
 * Overdue at the period's end: assigned by then, deadline passed, not completed by then. For a period still running
 * the end is today, read as the task list reads it (deadline before today, not done).
 */
async function tasksOverdue({ db, actor, countyCode, period }: MetricQuery): Promise<MetricValue> {
  const today = todayInShanghai();
  const deadlineBefore = period.to < today ? period.to : today;
  const doneBefore = period.to <= today ? period.to : addCalendarDays(today, 1);
  const rows = await db.selectFrom('duty_tasks as t').innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.id', sql<string | null>`(select tu.code from units tu where tu.county_code = u.county_code and tu.kind in ('town','township','subdistrict','townshipOther')
      and u.path like tu.path || '%' order by tu.depth limit 1)`.as('township')])
    .where(areaCondition(countyCode, 't.county_code')).where('t.assigned_on', '<', doneBefore).where('t.deadline', '<', deadlineBefore)
    .where((eb) => eb.or([eb('t.completed_on', 'is', null), eb('t.completed_on', '>=', doneBefore)]))
    .where(scopeCondition(actor, 't.unit_id')).orderBy('t.deadline').orderBy('t.id').execute();
  return byTownship(rows);
}

const common = { module: 'duty', unit: '名' as const, dimensions: ['township'] };

export const dutyMetrics: MetricDefinition[] = [
  {
    ...common, key: 'duty.secretaryReportsHeard', labelZh: '听取乡镇党委书记汇报', labelEn: 'Township secretaries heard', recordType: 'dutyReport',
    definitionZh: '所分析季度在统计期内的会议（未填所分析季度的按会议日期）上，汇报履行“一岗双责”情况的乡镇（街道）党委书记人数；第一季度形势分析会即使在4月召开，也计入第一季度。同一书记在期内多次汇报只计1名（记录取其最近一次汇报）。按乡镇分列。',
    definitionEn: 'Township party secretaries who reported on their dual responsibility at meetings analysing a quarter in the period (meetings without one count by the day held): the first-quarter meeting counts in the first quarter even when held in April. A secretary heard more than once counts once (the record is the latest report). By township.',
    compute: reportsHeard,
    describe: async ({ db, actor }, ids) => {
      if (!ids.length) return [];
      const rows = await db.selectFrom('duty_reports as r').innerJoin('duty_meetings as m', 'm.id', 'r.meeting_id').innerJoin('units as u', 'u.id', 'r.unit_id')
        .select(['r.id', 'r.official_name', 'r.official_post', 'u.name as township', 'm.id as meetingId', 'm.name as meeting', 'm.held_on'])
        .where('r.id', 'in', ids).where(scopeCondition(actor, 'r.unit_id')).execute();
      return rows.map((r) => ({ id: r.id, title: `${r.township}${r.official_post ?? ''} ${r.official_name}`, subtitle: r.meeting, at: r.held_on, link: `/duty/meetings/${r.meetingId}` }));
    },
  },
  {
    ...common, key: 'duty.appraised', labelZh: '评议乡镇党委书记', labelEn: 'Township secretaries appraised', recordType: 'dutyAppraisalSubject',
    definitionZh: '评议日期在统计期内的评议中，至少得到1份评议结果的乡镇（街道）党委书记人数；同一书记在期内多次被评议只计1名。按乡镇分列。',
    definitionEn: 'Township party secretaries who received at least one rating in appraisal rounds held in the period; each counted once. By township.',
    compute: appraised,
    describe: async ({ db, actor }, ids) => {
      if (!ids.length) return [];
      const rows = await db.selectFrom('duty_appraisal_subjects as s').innerJoin('duty_appraisal_rounds as ar', 'ar.id', 's.round_id').innerJoin('units as u', 'u.id', 's.unit_id')
        .select(['s.id', 's.official_name', 'u.name as township', 'ar.id as roundId', 'ar.name as round', 'ar.held_on'])
        .where('s.id', 'in', ids).where(scopeCondition(actor, 's.unit_id')).execute();
      return rows.map((r) => ({ id: r.id, title: `${r.township} ${r.official_name}`, subtitle: r.round, at: r.held_on, link: `/duty/rounds/${r.roundId}` }));
    },
  },
  {
    ...common, unit: '个', key: 'duty.tasks.overdue', labelZh: '责任分解任务逾期未完成', labelEn: 'Duty tasks overdue', recordType: 'dutyTask',
    definitionZh: '截至统计期末（期末在今天之后的，截至今天）已下达、完成时限已过而尚未办结的责任分解任务个数（每个责任单位一项）；不限下达年度。按责任单位所在乡镇分列，县直单位单列。',
    definitionEn: 'Duty tasks (one per responsible unit) assigned, past their deadline and not completed at the period end (today, for a period still running), of any year. By the township of the responsible unit; county-level units apart.',
    compute: tasksOverdue,
    describe: async ({ db, actor }, ids) => {
      if (!ids.length) return [];
      const rows = await db.selectFrom('duty_tasks as t').innerJoin('units as u', 'u.id', 't.unit_id').select(['t.id', 't.title', 't.year', 'u.name as unit', 'u.id as unitId', 't.deadline'])
        .where('t.id', 'in', ids).where(scopeCondition(actor, 't.unit_id')).execute();
      return rows.map((r) => ({ id: r.id, title: r.title, subtitle: `${r.unit}（完成时限 ${r.deadline}）`, at: r.deadline, link: `/duty/tasks?year=${r.year}&unitId=${r.unitId}` }));
    },
  },
];
