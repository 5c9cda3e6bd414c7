import type { Release } from '../ocds/model';
import { idsOf, submittedBids, type Group, type RunContext } from './context';
import { quartiles, upperFence } from './quantile';

/**
 * Per-organisation indicators: R038 (share of disqualified bids per buyer, procuring entity and tenderer)
 * and R048 (variety of item classifications a supplier wins). Both sum over the whole file and flag
 * against an upper fence, so they keep one small counter per organisation.
 */
type Fraction = [number, number];

export class GroupState {
  readonly buyer = new Map<string, Fraction>();
  readonly procuringEntity = new Map<string, Fraction>();
  readonly tenderer = new Map<string, Fraction>();
  /** R048: supplier → [processes, classification prefixes]. */
  readonly classes = new Map<string, [number, Set<string>]>();
}

const add = (m: Map<string, Fraction>, id: string, num: number, den: number) => {
  const f = m.get(id);
  if (f) { f[0] += num; f[1] += den; } else m.set(id, [num, den]);
};

export function foldR038(ctx: RunContext, st: GroupState, r: Release): void {
  const submitted = submittedBids(r);
  if (submitted.length === 0) return ctx.notApplicable('R038', 'no submitted bids');
  let disqualified = 0;
  for (const b of submitted) {
    const inc = b.status === 'disqualified' ? 1 : 0;
    disqualified += inc;
    for (const id of idsOf(b.tenderers)) {
      add(st.tenderer, id, inc, 1);
      ctx.mapAdd('ocid_tenderer', r.ocid, id);
    }
  }
  const buyer = r.buyer?.id ?? null;
  if (buyer !== null) {
    add(st.buyer, buyer, disqualified, submitted.length);
    if (disqualified > 0) ctx.mapSet('ocid_buyer_r038', r.ocid, buyer);
  }
  const pe = r.tender?.procuringEntity?.id ?? null;
  if (pe !== null) {
    add(st.procuringEntity, pe, disqualified, submitted.length);
    if (disqualified > 0) ctx.mapSet('ocid_procuringentity_r038', r.ocid, pe);
  }
}

/** The first `digits` characters (code points, as Rust's chars()); the common all-BMP case without allocation. */
function prefix(code: string, digits: number): string {
  for (let i = 0; i < digits && i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return Array.from(code).slice(0, digits).join('');
  }
  return code.slice(0, digits);
}

export function foldR048(ctx: RunContext, st: GroupState, r: Release): void {
  const digits = ctx.settings.indicators.R048!.digits;
  const seen = new Set<string>();
  for (const a of r.awards) {
    // One supplier only: with a consortium we cannot tell who supplies which item.
    if (a.status !== 'active' || a.suppliers.length !== 1 || a.suppliers[0].id === null) continue;
    const id = a.suppliers[0].id;
    for (const item of a.items) {
      const code = item.classification?.id ?? null;
      if (code === null) continue;
      let e = st.classes.get(id);
      if (!e) st.classes.set(id, (e = [0, new Set()]));
      if (!seen.has(id)) { seen.add(id); e[0] += 1; }
      e[1].add(prefix(code, digits));
    }
  }
  if (!seen.size) ctx.notApplicable('R048', 'no active single-supplier award with classified items');
}

function flagFractions(ctx: RunContext, group: Group, m: Map<string, Fraction>, minimum: number, threshold: number | null): void {
  const ratios = [...m].filter(([, [, den]]) => den >= minimum).map(([id, [num, den]]) => [id, num / den, num, den] as const);
  ctx.notApplicable('R038', `${group} below the minimum number of submitted bids`, m.size - ratios.length);
  if (!ratios.length) return;
  ctx.applicable('R038', ratios.length);
  let fence = threshold;
  if (fence === null) {
    const q = quartiles(ratios.map((x) => x[1]));
    ctx.setMeta('R038', `${group}_q1`, q.q1);
    ctx.setMeta('R038', `${group}_q3`, q.q3);
    fence = upperFence(q);
  }
  ctx.setMeta('R038', `${group}_upper_fence`, fence);
  if (!(fence > 0)) return;
  for (const [id, ratio, num, den] of ratios) {
    if (ratio < fence) continue;
    ctx.setResult(group, id, 'R038', ratio);
    ctx.flagged('R038');
    if (ctx.wantsEvidence) ctx.evidence({
      indicator: 'R038', group, id, value: ratio, rule: 'disqualified / submitted bids ≥ upper fence Q3 + 1.5·IQR', threshold: fence,
      values: { disqualified: num, submitted: den }, ocids: [], bidIds: [], awardIds: [],
    });
  }
}

export function finalizeGroups(ctx: RunContext, st: GroupState): void {
  const s38 = ctx.settings.indicators.R038;
  if (s38) {
    flagFractions(ctx, 'Buyer', st.buyer, s38.minimumContractingProcesses, s38.threshold);
    flagFractions(ctx, 'ProcuringEntity', st.procuringEntity, s38.minimumContractingProcesses, s38.threshold);
    flagFractions(ctx, 'Tenderer', st.tenderer, s38.minimumSubmittedBids, s38.threshold);
  }
  const s48 = ctx.settings.indicators.R048;
  if (s48) {
    const kept = [...st.classes].filter(([, [n]]) => n >= s48.minimumContractingProcesses);
    ctx.notApplicable('R048', 'supplier below minimum_contracting_processes', st.classes.size - kept.length);
    ctx.applicable('R048', kept.length);
    let fence = s48.threshold;
    if (fence === null) {
      const q = quartiles(kept.map(([, [, c]]) => c.size));
      ctx.setMeta('R048', 'q1', q.q1);
      ctx.setMeta('R048', 'q3', q.q3);
      fence = Math.ceil(upperFence(q));
    }
    ctx.setMeta('R048', 'upper_fence', fence);
    for (const [id, [n, codes]] of kept) {
      if (!(codes.size >= fence)) continue;
      ctx.setResult('Tenderer', id, 'R048', codes.size);
      ctx.flagged('R048');
      if (ctx.wantsEvidence) ctx.evidence({
        indicator: 'R048', group: 'Tenderer', id, value: codes.size, rule: `distinct ${s48.digits}-character classification prefixes ≥ upper fence`,
        threshold: fence, values: { processes: n, prefixes: [...codes].sort() }, ocids: [], bidIds: [], awardIds: [],
      });
    }
  }
}
