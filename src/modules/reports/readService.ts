import fs from 'node:fs/promises';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import { addCalendarDays, todayInShanghai } from '../../platform/calendar';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import { storedPath } from './attachments';
import { openDeadlines } from './deadlines';
import { auditActor } from './intakeService';
import { rankCandidates } from './repeats';
import { onReport } from './reportAccess';
import { reportRepository, scopedReports } from './reportRepository';
import { maskedName, openIdentity } from './vault';

/**
 * What the clue and case handling recorded for this report (disposal, conclusion, case opened or ended, with a
 * sentence the real-name reporter may be told), read from the view report_clue_outcomes that the cases module
 * provides. Plain SQL on the view and a check that it exists keep the two modules independent of each other.
 */
async function clueOutcomesOf(db: Kysely<DB>, reportId: string, countyCode: string) {
  const view = await sql<{ ok: boolean }>`select to_regclass('report_clue_outcomes') is not null as ok`.execute(db);
  if (!view.rows[0]?.ok) return [];
  const rows = await sql<{ clueSerial: string; outcome: string | null; outcomeOn: string | null; outcomeText: string | null }>`
    select clue_serial as "clueSerial", outcome, outcome_on::text as "outcomeOn", outcome_text as "outcomeText"
    from report_clue_outcomes where report_id = ${reportId} and county_code = ${countyCode} order by outcome_on nulls first, clue_serial`.execute(db);
  return rows.rows;
}

/** Reading reports: detail (audited, identity masked), repeat candidates and links, reveal, attachments. */
export const readService = {
  async detail(ctx: AppContext, actor: Actor, id: string) {
    return ctx.db.transaction().execute(async (trx) => {
      const r = await reportRepository.findById(trx, actor, id);
      if (!r) throw AppError.notFound('what.report');
      const [events, messages, attachments, deadlineRow] = await Promise.all([
        reportRepository.events(trx, id), reportRepository.messages(trx, id), reportRepository.attachments(trx, id),
        trx.selectFrom('reports').select(['status', 'identified', 'route_due', 'accept_notice_due', 'accept_notified_at', 'handle_due', 'extended_due',
          'closed_on', 'result_notice_due', 'result_notified_at', 'review_due']).where('id', '=', id).executeTakeFirstOrThrow(),
      ]);
      const groupSize = await trx.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).where('matter_group', '=', r.matterGroup).executeTakeFirstOrThrow();
      // Reading a report is reading reporter material: audited like every sensitive read.
      await ctx.audit.record(trx, auditActor(actor), { action: 'reports.report.read', objectType: 'report', objectId: id });
      const clueOutcomes = await clueOutcomesOf(trx, id, r.countyCode);
      return { ...r, reporter: maskedName(r.identified), openDeadlines: openDeadlines(deadlineRow), matterGroupSize: Number(groupSize.n), events, messages, attachments, clueOutcomes };
    });
  },

  /** Earlier reports that may be the same matter or accused; only those the actor may see are listed. */
  async repeatCandidates(ctx: AppContext, actor: Actor, id: string) {
    const r = await reportRepository.findById(ctx.db, actor, id);
    if (!r) throw AppError.notFound('what.report');
    return candidatesFor(ctx, actor, { id, countyCode: r.countyCode, title: r.title, content: r.content, accusedName: r.accusedName, accusedUnit: r.accusedUnit });
  },

  /** Link as a repeat: it joins the earlier report's matter group (件次 counts both; 件 counts the group once). */
  linkRepeat: (ctx: AppContext, actor: Actor, id: string, repeatOf: string) =>
    onReport(ctx, actor, id, 'reports.report.linkRepeat', async (u) => {
      if (repeatOf === id) throw AppError.field('body.repeatOf', 'field.invalid');
      const target = await scopedReports(u.trx, actor).select(['r.id', 'r.matter_group', 'r.county_code']).where('r.id', '=', repeatOf).executeTakeFirst();
      if (!target || target.county_code !== u.report.county_code) throw AppError.field('body.repeatOf', 'field.invalid');
      const oldGroup = u.report.matter_group;
      await u.update({ repeat_of: target.id, matter_group: target.matter_group });
      // Reports already linked to this one move with it, so a group never splits.
      await u.trx.updateTable('reports').set({ matter_group: target.matter_group }).where('matter_group', '=', oldGroup).execute();
      await u.event('repeatLinked', { detail: { repeatOf: target.id } });
      return { result: { matterGroup: target.matter_group }, audit: { repeatOf: target.id } };
    }),

  /** Reveal the reporter's identity: needs reports.identity.reveal and a written reason; audited with the reason. */
  reveal: (ctx: AppContext, actor: Actor, id: string, reason: string) =>
    onReport(ctx, actor, id, 'reports.identity.reveal', async (u) => {
      const r = u.report;
      if (!r.identity_cipher || !r.data_key_wrapped || !r.key_id) throw AppError.field('params.id', 'field.anonymousReport');
      const identity = openIdentity(ctx.config, r.id, { identity_cipher: r.identity_cipher, data_key_wrapped: r.data_key_wrapped, key_id: r.key_id });
      await u.event('identityRevealed', { detail: { by: actor.username } });
      return { result: identity, audit: { reason } };
    }),

  async attachment(ctx: AppContext, actor: Actor, id: string, attachmentId: string) {
    return ctx.db.transaction().execute(async (trx) => {
      const a = await trx.selectFrom('report_attachments as a').innerJoin('reports as r', 'r.id', 'a.report_id')
        .select(['a.file_name', 'a.media_type', 'a.stored_path', 'a.sha256']).where('a.id', '=', attachmentId).where('a.report_id', '=', id)
        .where(scopeCondition(actor, 'r.unit_id', 'r.created_by')).executeTakeFirst();
      if (!a) throw AppError.notFound('what.attachment');
      const body = await fs.readFile(storedPath(ctx.config, a.stored_path));
      await ctx.audit.record(trx, auditActor(actor), { action: 'reports.attachment.download', objectType: 'report', objectId: id, detail: { attachmentId, sha256: a.sha256 } });
      return { fileName: a.file_name, mediaType: a.media_type, body };
    });
  },
};

export async function candidatesFor(ctx: AppContext, actor: Actor, t: { id: string | null; countyCode: string; title: string; content: string; accusedName: string | null; accusedUnit: string | null }) {
  const since = addCalendarDays(todayInShanghai(), -730);
  const pool = await reportRepository.repeatPool(ctx.db, t.countyCode, t.id, t.accusedName, since);
  const ranked = rankCandidates(t, pool);
  if (ranked.length === 0) return { items: [] };
  const visible = await scopedReports(ctx.db, actor).select(['r.id', 'r.serial', 'r.title', 'r.status', 'r.received_on as receivedOn', 'r.accused_name as accusedName', 'u.name as unitName'])
    .where('r.id', 'in', ranked.map((c) => c.id)).execute();
  const byId = new Map(visible.map((v) => [v.id, v]));
  return { items: ranked.filter((c) => byId.has(c.id)).map((c) => ({ ...byId.get(c.id)!, score: c.score, reasons: c.reasons })) };
}
