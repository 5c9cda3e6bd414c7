import type { Bid, Release } from '../ocds/model';
import { parseInstant, parseRfc3339, wholeDaysBetween } from '../ocds/dates';
import { comparesPrices, idsOf, submittedBids, type RunContext } from './context';

/**
 * The indicators decided within one process, without a distribution: R003, R018, R028, R030, R036.
 * Each records why a process was not applicable, so the report can say "R003: 812 of 1,000 processes
 * had no usable tender period" instead of silently returning nothing.
 */

export function r003(ctx: RunContext, r: Release): void {
  const s = ctx.settings.indicators.R003!;
  const t = r.tender;
  const method = t?.procurementMethod ?? null;
  if (s.procurementMethods && (method === null || !s.procurementMethods.has(method))) return ctx.notApplicable('R003', 'procurement method not selected');
  const parse = ctx.options.extended ? parseInstant : parseRfc3339;
  const start = parse(t?.tenderPeriod?.startDate ?? null);
  const end = parse(t?.tenderPeriod?.endDate ?? null);
  if (start === null || end === null) return ctx.notApplicable('R003', 'tender period dates missing or not RFC 3339');
  const days = wholeDaysBetween(start, end);
  if (ctx.options.extended && days < 0) return ctx.notApplicable('R003', 'tender period ends before it starts');
  ctx.applicable('R003');
  const pmd = t?.procurementMethodDetails ?? null;
  const threshold = (pmd !== null ? s.byProcurementMethodDetails.get(pmd) : undefined) ?? s.threshold;
  if (days < threshold) {
    ctx.setResult('OCID', r.ocid, 'R003', 1);
    ctx.flagged('R003');
    if (ctx.wantsEvidence) ctx.evidence({
      indicator: 'R003', group: 'OCID', id: r.ocid, value: 1, rule: 'whole days from tenderPeriod.startDate to endDate < threshold',
      threshold, values: { days, startDate: t?.tenderPeriod?.startDate, endDate: t?.tenderPeriod?.endDate, procurementMethodDetails: pmd },
      ocids: [r.ocid], bidIds: [], awardIds: [],
    });
  }
}

export function r018(ctx: RunContext, r: Release): void {
  const s = ctx.settings.indicators.R018!;
  const method = r.tender?.procurementMethod ?? null;
  if (method === null || !s.procurementMethods.has(method)) return ctx.notApplicable('R018', 'procurement method not selected');
  let n = r.tender?.numberOfTenderers ?? null;
  let fromBids = false;
  if (n === null && ctx.options.extended) {
    // Beyond Cardinal (its issue #86): count the distinct tenderers of submitted bids when the total is absent.
    const ids = new Set(submittedBids(r).flatMap((b) => idsOf(b.tenderers)));
    if (ids.size) { n = ids.size; fromBids = true; }
  }
  if (n === null) return ctx.notApplicable('R018', 'tender.numberOfTenderers missing');
  ctx.applicable('R018');
  if (n === 1) {
    ctx.setResult('OCID', r.ocid, 'R018', 1);
    ctx.flagged('R018');
    if (ctx.wantsEvidence) ctx.evidence({
      indicator: 'R018', group: 'OCID', id: r.ocid, value: 1, rule: 'numberOfTenderers == 1 in a competitive method',
      threshold: 1, values: { numberOfTenderers: n, procurementMethod: method, countedFromBids: fromBids },
      ocids: [r.ocid], bidIds: fromBids ? submittedBids(r).map((b) => b.id) : [], awardIds: [], extended: fromBids || undefined,
    });
  }
}

export function r028(ctx: RunContext, r: Release): void {
  if (!comparesPrices(r, ctx.settings)) return ctx.notApplicable('R028', 'procurement method excluded from price comparison');
  const submitted = submittedBids(r);
  // Fast exit: without two equal amounts there is nothing to compare (most processes).
  const amounts = new Set<number>();
  let priced = 0;
  for (const b of submitted) {
    if (b.value?.amount == null || b.value.currency === null || b.tenderers.length === 0) continue;
    priced += 1;
    amounts.add(b.value.amount);
  }
  if (priced === 0) return ctx.notApplicable('R028', 'no submitted bid with tenderers and a value');
  if (amounts.size === priced) return ctx.applicable('R028');
  const byPrice = new Map<string, { sets: Map<string, string[]>; bids: Bid[] }>();
  for (const b of submitted) {
    const ids = idsOf(b.tenderers);
    if (!ids.length || b.value?.amount == null || b.value.currency === null) continue;
    const key = `${b.value.amount}\u0000${b.value.currency}`;
    let entry = byPrice.get(key);
    if (!entry) byPrice.set(key, (entry = { sets: new Map(), bids: [] }));
    entry.sets.set([...new Set(ids)].sort().join('\u0000'), ids);
    entry.bids.push(b);
  }
  if (byPrice.size === 0) return ctx.notApplicable('R028', 'no submitted bid with tenderers and a value');
  ctx.applicable('R028');
  let hit = false;
  for (const { sets, bids } of byPrice.values()) {
    // One tenderer repeating its own price is not a signal; two different tenderer sets are.
    if (sets.size < 2) continue;
    hit = true;
    const tenderers = [...new Set([...sets.values()].flat())];
    for (const id of tenderers) {
      ctx.setResult('Tenderer', id, 'R028', 1);
      ctx.mapAdd('ocid_tenderer_r028', r.ocid, id);
    }
    if (ctx.wantsEvidence) ctx.evidence({
      indicator: 'R028', group: 'OCID', id: r.ocid, value: 1, rule: 'two bids from different tenderers with the same amount and currency',
      threshold: null, values: { amount: bids[0].value!.amount, currency: bids[0].value!.currency, tenderers },
      ocids: [r.ocid], bidIds: bids.map((b) => b.id), awardIds: [],
    });
  }
  if (hit) {
    ctx.setResult('OCID', r.ocid, 'R028', 1);
    ctx.flagged('R028');
  }
}

export function r030(ctx: RunContext, r: Release): void {
  const end = r.tender?.tenderPeriod?.endDate ?? null;
  if (end === null) return ctx.notApplicable('R030', 'tender.tenderPeriod.endDate missing');
  const endMs = parseInstant(end);
  if (ctx.options.extended && endMs === null) return ctx.notApplicable('R030', 'tender.tenderPeriod.endDate not a date');
  const winners = new Map<string, string | null>();
  for (const a of r.awards) if (a.status === 'active') for (const id of idsOf(a.suppliers)) winners.set(id, a.id);
  const valid = r.bids.filter((b) => b.status === 'valid' && b.date !== null);
  if (!winners.size || !valid.length) return ctx.notApplicable('R030', 'no active award or no dated valid bid');
  ctx.applicable('R030');
  let hit = false;
  for (const b of valid) {
    // Cardinal compares the strings (time-zone sensitive); the extended mode compares instants.
    const late = ctx.options.extended ? (parseInstant(b.date) ?? -Infinity) > endMs! : b.date! > end;
    if (!late) continue;
    for (const id of idsOf(b.tenderers)) {
      if (!winners.has(id)) continue;
      hit = true;
      ctx.setResult('Tenderer', id, 'R030', 1);
      ctx.mapAdd('ocid_tenderer_r030', r.ocid, id);
      if (ctx.wantsEvidence) ctx.evidence({
        indicator: 'R030', group: 'OCID', id: r.ocid, value: 1, rule: 'a valid bid dated after tenderPeriod.endDate won an active award',
        threshold: null, values: { bidDate: b.date, endDate: end, tenderer: id, comparison: ctx.options.extended ? 'instant' : 'string' },
        ocids: [r.ocid], bidIds: [b.id], awardIds: [winners.get(id) ?? null],
      });
    }
  }
  if (hit) {
    ctx.setResult('OCID', r.ocid, 'R030', 1);
    ctx.flagged('R030');
  }
}

export function r036(ctx: RunContext, r: Release): void {
  if (!comparesPrices(r, ctx.settings)) return ctx.notApplicable('R036', 'procurement method excluded from price comparison');
  const active = r.awards.filter((a) => a.status === 'active');
  if (!active.length) return ctx.notApplicable('R036', 'no active award');
  let lowest: Bid | null = null;
  let validWithAmount = false;
  for (const b of submittedBids(r)) {
    const amount = b.value?.amount ?? null;
    const currency = b.value?.currency ?? null;
    if (amount === null || currency === null || !ctx.inMainCurrency(currency)) continue;
    if (b.status === 'valid') validWithAmount = true;
    // Strict `<`: of equal lowest bids the first one counts, as in Cardinal.
    if (lowest === null || amount < lowest.value!.amount!) lowest = b;
  }
  if (lowest === null || !validWithAmount) return ctx.notApplicable('R036', 'no valid bid with an amount in the main currency');
  ctx.applicable('R036');
  if (lowest.status === 'disqualified') {
    ctx.setResult('OCID', r.ocid, 'R036', 1);
    ctx.flagged('R036');
    if (ctx.wantsEvidence) ctx.evidence({
      indicator: 'R036', group: 'OCID', id: r.ocid, value: 1, rule: 'the lowest submitted bid is disqualified',
      threshold: null, values: { amount: lowest.value!.amount, currency: lowest.value!.currency, tenderers: idsOf(lowest.tenderers) },
      ocids: [r.ocid], bidIds: [lowest.id], awardIds: active.map((a) => a.id),
    });
  }
}
