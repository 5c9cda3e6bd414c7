import { escapeLike } from '../../platform/db/like';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { scopeCondition } from '../../platform/scope/dataScope';
import type { ReportFilter } from './schema';
import './db';

/**
 * Typed SQL for reports. Every staff query goes through `scoped`, which applies the actor's data scope to
 * the handling unit. Identity columns are never selected here: only vault.ts reads them, on reveal.
 */
const listColumns = [
  'r.id', 'r.serial', 'r.channel', 'r.kind', 'r.category', 'r.efficiency_category as efficiencyCategory', 'r.sector', 'r.title', 'r.status',
  'r.township_code as townshipCode', 'r.village_code as villageCode', 'r.accused_name as accusedName', 'r.accused_unit as accusedUnit',
  'r.identified', 'r.unit_id as unitId', 'u.name as unitName', 'r.received_at as receivedAt', 'r.received_on as receivedOn',
  'r.route_due as routeDue', 'r.handle_due as handleDue', 'r.extended_due as extendedDue', 'r.repeat_of as repeatOf', 'r.matter_group as matterGroup',
] as const;

const detailColumns = [
  ...listColumns, 'r.content', 'r.accused_post as accusedPost', 'r.accused_official_id as accusedOfficialId', 'r.accused_rank as accusedRank',
  'r.accused_managed_by as accusedManagedBy', 'r.caller_consent as callerConsent', 'r.referral_doc_no as referralDocNo',
  'r.accept_notice_due as acceptNoticeDue', 'r.accept_notified_at as acceptNotifiedAt', 'r.accepted_on as acceptedOn', 'r.closed_on as closedOn',
  'r.result_notice_due as resultNoticeDue', 'r.result_notified_at as resultNotifiedAt', 'r.review_kind as reviewKind', 'r.review_due as reviewDue',
  'r.answer', 'r.result', 'r.satisfaction', 'r.county_code as countyCode', 'r.created_by as createdBy',
] as const;

export function scopedReports(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('reports as r').innerJoin('units as u', 'u.id', 'r.unit_id')
    .where(scopeCondition(actor, 'r.unit_id', 'r.created_by'));
}

function filtered(db: Kysely<DB>, actor: Actor, f: Omit<ReportFilter, 'page' | 'pageSize'>) {
  let q = scopedReports(db, actor);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('r.title', 'like', like), eb('r.serial', 'like', like), eb('r.accused_name', 'like', like)]));
  }
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  if (f.channel) q = q.where('r.channel', '=', f.channel);
  if (f.townshipCode) q = q.where('r.township_code', '=', f.townshipCode);
  if (f.identified !== undefined) q = q.where('r.identified', '=', f.identified);
  if (f.from) q = q.where('r.received_on', '>=', f.from);
  if (f.to) q = q.where('r.received_on', '<=', f.to);
  return q;
}

export type ReportDetailRow = NonNullable<Awaited<ReturnType<typeof reportRepository.findById>>>;

export const reportRepository = {
  async list(db: Kysely<DB>, actor: Actor, f: ReportFilter) {
    const [items, count] = await Promise.all([
      filtered(db, actor, f).select(listColumns).orderBy('r.received_at', 'desc').orderBy('r.id')
        .limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
      filtered(db, actor, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: count.n };
  },

  async findById(db: Kysely<DB>, actor: Actor, id: string) {
    return scopedReports(db, actor).select(detailColumns).where('r.id', '=', id).executeTakeFirst();
  },

  async events(db: Kysely<DB>, reportId: string) {
    return db.selectFrom('report_events as e').leftJoin('units as tu', 'tu.id', 'e.to_unit_id').leftJoin('users as cu', 'cu.id', 'e.created_by')
      .select(['e.id', 'e.type', 'e.from_unit_id as fromUnitId', 'e.to_unit_id as toUnitId', 'tu.name as toUnitName', 'e.due_date as dueDate',
        'e.confirmed_at as confirmedAt', 'e.note', 'e.detail', 'cu.display_name as by', 'e.created_at as at'])
      .where('e.report_id', '=', reportId).orderBy('e.created_at').orderBy('e.id').execute();
  },

  async messages(db: Kysely<DB>, reportId: string) {
    return db.selectFrom('report_messages').select(['id', 'author', 'body', 'created_at as at'])
      .where('report_id', '=', reportId).orderBy('created_at').orderBy('id').execute();
  },

  async attachments(db: Kysely<DB>, reportId: string) {
    return db.selectFrom('report_attachments').select(['id', 'file_name as fileName', 'media_type as mediaType', 'size_bytes as size', 'sha256'])
      .where('report_id', '=', reportId).orderBy('created_at').execute();
  },

  /** Earlier reports of the county that could be the same matter: same accused name, or recent ones for text comparison. */
  async repeatPool(db: Kysely<DB>, countyCode: string, excludeId: string | null, accusedName: string | null, since: string) {
    let q = db.selectFrom('reports').select(['id', 'title', 'content', 'accused_name as accusedName', 'accused_unit as accusedUnit'])
      .where('county_code', '=', countyCode)
      .where((eb) => eb.or([eb('received_on', '>=', since), ...(accusedName ? [eb('accused_name', '=', accusedName)] : [])]));
    if (excludeId) q = q.where('id', '!=', excludeId);
    return q.orderBy('received_at', 'desc').limit(1000).execute();
  },
};
