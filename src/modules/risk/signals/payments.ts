import type { RecordRef, RedFlagHit, SignalResult } from './hit';
import type { Amendment, Contract, Milestone, Payment } from './types';

/**
 * 提前支付 / 超付 per contract (OCP R068 and the reference's §6.3 D):
 *  - PAYMENT_OVER_CONTRACT: Σ payments > contract value + Σ amendments (payments deduplicated by id);
 *  - PAYMENT_BEFORE_SIGNING: a payment dated before `dateSigned`;
 *  - PREPAYMENT_OVER_CAP: Σ prepayments / contract > cap (the contract's own, else 30%, GB 50500 §10.1);
 *  - PAID_AHEAD_OF_PROGRESS: at a payment date, paid share − physical progress > `progressSlack`
 *    (default 10 pp; paid share of the value after amendments). Prepayment up to the cap is allowed ahead of progress, so it is left out of the
 *    paid share; progress is the latest milestone on or before the payment date (0 before the first);
 *  - FINAL_PAYMENT_BEFORE_ACCEPTANCE: a payment of kind `final` dated before the acceptance date.
 * Dates compare as instants ('YYYY-MM-DD' is midnight UTC). Payments in another currency are not summed.
 */
export interface PaymentOptions {
  prepaymentCap?: number;
  progressSlack?: number;
}

const t = (d: string | undefined): number => (d ? Date.parse(d) : NaN);

export function paymentSignals(
  contracts: readonly Contract[], payments: readonly Payment[], milestones: readonly Milestone[] = [],
  amendments: readonly Amendment[] = [], opts: PaymentOptions = {},
): SignalResult {
  const out: SignalResult = { hits: [], notApplicable: [] };
  const slack = opts.progressSlack ?? 0.1;
  for (const c of contracts) {
    const cur = c.currency ?? 'CNY';
    const seen = new Set<string>();
    const mine = payments.filter((p) => p.contractId === c.contractId && !seen.has(p.paymentId) && seen.add(p.paymentId));
    if (mine.length === 0) continue;
    const same = mine.filter((p) => (p.currency ?? cur) === cur);
    for (const p of mine) if (!same.includes(p)) out.notApplicable.push({ code: 'PAYMENT', subjectId: p.paymentId, reason: 'currencyMismatch' });
    if (!(c.amount > 0)) {
      out.notApplicable.push({ code: 'PAYMENT', subjectId: c.contractId, reason: 'zeroOrNegative' });
      continue;
    }
    const cRef: RecordRef = { kind: 'contract', id: c.contractId };
    const pRef = (ps: Payment[]) => ps.map((p): RecordRef => ({ kind: 'payment', id: p.paymentId }));
    const push = (code: string, strength: RedFlagHit['strength'], rule: string, threshold: RedFlagHit['evidence']['threshold'], values: RedFlagHit['evidence']['values'], records: RecordRef[]) =>
      out.hits.push({ code, subjectId: c.contractId, strength, evidence: { rule, lawRef: LAW[code], threshold, values, records } });
    const changes = amendments.filter((a) => a.contractId === c.contractId && (a.currency ?? cur) === cur).reduce((s, a) => s + a.amountChange, 0);
    const ceiling = c.amount + changes;
    const paid = same.reduce((s, p) => s + p.amount, 0);
    if (paid > ceiling * (1 + 1e-9)) {
      push('PAYMENT_OVER_CONTRACT', 'medium', 'Σ payments > contract value + Σ amendments', { contractValue: ceiling }, { paid, excess: paid - ceiling, payments: same.length }, [cRef, ...pRef(same)]);
    }
    if (c.dateSigned && !Number.isNaN(t(c.dateSigned))) {
      const early = same.filter((p) => t(p.date) < t(c.dateSigned));
      if (early.length) push('PAYMENT_BEFORE_SIGNING', 'medium', 'payment date < contract dateSigned', { dateSigned: c.dateSigned }, { dates: early.map((p) => p.date), amounts: early.map((p) => p.amount) }, [cRef, ...pRef(early)]);
    } else {
      out.notApplicable.push({ code: 'PAYMENT_BEFORE_SIGNING', subjectId: c.contractId, reason: 'missingField', detail: 'dateSigned' });
    }
    const cap = c.prepaymentCap ?? opts.prepaymentCap ?? 0.3;
    const pre = same.filter((p) => p.kind === 'prepayment');
    const preSum = pre.reduce((s, p) => s + p.amount, 0);
    if (preSum / c.amount > cap + 1e-12) {
      push('PREPAYMENT_OVER_CAP', 'medium', 'Σ prepayments / contract value > cap', { cap }, { prepaid: preSum, share: preSum / c.amount }, [cRef, ...pRef(pre)]);
    }
    const ms = milestones.filter((m) => m.contractId === c.contractId && !Number.isNaN(t(m.date))).sort((a, b) => t(a.date) - t(b.date));
    if (ms.length) {
      const allowedPre = Math.min(preSum, cap * c.amount);
      let cum = 0;
      let worst: { gap: number; p: Payment; share: number; progress: number; milestone?: Milestone } | null = null;
      for (const p of [...same].sort((a, b) => t(a.date) - t(b.date))) {
        cum += p.amount;
        const reached = ms.filter((m) => t(m.date) <= t(p.date)).pop();
        const progress = reached?.progress ?? 0;
        const share = Math.max(0, cum - allowedPre) / Math.max(ceiling, c.amount);
        if (share - progress > slack + 1e-9 && (!worst || share - progress > worst.gap)) worst = { gap: share - progress, p, share, progress, milestone: reached };
      }
      if (worst) {
        push('PAID_AHEAD_OF_PROGRESS', 'medium', 'paid share (prepayment within cap excluded) − physical progress > slack', { progressSlack: slack },
          { paidShare: worst.share, progress: worst.progress, gap: worst.gap, date: worst.p.date },
          [cRef, { kind: 'payment', id: worst.p.paymentId }, ...(worst.milestone ? [{ kind: 'milestone' as const, id: worst.milestone.milestoneId }] : [])]);
      }
    } else {
      out.notApplicable.push({ code: 'PAID_AHEAD_OF_PROGRESS', subjectId: c.contractId, reason: 'missingField', detail: 'milestones' });
    }
    const finals = same.filter((p) => p.kind === 'final');
    if (finals.length && !c.acceptanceDate) {
      out.notApplicable.push({ code: 'FINAL_PAYMENT_BEFORE_ACCEPTANCE', subjectId: c.contractId, reason: 'missingField', detail: 'acceptanceDate' });
    } else if (finals.length) {
      const early = finals.filter((p) => t(p.date) < t(c.acceptanceDate));
      if (early.length) push('FINAL_PAYMENT_BEFORE_ACCEPTANCE', 'medium', 'final payment date < acceptance date', { acceptanceDate: c.acceptanceDate! }, { dates: early.map((p) => p.date), amounts: early.map((p) => p.amount) }, [cRef, ...pRef(early)]);
    }
  }
  return out;
}

const LAW: Record<string, string> = {
  PAYMENT_OVER_CONTRACT: 'OCP R068 (payments exceed contract value)',
  PAYMENT_BEFORE_SIGNING: '提前支付工程款 (payment before signing)',
  PREPAYMENT_OVER_CAP: 'GB 50500-2013 §10.1 (预付款 10%–30%)',
  PAID_AHEAD_OF_PROGRESS: '提前支付工程款 (paid share ahead of physical progress)',
  FINAL_PAYMENT_BEFORE_ACCEPTANCE: '提前支付工程款 (竣工结算 payment before acceptance)',
};
