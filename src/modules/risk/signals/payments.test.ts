import { describe, expect, it } from 'vitest';
import { paymentSignals } from './payments';
import type { Contract, Milestone, Payment } from './types';

const c: Contract = { contractId: 'C', amount: 1_000_000, dateSigned: '2024-02-01', acceptanceDate: '2024-12-01' };
let n = 0;
const pay = (amount: number, date: string, kind?: Payment['kind'], extra: Partial<Payment> = {}): Payment => ({ paymentId: `p${++n}`, contractId: 'C', amount, date, kind, ...extra });
const ms = (date: string, progress: number): Milestone => ({ milestoneId: `m${date}`, contractId: 'C', date, progress });
const codes = (r: { hits: { code: string }[] }) => r.hits.map((h) => h.code).sort();

describe('paymentSignals', () => {
  it('paid 60 + 50 = 110万 on a 100万 contract → PAYMENT_OVER_CONTRACT, excess 10万', () => {
    const r = paymentSignals([c], [pay(600_000, '2024-03-01'), pay(500_000, '2024-06-01')], [ms('2024-02-15', 0.7), ms('2024-05-15', 1)]);
    expect(codes(r)).toEqual(['PAYMENT_OVER_CONTRACT']);
    expect(r.hits[0].evidence.values.excess).toBe(100_000);
  });

  it('an amendment raising the value to 120万 makes 110万 acceptable; a duplicated payment id counts once', () => {
    const p = pay(600_000, '2024-03-01');
    const r = paymentSignals([c], [p, p, pay(500_000, '2024-06-01')], [ms('2024-02-15', 0.7), ms('2024-05-15', 1)], [{ amendmentId: 'a', contractId: 'C', amountChange: 200_000 }]);
    expect(r.hits).toEqual([]);
  });

  it('payment dated before signing', () => {
    const r = paymentSignals([c], [pay(100_000, '2024-01-20', 'prepayment')], [ms('2024-01-01', 0)]);
    expect(codes(r)).toEqual(['PAYMENT_BEFORE_SIGNING']);
  });

  it('prepayment 35% > 30% cap; exactly 30% is allowed (inclusive)', () => {
    expect(codes(paymentSignals([c], [pay(350_000, '2024-02-05', 'prepayment')], [ms('2024-02-01', 0)]))).toContain('PREPAYMENT_OVER_CAP');
    expect(paymentSignals([c], [pay(300_000, '2024-02-05', 'prepayment')], [ms('2024-02-01', 0)]).hits).toEqual([]);
  });

  it('ahead of progress: 30% prepaid (allowed) + 40% paid at 20% progress → 40% − 20% = 20 pp > 10 pp', () => {
    const r = paymentSignals([c], [pay(300_000, '2024-02-05', 'prepayment'), pay(400_000, '2024-05-01', 'progress')], [ms('2024-04-01', 0.2)]);
    expect(codes(r)).toEqual(['PAID_AHEAD_OF_PROGRESS']);
    expect(r.hits[0].evidence.values.gap).toBeCloseTo(0.2, 12);
  });

  it('paid in step with progress: no flag; no milestones → not applicable', () => {
    expect(paymentSignals([c], [pay(500_000, '2024-05-01')], [ms('2024-04-01', 0.5)]).hits).toEqual([]);
    expect(paymentSignals([c], [pay(500_000, '2024-05-01')]).notApplicable).toContainEqual(expect.objectContaining({ code: 'PAID_AHEAD_OF_PROGRESS', reason: 'missingField' }));
  });

  it('final payment before acceptance; without an acceptance date it is not applicable', () => {
    expect(codes(paymentSignals([c], [pay(100_000, '2024-11-01', 'final')], [ms('2024-10-01', 1)]))).toEqual(['FINAL_PAYMENT_BEFORE_ACCEPTANCE']);
    const r = paymentSignals([{ ...c, acceptanceDate: undefined }], [pay(100_000, '2024-11-01', 'final')], [ms('2024-10-01', 1)]);
    expect(r.notApplicable).toContainEqual(expect.objectContaining({ code: 'FINAL_PAYMENT_BEFORE_ACCEPTANCE', reason: 'missingField' }));
  });

  it('a payment in another currency is not summed', () => {
    const r = paymentSignals([c], [pay(2_000_000, '2024-05-01', 'progress', { currency: 'USD' })], [ms('2024-04-01', 0.5)]);
    expect(r.hits).toEqual([]);
    expect(r.notApplicable).toContainEqual(expect.objectContaining({ reason: 'currencyMismatch' }));
  });
});
