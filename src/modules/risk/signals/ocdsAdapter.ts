import type * as O from '../ocds/model';
import type {
  Amendment, Award, BidderProfile, Contract, EvaluationScore, Expert, Milestone, Payment, ProcurementCategory, TenderBids,
} from './types';

/**
 * Thin adapters from the normalised OCDS model (../ocds/model.ts) to the signals' own input types.
 * Choices: a consortium (several tenderers on one bid) becomes one bidder id "a+b"; a bid wins when its
 * id is an active award's relatedBid, or else when its tenderers equal an active award's suppliers;
 * a release with lots gives one TenderBids per lot (bids by relatedLots), otherwise one per ocid.
 * Values without an amount are dropped (screens need amounts); nothing is invented.
 */
const orgKey = (orgs: O.OrgRef[]): string | null => {
  const ids = orgs.map((o) => o.id).filter((x): x is string => !!x).sort();
  return ids.length ? ids.join('+') : null;
};

const BID_STATUS: Record<string, 'valid' | 'disqualified' | 'withdrawn' | 'pending'> = {
  valid: 'valid', qualified: 'valid', disqualified: 'disqualified', withdrawn: 'withdrawn', pending: 'pending',
};

export function categoryOf(r: O.Release): ProcurementCategory | undefined {
  const c = r.tender?.mainProcurementCategory;
  return c === 'works' || c === 'goods' || c === 'services' ? c : undefined;
}

export function tenderBidsOf(r: O.Release, market?: string): TenderBids[] {
  const active = r.awards.filter((a) => a.status === 'active');
  const winningBids = new Set(active.map((a) => a.relatedBid).filter(Boolean));
  const winningSuppliers = new Set(active.map((a) => orgKey(a.suppliers)).filter(Boolean));
  const ceiling = r.tender?.value?.amount ?? undefined;
  const bids = r.bids.flatMap((b) => {
    const bidderId = orgKey(b.tenderers);
    if (!bidderId || b.value?.amount == null) return [];
    const winner = winningBids.size ? winningBids.has(b.id) : winningSuppliers.has(bidderId);
    return [{
      bidId: b.id ?? undefined, bidderId, amount: b.value.amount, currency: b.value.currency ?? undefined,
      status: b.status ? BID_STATUS[b.status] : undefined, winner, submittedAt: b.date ?? undefined, lots: b.relatedLots,
    }];
  });
  const base = {
    currency: r.tender?.value?.currency ?? undefined, market, buyerId: r.buyer?.id ?? undefined, date: r.tender?.tenderPeriod?.endDate ?? r.date ?? undefined,
  };
  const lots = [...new Set(bids.flatMap((b) => b.lots))];
  const strip = ({ lots: _lots, ...b }: (typeof bids)[number]) => b;
  if (lots.length === 0) return [{ tenderId: r.ocid, ...base, ceiling: ceiling ?? undefined, bids: bids.map(strip) }];
  return lots.map((lot) => ({
    tenderId: `${r.ocid}/${lot}`, ...base,
    ceiling: r.tender?.lots.find((l) => l.id === lot)?.value?.amount ?? undefined,
    bids: bids.filter((b) => b.lots.includes(lot)).map(strip),
  }));
}

export function bidderProfilesOf(r: O.Release): BidderProfile[] {
  const parties = new Map(r.parties.filter((p) => p.id).map((p) => [p.id!, p]));
  return r.bids.flatMap((b) => {
    const bidderId = orgKey(b.tenderers);
    if (!bidderId) return [];
    // A consortium's identity is its lead member's party record (the first tenderer).
    const p = b.tenderers[0]?.id ? parties.get(b.tenderers[0].id) : undefined;
    const a = p?.address;
    const f = b.fingerprint;
    const address = a?.streetAddress ? [a.region, a.locality, a.streetAddress].filter(Boolean).join('') : undefined;
    return [{
      bidderId, tenderId: r.ocid,
      contactPerson: p?.contactPoint?.name ?? undefined, phone: p?.contactPoint?.telephone ?? undefined, email: p?.contactPoint?.email ?? undefined,
      address, legalRepresentative: p?.legalRepresentative ?? undefined, projectManager: b.projectManager ?? undefined,
      bidBondAccount: b.bidSecurity?.payerAccount ?? undefined, ip: f?.ip ?? undefined, mac: f?.mac ?? undefined, caCertificate: f?.caSerial ?? undefined,
      documentHashes: f?.documentHash ? [f.documentHash] : undefined,
      documentMetadata: f && (f.documentAuthor || f.machineCode)
        ? Object.fromEntries([['author', f.documentAuthor], ['machineCode', f.machineCode]].filter((e): e is [string, string] => !!e[1]))
        : undefined,
    }];
  });
}

export function awardsOf(r: O.Release): Award[] {
  const category = categoryOf(r);
  return r.awards.flatMap((a) => {
    const supplierId = orgKey(a.suppliers);
    if (a.status !== 'active' || !a.id || !supplierId || a.value?.amount == null || !r.buyer?.id || !category) return [];
    return [{
      awardId: a.id, tenderId: r.ocid, buyerId: r.buyer.id, supplierId, amount: a.value.amount, currency: a.value.currency ?? undefined,
      date: a.date ?? r.date ?? '', category, procurementMethod: r.tender?.procurementMethod ?? undefined,
      classification: a.items[0]?.classification?.id ?? r.tender?.items[0]?.classification?.id ?? undefined,
    }];
  });
}

const PAYMENT_KIND: Record<string, Payment['kind']> = { advance: 'prepayment', prepayment: 'prepayment', progress: 'progress', final: 'final', retention: 'retention' };

export interface ContractSide { contracts: Contract[]; amendments: Amendment[]; payments: Payment[]; milestones: Milestone[] }

export function contractSideOf(r: O.Release): ContractSide {
  const out: ContractSide = { contracts: [], amendments: [], payments: [], milestones: [] };
  const category = categoryOf(r);
  for (const c of r.contracts) {
    if (!c.id || c.value?.amount == null) continue;
    const award = r.awards.find((a) => a.id === c.awardID);
    out.contracts.push({
      contractId: c.id, awardId: c.awardID ?? undefined, buyerId: r.buyer?.id ?? undefined, supplierId: award ? orgKey(award.suppliers) ?? undefined : undefined,
      amount: c.value.amount, currency: c.value.currency ?? undefined, category, dateSigned: c.dateSigned ?? undefined,
    });
    // The amendment's value (local extension) is the contract value after the change: the change is the
    // step. A compiled release often already carries the amended value in contracts[].value; then the
    // original is taken from the award, and without one the steps cannot be known (amendments skipped).
    const last = [...c.amendments].reverse().find((a) => a.value?.amount != null)?.value?.amount;
    const alreadyAmended = last !== undefined && last === c.value.amount;
    const original = alreadyAmended ? award?.value?.amount ?? null : c.value.amount;
    if (original === null) continue;
    if (alreadyAmended) out.contracts[out.contracts.length - 1].amount = original;
    let previous = original;
    c.amendments.forEach((a, i) => {
      if (a.value?.amount == null) return;
      out.amendments.push({ amendmentId: a.id ?? `${c.id}#${i}`, contractId: c.id!, amountChange: a.value.amount - previous, currency: a.value.currency ?? undefined, date: a.date ?? undefined });
      previous = a.value.amount;
    });
    c.payments.forEach((p, i) => {
      if (p.value?.amount == null || !p.date) return;
      out.payments.push({ paymentId: p.id ?? `${c.id}#${i}`, contractId: c.id!, amount: p.value.amount, currency: p.value.currency ?? undefined, date: p.date, kind: p.kind ? PAYMENT_KIND[p.kind] ?? 'other' : undefined });
    });
    c.milestones.forEach((m, i) => {
      const date = m.dateMet ?? m.dueDate;
      if (m.progress == null || !date) return;
      out.milestones.push({ milestoneId: m.id ?? `${c.id}#${i}`, contractId: c.id!, date, progress: m.progress });
    });
  }
  return out;
}

export function evaluationOf(r: O.Release): { scores: EvaluationScore[]; experts: Expert[] } {
  const scores = r.bids.flatMap((b) => {
    const bidderId = orgKey(b.tenderers);
    return bidderId ? b.evaluations.flatMap((e) => (e.expertId && e.score != null ? [{ tenderId: r.ocid, expertId: e.expertId, bidderId, score: e.score }] : [])) : [];
  });
  const experts = (r.tender?.evaluationCommittee ?? []).flatMap((e) => (e.expertId ? [{ expertId: e.expertId, employers: e.employerId ? [e.employerId] : [] }] : []));
  return { scores, experts };
}
