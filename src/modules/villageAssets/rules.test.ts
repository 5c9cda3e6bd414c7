import { describe, expect, it } from 'vitest';
import { contractWithoutDecision, disposalBelowAppraisal, negotiatedOverLimit, quantile, rentBelowPeers, screenVillageAssets, termTooLong } from './assetRules';
import { cashOverLimit, concentratedPayee, majorWithoutDecision, splitPayments, unpublishedExpenses } from './fundRules';
import type { Contract, Disposal, FundEntry } from './ruleTypes';
import { defaultThresholds as t } from './settings';

/** The anomaly rules at their boundaries, on plain records (default thresholds: cash 1000, approval 5000, 30 days …). */
let seq = 0;
const v = { villageId: 'v1', villageName: '甲村', townshipCode: 't1' };
const entry = (x: Partial<FundEntry>): FundEntry => ({
  id: `e${++seq}`, ...v, date: '2026-03-01', voucherNo: `记${seq}`, direction: 'expense', amount: 100, counterparty: '某建材店', paymentMethod: 'transfer', category: 'other',
  decisionDate: null, published: true, ...x,
});
const contract = (x: Partial<Contract>): Contract => ({
  id: `c${++seq}`, ...v, contractNo: `HT${seq}`, objectType: 'land', objectName: '机动地', area: 10, areaUnit: 'mu', counterparty: '张三', startOn: '2026-01-01', endOn: '2031-01-01',
  annualRent: 5000, awardMethod: 'bidding', decisionDate: '2025-12-01', ...x,
});
const disposal = (x: Partial<Disposal>): Disposal => ({
  id: `d${++seq}`, ...v, assetName: '旧村委会房屋', disposedOn: '2026-04-01', appraisedValue: 100_000, salePrice: 90_000, buyer: '李四', method: 'bidding', decisionDate: '2026-03-01', ...x,
});

describe('fund rules', () => {
  it('cash: over the limit hits, at the limit does not, transfers and income never', () => {
    const hits = cashOverLimit([entry({ paymentMethod: 'cash', amount: 1000 }), entry({ paymentMethod: 'cash', amount: 1000.01 }), entry({ amount: 9000 }),
      entry({ paymentMethod: 'cash', amount: 8000, direction: 'income' })], t);
    expect(hits.map((h) => h.evidence.values.amount)).toEqual([1000.01]);
    expect(hits[0]).toEqual(expect.objectContaining({ code: 'VILLAGE_CASH_OVER_LIMIT', unitId: 'v1' }));
    expect(hits[0].evidence.records[0].href).toBe(`/village-assets/ledger?village=v1&tab=funds&ids=${hits[0].evidence.records[0].id}`);
  });

  it('split: each under the threshold, together at it, within the window', () => {
    const a = [entry({ date: '2026-03-01', amount: 2500 }), entry({ date: '2026-03-31', amount: 2500 })];
    const hits = splitPayments(a, t);
    expect(hits).toHaveLength(1);
    expect(hits[0].evidence.values).toEqual(expect.objectContaining({ count: 2, total: 5000 }));
    expect(hits[0].evidence.records.map((r) => r.id)).toEqual(a.map((e) => e.id));
    // One day beyond the window, just under the total, or one payment at the threshold: no hit.
    expect(splitPayments([entry({ date: '2026-03-01', amount: 2500 }), entry({ date: '2026-04-01', amount: 2500 })], t)).toEqual([]);
    expect(splitPayments([entry({ amount: 2500 }), entry({ amount: 2499.99 })], t)).toEqual([]);
    expect(splitPayments([entry({ amount: 5000 }), entry({ amount: 100 })], t)).toEqual([]);
    // Different counterparties or villages are not added up; names compare without spaces and bracket width.
    expect(splitPayments([entry({ amount: 3000 }), entry({ amount: 3000, counterparty: '另一家' })], t)).toEqual([]);
    expect(splitPayments([entry({ amount: 3000, counterparty: '王五（个体）' }), entry({ amount: 3000, counterparty: '王五 (个体)' })], t)).toHaveLength(1);
    expect(splitPayments([entry({ amount: 3000 }), entry({ amount: 3000, villageId: 'v2' })], t)).toEqual([]);
  });

  it('major: ≥ the major amount or 工程 ≥ the approval threshold without a prior decision', () => {
    const hits = majorWithoutDecision([
      entry({ amount: 50_000 }), entry({ amount: 49_999.99 }), entry({ amount: 5000, category: 'works' }), entry({ amount: 4999, category: 'works' }),
      entry({ amount: 80_000, decisionDate: '2026-02-20' }), entry({ amount: 80_000, decisionDate: '2026-03-02' }),
    ], t);
    expect(hits.map((h) => h.evidence.values.amount)).toEqual([50_000, 5000, 80_000]);
    expect(hits[2].evidence.values['决策日期']).toBe('2026-03-02');
  });

  it('unpublished: only after the quarter is due; flagged entries, or all when the quarter has no financial disclosure', () => {
    const q1 = [entry({ date: '2026-02-01', published: false }), entry({ date: '2026-02-02' })];
    const q2 = [entry({ date: '2026-05-01' })];
    const disclosed = new Map([['v1', new Set(['2026Q1'])]]);
    // Q1 due 2026-04-10: on that day not yet overdue, the next day it is.
    expect(unpublishedExpenses({ entries: q1, financeDisclosed: disclosed, today: '2026-04-10', dueDays: 10 })).toEqual([]);
    const hits = unpublishedExpenses({ entries: [...q1, ...q2], financeDisclosed: disclosed, today: '2026-07-11', dueDays: 10 });
    expect(hits.map((h) => [h.evidence.values['季度'], h.evidence.records.length])).toEqual([['2026Q1', 1], ['2026Q2', 1]]);
    expect(hits.map((h) => h.strength)).toEqual(['weak', 'medium']);
  });

  it('concentration: one payee at or over the share of the year and the minimum amount', () => {
    const base = [entry({ amount: 50_000, counterparty: '甲公司' }), entry({ amount: 50_000, counterparty: '乙公司' })];
    expect(concentratedPayee(base, t).map((h) => h.evidence.values['收款方'])).toEqual(['甲公司', '乙公司']);
    expect(concentratedPayee([entry({ amount: 49_999, counterparty: '甲公司' }), entry({ amount: 50_001, counterparty: '乙公司' })], t)
      .map((h) => h.evidence.values['收款方'])).toEqual(['乙公司']);
    expect(concentratedPayee([entry({ amount: 19_999 })], t)).toEqual([]);
    // Subsidies paid through a roster count neither as a payee nor in the year's total.
    expect(concentratedPayee([entry({ amount: 30_000, counterparty: '甲公司' }), entry({ amount: 90_000, category: 'subsidy', counterparty: '农户' })], t)
      .map((h) => h.evidence.values['收款方'])).toEqual(['甲公司']);
  });
});

describe('contract and disposal rules', () => {
  it('quartiles interpolate like QUARTILE.INC', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
  });

  it('rent: below the lower fence of at least five peers of the same township, type and unit', () => {
    const peers = [500, 520, 540, 560, 580].map((r) => contract({ annualRent: r * 10 }));
    // Peers per mu 500..580: Q1 520, Q3 560, fence 460.
    const low = contract({ annualRent: 4590 });
    const edge = contract({ annualRent: 4600 });
    expect(rentBelowPeers([...peers, low], t).map((h) => h.subjectId)).toEqual([`contract:${low.id}`]);
    expect(rentBelowPeers([...peers, edge], t)).toEqual([]);
    expect(rentBelowPeers([...peers.slice(1), low], t)).toEqual([]);
    expect(rentBelowPeers([...peers, contract({ annualRent: 100, objectType: 'pond' }), contract({ annualRent: 100, townshipCode: 't2' })], t)).toEqual([]);
  });

  it('term: beyond the limit in years, to the day', () => {
    expect(termTooLong([contract({ startOn: '2026-01-01', endOn: '2046-01-01' })], t)).toEqual([]);
    expect(termTooLong([contract({ startOn: '2026-01-01', endOn: '2046-01-02' })], t)).toHaveLength(1);
  });

  it('negotiated: a negotiated contract at or over the bidding limit; open bidding never', () => {
    const at = contract({ awardMethod: 'negotiation', annualRent: 10_000, startOn: '2026-01-01', endOn: '2030-12-31' });
    const under = contract({ awardMethod: 'negotiation', annualRent: 9000, startOn: '2026-01-01', endOn: '2030-12-31' });
    expect(negotiatedOverLimit([at, under, contract({ annualRent: 100_000 })], t).map((h) => h.subjectId)).toEqual([`contract:${at.id}`]);
  });

  it('contract decision: a major contract needs a decision before it starts', () => {
    const hits = contractWithoutDecision([contract({ annualRent: 20_000, decisionDate: null }), contract({ annualRent: 20_000, decisionDate: '2026-01-02' }),
      contract({ annualRent: 20_000 }), contract({ annualRent: 5000, decisionDate: null })], t);
    expect(hits).toHaveLength(2);
  });

  it('disposal: below 90% of the appraisal hits, exactly 90% does not', () => {
    const hits = disposalBelowAppraisal([disposal({ salePrice: 90_000 }), disposal({ salePrice: 89_999 }), disposal({ salePrice: 60_000 })], t);
    expect(hits.map((h) => [h.evidence.values['成交价'], h.strength])).toEqual([[89_999, 'medium'], [60_000, 'strong']]);
  });

  it('runs every rule with stable subject ids and a date on each hit', () => {
    const hits = screenVillageAssets({ entries: [entry({ paymentMethod: 'cash', amount: 60_000 })], contracts: [], disposals: [disposal({ salePrice: 1 })],
      financeDisclosed: new Map(), today: '2026-03-05', dueDays: 10, thresholds: t });
    expect(hits.map((h) => h.code).sort()).toEqual(['VILLAGE_CASH_OVER_LIMIT', 'VILLAGE_DISPOSAL_BELOW_APPRAISAL', 'VILLAGE_MAJOR_NO_DECISION', 'VILLAGE_PAYEE_CONCENTRATED']);
    expect(hits.every((h) => typeof h.evidence.values['记录日期'] === 'string')).toBe(true);
  });
});
