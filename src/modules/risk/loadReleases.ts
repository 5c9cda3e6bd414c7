import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';
import type * as O from './ocds/model';

/**
 * Rebuilds the normalised model (ocds/model.ts) from the risk tables, so the Cardinal indicators, screens and
 * signals run on stored data exactly as on a file. Parties are rebuilt from the buyer and from each bid's lead
 * tenderer identity columns (what store.ts took from them); everything else maps column for column.
 * Callers pass the county; data scope is not applied here because screening judges the whole county's market
 * (a township's tenders are compared with the county's), and what a user sees of the hits is scoped on read.
 */
export interface StoredRelease { processId: string; unitId: string; release: O.Release }

const money = (amount: number | null, currency: string | null): O.Money | null => (amount === null && currency === null ? null : { amount, currency });
const byKey = <T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> => {
  const m = new Map<K, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
};
const orgs = (ids: string[], names: string[]): O.OrgRef[] => ids.map((id, i) => ({ id: id || null, name: names[i] || null }));

export async function loadReleases(db: Kysely<DB>, countyCode: string, processIds?: string[]): Promise<StoredRelease[]> {
  if (processIds && processIds.length === 0) return [];
  let pq = db.selectFrom('risk_processes').selectAll().where('county_code', '=', countyCode);
  if (processIds) pq = pq.where('id', 'in', processIds);
  const procs = await pq.orderBy('ocid').execute();
  if (procs.length === 0) return [];
  // Children by the same filter as the processes (a county-wide run would otherwise bind thousands of ids).
  const ids = processIds ?? db.selectFrom('risk_processes').select('id').where('county_code', '=', countyCode);
  const lots = byKey(await db.selectFrom('risk_lots').selectAll().where('process_id', 'in', ids).orderBy('seq').execute(), (r) => r.process_id);
  const experts = byKey(await db.selectFrom('risk_panel_experts').selectAll().where('process_id', 'in', ids).orderBy('seq').execute(), (r) => r.process_id);
  const bidRows = await db.selectFrom('risk_bids').selectAll().where('process_id', 'in', ids).orderBy('seq').execute();
  const bids = byKey(bidRows, (r) => r.process_id);
  const scores = byKey(await db.selectFrom('risk_expert_scores as s').innerJoin('risk_bids as b', 'b.id', 's.bid_row_id').selectAll('s')
    .where('b.process_id', 'in', ids).orderBy('s.seq').execute(), (r) => r.bid_row_id);
  const awards = byKey(await db.selectFrom('risk_awards').selectAll().where('process_id', 'in', ids).orderBy('seq').execute(), (r) => r.process_id);
  const contractRows = await db.selectFrom('risk_contracts').selectAll().where('process_id', 'in', ids).orderBy('seq').execute();
  const contracts = byKey(contractRows, (r) => r.process_id);
  const cIds = db.selectFrom('risk_contracts').select('id').where('process_id', 'in', ids);
  const amendments = byKey(await db.selectFrom('risk_amendments').selectAll().where('contract_row_id', 'in', cIds).orderBy('seq').execute(), (r) => r.contract_row_id);
  const payments = byKey(await db.selectFrom('risk_payments').selectAll().where('contract_row_id', 'in', cIds).orderBy('seq').execute(), (r) => r.contract_row_id);
  const milestones = byKey(await db.selectFrom('risk_milestones').selectAll().where('contract_row_id', 'in', cIds).orderBy('seq').execute(), (r) => r.contract_row_id);

  return procs.map((p) => {
    const parties = new Map<string, O.Party>();
    const party = (id: string | null, name: string | null, role: string): O.Party | null => {
      if (!id) return null;
      const existing = parties.get(id);
      if (existing) {
        if (!existing.roles.includes(role)) existing.roles.push(role);
        return existing;
      }
      const made: O.Party = {
        id, name, roles: [role], identifierScheme: null, identifierId: null, address: null, contactPoint: null, legalRepresentative: null, beneficialOwners: [], shareholders: [],
      };
      parties.set(id, made);
      return made;
    };
    party(p.buyer_id, p.buyer_name, 'buyer');
    const pBids: O.Bid[] = (bids.get(p.id) ?? []).map((b) => {
      const lead = party(b.tenderer_ids[0] || null, b.tenderer_names[0] || null, 'tenderer');
      if (lead && !lead.identifierId) {
        if (b.credit_code) { lead.identifierScheme = 'CN-USCC'; lead.identifierId = b.credit_code; }
        if (b.contact_person || b.phone || b.email) lead.contactPoint = { name: b.contact_person, email: b.email, telephone: b.phone, faxNumber: null, url: null };
        if (b.address) lead.address = { streetAddress: b.address, locality: null, region: null, postalCode: null, countryName: null };
        lead.legalRepresentative = b.legal_representative;
      }
      b.tenderer_ids.slice(1).forEach((id, i) => party(id || null, b.tenderer_names[i + 1] || null, 'tenderer'));
      const hasFp = b.ip || b.mac || b.ca_serial || b.ca_issued_at || b.machine_code || b.uploaded_at || b.document_hash || b.document_author;
      return {
        id: b.bid_id, status: b.status, date: b.bid_date, value: money(b.value_amount, b.value_currency), tenderers: orgs(b.tenderer_ids, b.tenderer_names),
        relatedLots: b.related_lots, projectManager: b.project_manager,
        fingerprint: hasFp ? { machineCode: b.machine_code, ip: b.ip, mac: b.mac, caSerial: b.ca_serial, caIssuedAt: b.ca_issued_at, uploadedAt: b.uploaded_at, documentHash: b.document_hash, documentAuthor: b.document_author } : null,
        bidSecurity: b.bond_account || b.bond_payer_name || b.bond_paid_at ? { payerAccount: b.bond_account, payerName: b.bond_payer_name, paidAt: b.bond_paid_at } : null,
        evaluations: (scores.get(b.id) ?? []).map((s) => ({ expertId: s.expert_id, score: s.score })),
      };
    });
    const pAwards: O.Award[] = (awards.get(p.id) ?? []).map((a) => {
      a.supplier_ids.forEach((id, i) => party(id || null, a.supplier_names[i] || null, 'supplier'));
      return {
        id: a.award_id, status: a.status, date: a.award_date, value: money(a.value_amount, a.value_currency), suppliers: orgs(a.supplier_ids, a.supplier_names),
        relatedLots: a.related_lots, relatedBid: a.related_bid, items: a.items as O.Item[],
      };
    });
    const pContracts: O.Contract[] = (contracts.get(p.id) ?? []).map((c) => ({
      id: c.contract_id, awardID: c.award_ref, status: c.status, dateSigned: c.date_signed, value: money(c.value_amount, c.value_currency),
      period: c.period_start || c.period_end ? { startDate: c.period_start, endDate: c.period_end } : null, items: c.items as O.Item[],
      amendments: (amendments.get(c.id) ?? []).map((a) => ({ id: a.amendment_id, date: a.amend_date, description: a.description, rationale: a.rationale, value: money(a.value_amount, a.value_currency) })),
      payments: (payments.get(c.id) ?? []).map((x) => ({
        id: x.payment_id, date: x.pay_date, value: money(x.value_amount, x.value_currency), kind: x.kind,
        payer: x.payer_id || x.payer_name ? { id: x.payer_id, name: x.payer_name } : null, payee: x.payee_id || x.payee_name ? { id: x.payee_id, name: x.payee_name } : null,
      })),
      milestones: (milestones.get(c.id) ?? []).map((m) => ({
        id: m.milestone_id, title: m.title, type: m.type, status: m.status, dueDate: m.due_date, dateMet: m.date_met, description: m.description, progress: m.progress,
      })),
    }));
    const hasTender = p.tender_id !== null || p.title !== null || p.status !== null || p.value_amount !== null || pBids.length > 0;
    const release: O.Release = {
      ocid: p.ocid, id: p.release_id, date: p.release_date, tag: p.tags, buyer: p.buyer_id || p.buyer_name ? { id: p.buyer_id, name: p.buyer_name } : null,
      tender: hasTender ? {
        id: p.tender_id, title: p.title, status: p.status, procurementMethod: p.procurement_method, procurementMethodDetails: p.procurement_method_details,
        mainProcurementCategory: p.main_category, awardCriteria: p.award_criteria, value: money(p.value_amount, p.value_currency),
        tenderPeriod: p.period_start || p.period_end ? { startDate: p.period_start, endDate: p.period_end } : null, numberOfTenderers: p.number_of_tenderers,
        tenderers: p.tenderers.map((o) => ({ id: o.id, name: o.name })),
        procuringEntity: p.procuring_entity_id || p.procuring_entity_name ? { id: p.procuring_entity_id, name: p.procuring_entity_name } : null,
        lots: (lots.get(p.id) ?? []).map((l) => ({ id: l.lot_id, title: l.title, status: l.status, value: money(l.value_amount, l.value_currency) })),
        items: p.items as O.Item[],
        evaluationCommittee: (experts.get(p.id) ?? []).map((e) => ({ expertId: e.expert_id, employerId: e.employer_id, title: e.title, age: e.age, drawnAt: e.drawn_at })),
      } : null,
      bids: pBids, awards: pAwards, contracts: pContracts, parties: [...parties.values()],
    };
    return { processId: p.id, unitId: p.unit_id, release };
  });
}
