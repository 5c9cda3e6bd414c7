import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { todayInShanghai } from '../../platform/calendar/dates';
import type { Actor } from '../../platform/scope/actor';
import { caseView, findCase } from './caseAccess';
import type { StoredExtension } from './db';
import { dueOf, event, measureOf } from './measureService';
import { DETENTION_NOTICE_SOURCE, checkNoticeTime, checkSpecialExtension, violation } from './rules';
import { loadClock } from './ruleTableService';
import type { detentionNotice, measureSpecialExtension } from './schema';
import { auditActor, refuse } from './support';

/**
 * The two 留置 steps beyond the ordinary ones. 特别延长: once, after the ordinary extension, with the 国家监察委员会's
 * approval and the ≥10-year condition confirmed (监察法（2024） 第四十八条); the due day becomes the end of the
 * extended period + 2 months, without roll-over. 通知: the unit and the family are told within 24 hours of the
 * start (第五十条); until both are handled the 留置 shows in the deadline warnings, due at start + 24 h.
 */
export const detentionService = {
  async specialExtend(ctx: AppContext, actor: Actor, caseId: string, measureId: string, input: z.infer<typeof measureSpecialExtension>) {
    const clock = await loadClock(ctx.db, actor.countyCode);
    return ctx.db.transaction().execute(async (trx) => {
      await findCase(trx, actor, caseId);
      const m = await measureOf(trx, caseId, measureId);
      refuse(checkSpecialExtension({ kind: m.kind, startedOn: m.started_on, dueOn: m.due_on, endedOn: m.ended_on, extensions: m.extensions }, input.approvedOn));
      const grant: StoredExtension = { approvedOn: input.approvedOn, approvalRef: input.approvalRef, amount: 2, unit: 'months', special: true, tenYearSentencePossible: true };
      const extensions = [...m.extensions, grant];
      const due = dueOf(clock, m.kind, m.started_on, extensions);
      await trx.updateTable('case_measures').set({ extensions: JSON.stringify(extensions), due_on: due }).where('id', '=', measureId).execute();
      await event(trx, actor, caseId, 'measureSpeciallyExtended', input.approvedOn, 'detentionSpecialExtension', { measureId, approvalRef: input.approvalRef, due, previousDue: m.due_on });
      await ctx.audit.record(trx, auditActor(actor), {
        action: 'cases.measure.specialExtend', objectType: 'case', objectId: caseId, detail: { measureId, approvalRef: input.approvalRef, approvedOn: input.approvedOn, due, previousDue: m.due_on },
      });
      return caseView(trx, actor, caseId);
    });
  },

  /**
   * Records the notice to one party. A withheld notice stores its reason only: the reference (discipline-rules.md
   * §3.2) states the 24-hour duty without its exceptions, so the grounds for withholding (e.g. 有碍调查) are this
   * office's practice, recorded for the approval file rather than checked against an article. A later notice may
   * complete a withheld one; recording again replaces the earlier entry (the audit log keeps each).
   */
  async recordNotice(ctx: AppContext, actor: Actor, caseId: string, measureId: string, input: z.infer<typeof detentionNotice>) {
    return ctx.db.transaction().execute(async (trx) => {
      await findCase(trx, actor, caseId);
      const m = await measureOf(trx, caseId, measureId);
      if (m.kind !== 'detention' || !m.started_at) refuse([violation('cases.detention.notDetention', DETENTION_NOTICE_SOURCE, 'V')]);
      const startedAt = new Date(m.started_at!);
      const notifiedAt = input.notifiedAt ? new Date(input.notifiedAt) : null;
      if (notifiedAt) refuse(checkNoticeTime(startedAt, notifiedAt), 'body.notifiedAt');
      const existing = await trx.selectFrom('case_detention_notices').selectAll().where('measure_id', '=', measureId).where('party', '=', input.party).executeTakeFirst();
      const row = {
        notified_at: notifiedAt, method: notifiedAt ? input.noticeMethod! : null, note: input.note ?? null,
        // A notice given after a withholding keeps the recorded reason beside it.
        withheld_reason: input.withheldReason ?? (notifiedAt ? existing?.withheld_reason ?? null : null), recorded_by: actor.userId,
      };
      await trx.insertInto('case_detention_notices').values({ measure_id: measureId, party: input.party, ...row })
        .onConflict((oc) => oc.columns(['measure_id', 'party']).doUpdateSet({ ...row, recorded_at: new Date() })).execute();
      const detail = { measureId, party: input.party, notifiedAt: notifiedAt?.toISOString() ?? null, method: row.method, withheld: !notifiedAt };
      await event(trx, actor, caseId, notifiedAt ? 'detentionNotified' : 'detentionNoticeWithheld', todayInShanghai(notifiedAt ?? new Date()), 'detentionNotice', detail);
      await ctx.audit.record(trx, auditActor(actor), { action: 'cases.measure.notice', objectType: 'case', objectId: caseId, detail: { ...detail, withheldReason: row.withheld_reason } });
      return caseView(trx, actor, caseId);
    });
  },
};
