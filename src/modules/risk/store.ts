import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type * as O from './ocds/model';

/**
 * Writes normalised releases (ocds/model.ts) into the risk tables, one process per ocid. A release already
 * stored for the county under the same ocid is replaced (a later export of the same process supersedes the
 * earlier one); its hits survive with process_id cleared until the next screening run re-links them.
 * Bidder identity comes from the lead tenderer's party (contact point, address, legal representative,
 * identifier) and the bid's own fingerprint and bid security; loadReleases (repository.ts) rebuilds parties
 * from exactly these columns.
 */
export interface StoreTarget {
  countyCode: string;
  /** Unit the process belongs to when its buyer matches no unit of the county by name. */
  unitId: string;
  batchId: string | null;
  createdBy: string | null;
  /** Unit id by unit name (full or short) of the county, for mapping the buyer. */
  unitsByName: Map<string, string>;
  /** Company id by unified social credit code (companies of the county). */
  companiesByCredit: Map<string, string>;
}

export interface StoreCounts { processes: number; bids: number; awards: number; contracts: number; payments: number }

const money = (m: O.Money | null) => ({ value_amount: m?.amount ?? null, value_currency: m?.currency ?? null });
const json = (v: unknown) => JSON.stringify(v ?? []);

function addressText(a: O.Address | null): string | null {
  if (!a?.streetAddress) return null;
  return [a.region, a.locality, a.streetAddress].filter(Boolean).join('');
}

export async function loadStoreMaps(db: Kysely<DB>, countyCode: string): Promise<Pick<StoreTarget, 'unitsByName' | 'companiesByCredit'>> {
  const units = await db.selectFrom('units').select(['id', 'name', 'short_name']).where('county_code', '=', countyCode).where('active', '=', true).execute();
  const unitsByName = new Map<string, string>();
  for (const u of units) {
    unitsByName.set(u.name, u.id);
    if (u.short_name) unitsByName.set(u.short_name, u.id);
  }
  const companies = await db.selectFrom('companies').select(['id', 'credit_code']).where('county_code', '=', countyCode).execute();
  return { unitsByName, companiesByCredit: new Map(companies.map((c) => [c.credit_code, c.id])) };
}

export async function storeRelease(trx: Kysely<DB>, target: StoreTarget, r: O.Release, counts: StoreCounts): Promise<string> {
  await trx.deleteFrom('risk_processes').where('county_code', '=', target.countyCode).where('ocid', '=', r.ocid).execute();
  const t = r.tender;
  const buyerUnit = r.buyer?.name ? target.unitsByName.get(r.buyer.name.trim()) : undefined;
  const proc = await trx.insertInto('risk_processes').values({
    county_code: target.countyCode, unit_id: buyerUnit ?? target.unitId, batch_id: target.batchId, ocid: r.ocid, release_id: r.id, release_date: r.date,
    tags: r.tag, buyer_id: r.buyer?.id ?? null, buyer_name: r.buyer?.name ?? null,
    tender_id: t?.id ?? null, title: t?.title ?? null, status: t?.status ?? null, procurement_method: t?.procurementMethod ?? null,
    procurement_method_details: t?.procurementMethodDetails ?? null, main_category: t?.mainProcurementCategory ?? null, award_criteria: t?.awardCriteria ?? null,
    value_amount: t?.value?.amount ?? null, value_currency: t?.value?.currency ?? null,
    period_start: t?.tenderPeriod?.startDate ?? null, period_end: t?.tenderPeriod?.endDate ?? null, number_of_tenderers: t?.numberOfTenderers ?? null,
    tenderers: json(t?.tenderers), procuring_entity_id: t?.procuringEntity?.id ?? null, procuring_entity_name: t?.procuringEntity?.name ?? null,
    items: json(t?.items), created_by: target.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  const pid = proc.id;
  counts.processes += 1;
  if (t?.lots.length) {
    await trx.insertInto('risk_lots').values(t.lots.map((l, seq) => ({ process_id: pid, seq, lot_id: l.id, title: l.title, status: l.status, ...money(l.value) }))).execute();
  }
  if (t?.evaluationCommittee.length) {
    await trx.insertInto('risk_panel_experts').values(t.evaluationCommittee.map((e, seq) => ({
      process_id: pid, seq, expert_id: e.expertId, employer_id: e.employerId, title: e.title, age: e.age, drawn_at: e.drawnAt,
    }))).execute();
  }
  const parties = new Map(r.parties.filter((p) => p.id).map((p) => [p.id!, p]));
  for (const [seq, b] of r.bids.entries()) {
    const lead = b.tenderers[0]?.id ? parties.get(b.tenderers[0].id) : undefined;
    const credit = lead?.identifierId ?? null;
    const f = b.fingerprint;
    const row = await trx.insertInto('risk_bids').values({
      process_id: pid, seq, bid_id: b.id, status: b.status, bid_date: b.date, ...money(b.value),
      tenderer_ids: b.tenderers.map((o) => o.id ?? ''), tenderer_names: b.tenderers.map((o) => o.name ?? ''), related_lots: b.relatedLots,
      credit_code: credit, company_id: credit ? target.companiesByCredit.get(credit) ?? null : null,
      contact_person: lead?.contactPoint?.name ?? null, phone: lead?.contactPoint?.telephone ?? null, email: lead?.contactPoint?.email ?? null,
      address: addressText(lead?.address ?? null), legal_representative: lead?.legalRepresentative ?? null, project_manager: b.projectManager,
      bond_account: b.bidSecurity?.payerAccount ?? null, bond_payer_name: b.bidSecurity?.payerName ?? null, bond_paid_at: b.bidSecurity?.paidAt ?? null,
      ip: f?.ip ?? null, mac: f?.mac ?? null, ca_serial: f?.caSerial ?? null, ca_issued_at: f?.caIssuedAt ?? null, machine_code: f?.machineCode ?? null,
      uploaded_at: f?.uploadedAt ?? null, document_hash: f?.documentHash ?? null, document_author: f?.documentAuthor ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    if (b.evaluations.length) {
      await trx.insertInto('risk_expert_scores').values(b.evaluations.map((e, i) => ({ bid_row_id: row.id, seq: i, expert_id: e.expertId, score: e.score }))).execute();
    }
    counts.bids += 1;
  }
  if (r.awards.length) {
    await trx.insertInto('risk_awards').values(r.awards.map((a, seq) => ({
      process_id: pid, seq, award_id: a.id, status: a.status, award_date: a.date, ...money(a.value),
      supplier_ids: a.suppliers.map((o) => o.id ?? ''), supplier_names: a.suppliers.map((o) => o.name ?? ''), related_lots: a.relatedLots,
      related_bid: a.relatedBid, items: json(a.items),
    }))).execute();
    counts.awards += r.awards.length;
  }
  for (const [seq, c] of r.contracts.entries()) {
    const row = await trx.insertInto('risk_contracts').values({
      process_id: pid, seq, contract_id: c.id, award_ref: c.awardID, status: c.status, date_signed: c.dateSigned, ...money(c.value),
      period_start: c.period?.startDate ?? null, period_end: c.period?.endDate ?? null, items: json(c.items),
    }).returning('id').executeTakeFirstOrThrow();
    counts.contracts += 1;
    if (c.amendments.length) {
      await trx.insertInto('risk_amendments').values(c.amendments.map((a, i) => ({
        contract_row_id: row.id, seq: i, amendment_id: a.id, amend_date: a.date, description: a.description, rationale: a.rationale, ...money(a.value),
      }))).execute();
    }
    if (c.payments.length) {
      await trx.insertInto('risk_payments').values(c.payments.map((p, i) => ({
        contract_row_id: row.id, seq: i, payment_id: p.id, pay_date: p.date, ...money(p.value), payer_id: p.payer?.id ?? null, payer_name: p.payer?.name ?? null,
        payee_id: p.payee?.id ?? null, payee_name: p.payee?.name ?? null, kind: p.kind,
      }))).execute();
      counts.payments += c.payments.length;
    }
    if (c.milestones.length) {
      await trx.insertInto('risk_milestones').values(c.milestones.map((m, i) => ({
        contract_row_id: row.id, seq: i, milestone_id: m.id, title: m.title, type: m.type, status: m.status, due_date: m.dueDate, date_met: m.dateMet,
        description: m.description, progress: m.progress,
      }))).execute();
    }
  }
  return pid;
}
