import { describe, expect, it } from 'vitest';
import { award, bid, runOn } from './testing/fixtures';

const period = (start: string, end: string) => ({ tenderPeriod: { startDate: start, endDate: end } });

describe('R003 short submission period', () => {
  const rel = (ocid: string, start: string, end: string, extra = {}) => ({ ocid, tender: { procurementMethod: 'open', ...period(start, end), ...extra } });

  it('flags fewer whole days than the threshold (truncated: 14 days 23 h = 14 days)', () => {
    const { results, evidence } = runOn([
      rel('short', '2026-01-01T00:00:00Z', '2026-01-15T23:00:00Z'),
      rel('ok', '2026-01-01T00:00:00Z', '2026-01-16T00:00:00Z'),
    ], '[R003]');
    expect(results.OCID).toEqual({ short: { R003: 1 } });
    expect(evidence[0].values.days).toBe(14);
  });

  it('uses per-procurementMethodDetails thresholds and the procurement method filter', () => {
    const ini = '[R003]\nprocurement_methods = open\n[R003.procurement_method_details]\nFast = 5';
    const { results } = runOn([
      rel('fast-ok', '2026-01-01T00:00:00Z', '2026-01-08T00:00:00Z', { procurementMethodDetails: 'Fast' }),
      rel('slow', '2026-01-01T00:00:00Z', '2026-01-08T00:00:00Z', { procurementMethodDetails: 'Slow' }),
      { ocid: 'direct', tender: { procurementMethod: 'direct', ...period('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z') } },
    ], ini);
    expect(Object.keys(results.OCID)).toEqual(['slow']);
  });

  it('skips cancelled tenders and dates that are not RFC 3339 (unless --extended reads bare dates)', () => {
    const raws = [
      rel('cancelled', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', { status: 'cancelled' }),
      rel('bare', '2026-01-01', '2026-01-03'),
      { ocid: 'missing', tender: { procurementMethod: 'open' } },
    ];
    const compat = runOn(raws, '[R003]');
    expect(compat.results.OCID).toBeUndefined();
    expect(compat.summary.excluded['tender cancelled']).toBe(1);
    expect(compat.summary.applicability.R003!.notApplicable['tender period dates missing or not RFC 3339']).toBe(2);
    expect(runOn(raws, '[R003]', { extended: true }).results.OCID).toEqual({ bare: { R003: 1 } });
  });
});

describe('R018 single bid received', () => {
  it('flags numberOfTenderers = 1 in open and selective procedures only', () => {
    const { results } = runOn([
      { ocid: 'one', tender: { procurementMethod: 'open', numberOfTenderers: 1 } },
      { ocid: 'two', tender: { procurementMethod: 'open', numberOfTenderers: 2 } },
      { ocid: 'direct', tender: { procurementMethod: 'direct', numberOfTenderers: 1 } },
      { ocid: 'missing', tender: { procurementMethod: 'selective' }, bids: { details: [bid('b', 'T1', 10)] } },
    ], '[R018]');
    expect(results.OCID).toEqual({ one: { R018: 1 } });
  });

  it('extended mode counts the bidders when numberOfTenderers is absent', () => {
    const { results, evidence } = runOn([
      { ocid: 'missing', tender: { procurementMethod: 'selective' }, bids: { details: [bid('b', 'T1', 10)] } },
    ], '[R018]', { extended: true });
    expect(results.OCID).toEqual({ missing: { R018: 1 } });
    expect(evidence[0].extended).toBe(true);
  });
});

describe('R028 identical bid prices', () => {
  it('flags two different tenderers with the same amount and currency, and both tenderers', () => {
    const { results, evidence } = runOn([{
      ocid: 'p', bids: { details: [bid('b1', 'A', 100), bid('b2', 'B', 100), bid('b3', 'C', 120)] },
    }], '[R028]', { map: true });
    expect(results.OCID).toEqual({ p: { R028: 1 } });
    expect(results.Tenderer).toEqual({ A: { R028: 1 }, B: { R028: 1 } });
    expect(evidence[0].bidIds).toEqual(['b1', 'b2']);
  });

  it('allows a tenderer to repeat its own price, and different currencies do not match', () => {
    const { results } = runOn([
      { ocid: 'self', bids: { details: [bid('b1', 'A', 100), bid('b2', 'A', 100)] } },
      { ocid: 'fx', bids: { details: [bid('b1', 'A', 100), { ...bid('b2', 'B', 100), value: { amount: 100, currency: 'USD' } }] } },
      { ocid: 'withdrawn', bids: { details: [bid('b1', 'A', 100), bid('b2', 'B', 100, 'withdrawn')] } },
    ], '[R028]');
    expect(results.OCID).toBeUndefined();
  });

  it('honours the no-price-comparison procurement methods', () => {
    const raw = { ocid: 'p', tender: { procurementMethodDetails: 'Lottery' }, bids: { details: [bid('b1', 'A', 1), bid('b2', 'B', 1)] } };
    expect(runOn([raw], 'no_price_comparison_procurement_methods = Lottery\n[R028]').results.OCID).toBeUndefined();
    expect(runOn([raw], 'price_comparison_procurement_methods = Other\n[R028]').results.OCID).toBeUndefined();
    expect(runOn([raw], 'price_comparison_procurement_methods = Lottery\n[R028]').results.OCID).toEqual({ p: { R028: 1 } });
  });
});

describe('R030 late bid won', () => {
  const rel = (ocid: string, end: string, bidDate: string) => ({
    ocid, tender: { tenderPeriod: { endDate: end } },
    bids: { details: [bid('b1', 'W', 100, 'valid', { date: bidDate }), bid('b2', 'L', 90, 'valid', { date: '2026-01-01T00:00:00Z' })] },
    awards: [award('a1', 'W')],
  });

  it('flags a valid late bid whose tenderer won, and the tenderer', () => {
    const { results } = runOn([rel('late', '2026-01-10T00:00:00Z', '2026-01-11T00:00:00Z'), rel('ontime', '2026-01-10T00:00:00Z', '2026-01-09T00:00:00Z')], '[R030]');
    expect(results.OCID).toEqual({ late: { R030: 1 } });
    expect(results.Tenderer).toEqual({ W: { R030: 1 } });
  });

  it('compares strings like Cardinal; --extended compares instants across time zones', () => {
    // 09:00+08:00 is 01:00Z: before the 02:00Z deadline, but the string sorts after it.
    const raw = rel('tz', '2026-01-10T02:00:00Z', '2026-01-10T09:00:00+08:00');
    expect(runOn([raw], '[R030]').results.OCID).toEqual({ tz: { R030: 1 } });
    expect(runOn([raw], '[R030]', { extended: true }).results.OCID).toBeUndefined();
  });
});

describe('R036 lowest bid disqualified', () => {
  it('flags when the lowest submitted bid is disqualified and a valid bid has an amount', () => {
    const { results } = runOn([
      { ocid: 'p', bids: { details: [bid('b1', 'A', 80, 'disqualified'), bid('b2', 'B', 100)] }, awards: [award('a', 'B')] },
      { ocid: 'q', bids: { details: [bid('b1', 'A', 80), bid('b2', 'B', 100, 'disqualified')] }, awards: [award('a', 'A')] },
      { ocid: 'noaward', bids: { details: [bid('b1', 'A', 80, 'disqualified'), bid('b2', 'B', 100)] }, awards: [award('a', 'B', 'pending')] },
    ], '[R036]');
    expect(results.OCID).toEqual({ p: { R036: 1 } });
  });

  it('on a tie the first of the equal lowest bids counts', () => {
    const tie = (first: string) => ({
      ocid: first, bids: { details: [bid('b1', 'A', 80, first), bid('b2', 'B', 80, first === 'valid' ? 'disqualified' : 'valid')] },
      awards: [award('a', 'B')],
    });
    expect(runOn([tie('disqualified')], '[R036]').results.OCID).toEqual({ disqualified: { R036: 1 } });
    expect(runOn([tie('valid')], '[R036]').results.OCID).toBeUndefined();
  });

  it('ignores bids in another currency than the main one', () => {
    const { results, summary } = runOn([{
      ocid: 'fx', bids: { details: [bid('b0', 'C', 100), { ...bid('b1', 'A', 1, 'disqualified'), value: { amount: 1, currency: 'USD' } }] },
      awards: [award('a', 'C')],
    }], 'currency = CNY\n[R036]');
    expect(results.OCID).toBeUndefined();
    expect(summary.currencyMismatches).toBe(1);
  });
});

describe('global exclusions', () => {
  it('skips excluded procurementMethodDetails before any indicator and counts them', () => {
    const raws = [
      { ocid: 'x', tender: { procurementMethod: 'open', procurementMethodDetails: 'Framework', numberOfTenderers: 1 } },
      { ocid: 'y', tender: { procurementMethod: 'open', procurementMethodDetails: 'Open', numberOfTenderers: 1 } },
    ];
    const { results, summary } = runOn(raws, '[exclusions]\nprocurement_method_details = Framework|Other\n[R018]');
    expect(results.OCID).toEqual({ y: { R018: 1 } });
    expect(summary.excluded).toEqual({ 'procurementMethodDetails excluded': 1 });
  });
});
