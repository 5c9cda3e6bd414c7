import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { addCalendarDays, todayInShanghai, type IsoDate } from '../../platform/calendar/dates';
import type { DB } from '../../platform/db/schema';
import { seededRandom } from '../../platform/identifiers/normalize';
import { applyRoleGrants } from '../org/builtinRoles';
import { secretaryCondition, TOWNSHIP_KINDS } from './access';
import { ratings, type Rating } from './db';
import { completionNotes, demoTasks, reportSummaries } from './demoText';
import { dutyRoleGrants } from './permissions';

/**
 * The demo county's responsibility system for this year: ~20 task rows across townships and departments (most done,
 * some overdue), the first- and third-quarter 形势分析会 at which three or four township secretaries reported, and
 * an appraisal (评议) of every township secretary at the third-quarter meeting by eight of the demo county's users,
 * closed. Invented texts, deterministic for a county and date; skipped when the county already has duty data.
 */
export interface DemoDutyResult { tasks: number; meetings: number; reports: number; ratings: number }

export async function createDemoDuty(db: Kysely<DB>, countyCode: string, opts: { today?: IsoDate; seed?: number } = {}): Promise<DemoDutyResult> {
  await applyRoleGrants(db, dutyRoleGrants);
  const none = { tasks: 0, meetings: 0, reports: 0, ratings: 0 };
  const existing = await db.selectFrom('duty_tasks').select(sql<number>`count(*)::int`.as('n')).where('county_code', '=', countyCode).executeTakeFirstOrThrow();
  if (existing.n > 0) return none;
  const cdi = await db.selectFrom('units').select('id').where('county_code', '=', countyCode).where('kind', '=', 'cdi').executeTakeFirst();
  const towns = await db.selectFrom('units').select(['id', 'code']).where('county_code', '=', countyCode).where('kind', 'in', [...TOWNSHIP_KINDS])
    .where('active', '=', true).orderBy('code').execute();
  const depts = await db.selectFrom('units').select(['id', 'code']).where('county_code', '=', countyCode).where('kind', '=', 'department')
    .where('active', '=', true).orderBy('code').limit(6).execute();
  const secretaries = await db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id').select(['o.id', 'o.name', 'o.post', 'o.unit_id'])
    .where('o.county_code', '=', countyCode).where('o.active', '=', true).where('u.kind', 'in', [...TOWNSHIP_KINDS]).where(secretaryCondition('o.post'))
    .orderBy('u.code').execute();
  if (!cdi || towns.length === 0 || depts.length === 0 || secretaries.length < 4) return none;
  const leader = await db.selectFrom('users').select('id').where('username', '=', 'cdi').executeTakeFirst();
  // Appraisers: the county's own accounts (leader, intake, case officers) and five township committees.
  const appraisers = (await db.selectFrom('users').innerJoin('units as u', 'u.id', 'users.unit_id').select(['users.id', 'users.username'])
    .where('u.county_code', '=', countyCode).where('users.username', 'not in', ['admin', 'auditor']).orderBy('users.username').execute())
    .sort((a, b) => Number(/^t\d/.test(a.username)) - Number(/^t\d/.test(b.username))).slice(0, 8);
  const today = opts.today ?? todayInShanghai();
  const rand = seededRandom(opts.seed ?? Number(countyCode) + 47);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const year = Number(today.slice(0, 4));
  const assignedOn = `${year}-02-20` < today ? `${year}-02-20` : today;
  const out = { ...none };

  await db.transaction().execute(async (trx) => {
    let t = 0;
    let d = 0;
    for (const [i, task] of demoTasks.entries()) {
      const batch = crypto.randomUUID();
      // Deadlines spread from spring to the year's end; the rows of a task share it.
      const deadline = `${year}-${String(3 + Math.floor((i * 9) / demoTasks.length) + 1).padStart(2, '0')}-${i % 2 ? '15' : '30'}`;
      for (const kind of task.units) {
        const unit = kind === 'township' ? towns[t++ % towns.length] : depts[d++ % depts.length];
        const due = deadline < assignedOn ? assignedOn : deadline;
        // Past its deadline a task is nearly always done (one in six left overdue); ahead of it about half are.
        const done = due < today ? rand() > 0.17 : rand() < 0.45;
        const completedOn = done ? [addCalendarDays(due, -between(0, 40)), today].sort()[0] : null;
        await trx.insertInto('duty_tasks').values({
          county_code: countyCode, unit_id: unit.id, batch_id: batch, year, title: task.title, content: task.content, lead_leader: task.leader,
          assigned_on: assignedOn, deadline: due, status: done ? 'done' : 'pending', completion_note: done ? completionNotes[between(0, completionNotes.length - 1)] : null,
          completed_on: completedOn && completedOn < assignedOn ? assignedOn : completedOn, created_by: leader?.id ?? null,
        }).execute();
        out.tasks++;
      }
    }

    const meetings = [
      { name: '第一季度党风廉政建设和反腐败工作形势分析会', on: `${year}-04-16`, quarter: `${year}Q1`, who: secretaries.slice(0, 3) },
      { name: '第三季度党风廉政建设和反腐败工作形势分析会', on: `${year}-10-15`, quarter: `${year}Q3`, who: secretaries.slice(3, 7) },
    ].filter((m) => m.on <= today);
    let lastMeeting: { id: string; on: string } | null = null;
    for (const m of meetings) {
      const row = await trx.insertInto('duty_meetings').values({ county_code: countyCode, unit_id: cdi.id, name: m.name, held_on: m.on, reviewed_quarter: m.quarter, created_by: leader?.id ?? null })
        .returning('id').executeTakeFirstOrThrow();
      out.meetings++;
      for (const [k, s] of m.who.entries()) {
        await trx.insertInto('duty_reports').values({
          county_code: countyCode, unit_id: s.unit_id, meeting_id: row.id, official_id: s.id, official_name: s.name, official_post: s.post,
          summary: reportSummaries[(k + out.meetings) % reportSummaries.length].replace('{n}', String(between(3, 40))), created_by: leader?.id ?? null,
        }).execute();
        out.reports++;
      }
      lastMeeting = { id: row.id, on: m.on };
    }
    if (!lastMeeting || appraisers.length === 0) return;

    const round = await trx.insertInto('duty_appraisal_rounds').values({
      county_code: countyCode, unit_id: cdi.id, meeting_id: lastMeeting.id, name: `${year}年度乡镇党委书记履行“一岗双责”情况评议`, held_on: lastMeeting.on,
      status: 'closed', closed_at: new Date(`${lastMeeting.on}T10:00:00Z`), closed_by: leader?.id ?? null, created_by: leader?.id ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    const subjects = await trx.insertInto('duty_appraisal_subjects').values(secretaries.map((s) => ({
      county_code: countyCode, unit_id: s.unit_id, round_id: round.id, official_id: s.id, official_name: s.name, official_post: s.post,
    }))).returning(['id', 'unit_id']).execute();
    // Most ratings 好 or 较好; each secretary leans a little differently so the ranking reads.
    const grade = (lean: number): Rating => { const x = rand() + lean; return x < 0.55 ? 'good' : x < 0.85 ? 'fairlyGood' : x < 0.97 ? 'average' : ratings[3]; };
    const rows = subjects.flatMap((s, i) => {
      const lean = ((i * 7) % subjects.length) / subjects.length / 3;
      return appraisers.map((a) => ({ county_code: countyCode, unit_id: s.unit_id, round_id: round.id, subject_id: s.id, appraiser_id: a.id, rating: grade(lean) }));
    });
    await trx.insertInto('duty_appraisals').values(rows).execute();
    out.ratings = rows.length;
  });
  return out;
}

export function printDemoDuty(r: DemoDutyResult): void {
  process.stdout.write(`责任制演示数据 Demo duty: ${r.tasks} tasks, ${r.meetings} meetings, ${r.reports} reports, ${r.ratings} ratings\n`);
}
