import type { Release } from '../ocds/model';
import type { RunContext } from './context';

/**
 * Indicators beyond Cardinal's eleven, run only with --extended (so the Cardinal-compatible output is
 * untouched). R068 follows the OCP catalogue: "contract transactions exceed contract amount" (提前/超额支付).
 * The value is paid ÷ contract value; evidence names the contract, its payments, and how many payments
 * repeat the same amount (duplicated transactions are a data-quality flag as much as a red flag).
 */
export function r068(ctx: RunContext, r: Release): void {
  let evaluated = false;
  let worst = 0;
  for (const c of r.contracts) {
    const value = c.value?.amount ?? null;
    const currency = c.value?.currency ?? null;
    if (value === null || value <= 0 || !c.payments.length) continue;
    const same = c.payments.filter((p) => p.value?.amount != null && (p.value.currency ?? currency) === currency);
    if (!same.length) continue;
    evaluated = true;
    const paid = same.reduce((s, p) => s + p.value!.amount!, 0);
    // Half a cent of slack: summing float amounts must not flag a contract paid exactly in full.
    if (paid <= value + 0.005) continue;
    const ratio = paid / value;
    worst = Math.max(worst, ratio);
    const amounts = same.map((p) => p.value!.amount!);
    const repeated = amounts.length - new Set(amounts).size;
    if (ctx.wantsEvidence) ctx.evidence({
      indicator: 'R068', group: 'OCID', id: r.ocid, value: ratio, rule: 'sum of contract transactions > contract value',
      threshold: 1, values: { contractId: c.id, contractValue: value, paid, currency, payments: same.length, repeatedAmounts: repeated },
      ocids: [r.ocid], bidIds: [], awardIds: [c.awardID], extended: true,
    });
  }
  if (!evaluated) return ctx.notApplicable('R068', 'no contract with a value and payments');
  ctx.applicable('R068');
  if (worst > 0) {
    ctx.setResult('OCID', r.ocid, 'R068', worst);
    ctx.flagged('R068');
  }
}
