import { sql, type Kysely } from 'kysely';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { adminSanctionInfo, partySanctionInfo, type AdminSanctionKind, type PartySanctionKind } from './rules';
import { auditActor } from './support';

export type Conclusion = 'restricted' | 'pending' | 'clear';

export function sanctionLabel(track: string | null, kind: string | null): string {
  if (track === 'party') return partySanctionInfo[kind as PartySanctionKind]?.labelZh ?? String(kind);
  if (track === 'admin') return adminSanctionInfo[kind as AdminSanctionKind]?.labelZh ?? String(kind);
  return String(kind ?? '');
}

/** Reports about the official, if the reports module's table exists in this database (either module may land first). */
async function reportsAbout(db: Kysely<DB>, officialId: string, countyCode: string) {
  const exists = await sql<{ t: string | null }>`select to_regclass('public.reports')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return { available: false, items: [] as Array<{ id: string; serial: string; title: string; received_on: string; status: string }> };
  const rows = await sql<{ id: string; serial: string; title: string; received_on: string; status: string }>`
    select id, serial, title, received_on::text as received_on, status from reports where accused_official_id = ${officialId} and county_code = ${countyCode} order by received_on desc`.execute(db);
  return { available: true, items: rows.rows };
}

/** The integrity record (廉政档案) of one official in the caller's data scope, with a conclusion for an opinion. */
export async function integrityRecord(db: Kysely<DB>, actor: Actor, officialId: string, on = todayInShanghai()) {
  const official = await db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id')
    .select(['o.id', 'o.county_code', 'o.name', 'o.gender', 'o.post', 'o.rank', 'o.party_member', 'u.name as unitName'])
    .where('o.id', '=', officialId).where(scopeCondition(actor, 'o.unit_id', 'o.created_by')).executeTakeFirst();
  if (!official) throw AppError.notFound('what.official');
  const clues = await db.selectFrom('clue_accused as a').innerJoin('clues as c', 'c.id', 'a.clue_id')
    .select(['c.id', 'c.serial', 'c.title', 'c.received_on', 'c.disposal', 'c.disposal_on', 'c.outcome', 'c.outcome_measure', 'c.outcome_on'])
    .where('a.official_id', '=', officialId).orderBy('c.received_on', 'desc').execute();
  const cases = await db.selectFrom('case_subjects as s').innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['c.id', 'c.doc_no', 'c.title', 'c.opened_on', 'c.stage', 'c.closed_on', 's.rank_at_time'])
    .where('s.official_id', '=', officialId).orderBy('c.opened_on', 'desc').execute();
  const outcomes = await db.selectFrom('case_outcomes as o').innerJoin('cases as c', 'c.id', 'o.case_id')
    .select(['o.id', 'o.case_id', 'c.doc_no', 'o.type', 'o.track', 'o.kind', 'o.decided_on', 'o.effect_until', 'o.permanent', 'o.superseded_by', 'o.revoked_on'])
    .where('o.official_id', '=', officialId).orderBy('o.decided_on', 'desc').execute();
  const dispositions = outcomes.map((o) => ({
    ...o, label: o.type === 'sanction' ? sanctionLabel(o.track, o.kind) : o.type,
    // A sanction changed or revoked on 复审/复核 stays in the record as history but no longer restricts.
    active: o.type === 'sanction' && !o.superseded_by && !(o.revoked_on && o.revoked_on <= on) && (o.permanent || (o.effect_until !== null && o.effect_until >= on)),
  }));
  const reports = await reportsAbout(db, officialId, official.county_code);
  const activeSanctions = dispositions.filter((d) => d.active);
  const openClues = clues.filter((c) => !c.outcome);
  const openCases = cases.filter((c) => c.stage !== 'closed');
  const conclusion: Conclusion = activeSanctions.length ? 'restricted' : openClues.length || openCases.length ? 'pending' : 'clear';
  return { official, on, clues, cases, dispositions, activeSanctions, reports, openClues: openClues.length, openCases: openCases.length, conclusion };
}

export type IntegrityRecord = Awaited<ReturnType<typeof integrityRecord>>;

export async function readIntegrity(ctx: AppContext, actor: Actor, officialId: string, action: 'cases.integrity.read' | 'cases.integrity.export', detail?: Record<string, unknown>) {
  const record = await integrityRecord(ctx.db, actor, officialId);
  await ctx.audit.record(ctx.db, auditActor(actor), { action, objectType: 'official', objectId: officialId, detail: { conclusion: record.conclusion, ...detail } });
  return record;
}

/** The opinion's conclusion in the words an office uses (中文 only: the document is Chinese). */
export function conclusionText(r: IntegrityRecord): string {
  if (r.conclusion === 'restricted') {
    const parts = r.activeSanctions.map((s) => `${s.decided_on}受到${s.label}处分（${s.permanent ? '无影响期限' : `影响期至${s.effect_until}`}）`);
    return `经查，${r.official.name}同志${parts.join('；')}，目前仍在处分影响期内。根据有关规定，影响期内不得提拔或者进一步使用，对其拟提拔（进一步使用）事项有不同意见。`;
  }
  if (r.conclusion === 'pending') {
    return `经查，反映${r.official.name}同志的问题线索或案件尚未办结（问题线索${r.openClues}件、案件${r.openCases}件），暂不能作出结论，建议暂缓提拔或者进一步使用，待办结后再行回复。`;
  }
  return `经查，截至${r.on}，本机关未发现${r.official.name}同志有违反党纪政务需要处理的问题，现有问题线索均已了结，对其无不同意见。`;
}
