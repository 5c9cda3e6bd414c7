import { describe, expect, it } from 'vitest';
import { normaliseRelease } from '../ocds/normalise';
import { awardsOf, bidderProfilesOf, contractSideOf, evaluationOf, tenderBidsOf } from './ocdsAdapter';
import { paymentSignals } from './payments';
import { sharedIdentity } from './sharedIdentity';

const raw = {
  ocid: 'ocds-x-1', date: '2024-01-05T00:00:00Z', buyer: { id: 'BUY' },
  tender: { id: 't', mainProcurementCategory: 'works', procurementMethod: 'open', value: { amount: 5_000_000, currency: 'CNY' } },
  parties: [
    { id: 'A', roles: ['tenderer'], contactPoint: { name: '张三', telephone: '0871-1234567' } },
    { id: 'B', roles: ['tenderer'], contactPoint: { name: '李四', telephone: '08711234567' } },
  ],
  bids: { details: [
    { id: 'b1', status: 'valid', value: { amount: 4_500_000, currency: 'CNY' }, tenderers: [{ id: 'A' }], submissionFingerprint: { mac: 'AA-BB' },
      evaluations: [{ expertId: 'E1', score: 90 }] },
    { id: 'b2', status: 'valid', value: { amount: 4_600_000, currency: 'CNY' }, tenderers: [{ id: 'B' }], submissionFingerprint: { mac: 'aa:bb' },
      evaluations: [{ expertId: 'E1', score: 80 }] },
  ] },
  awards: [{ id: 'aw1', status: 'active', date: '2024-01-10', value: { amount: 4_500_000, currency: 'CNY' }, suppliers: [{ id: 'A' }], relatedBid: 'b1' }],
  contracts: [{
    id: 'c1', awardID: 'aw1', dateSigned: '2024-01-20', value: { amount: 4_500_000, currency: 'CNY' },
    amendments: [{ id: 'am1', value: { amount: 5_200_000, currency: 'CNY' } }],
    implementation: {
      transactions: [{ id: 'p1', date: '2024-01-15', value: { amount: 1_000_000, currency: 'CNY' }, kind: 'advance' }],
      milestones: [{ id: 'm1', dateMet: '2024-01-01', description: '0.00%' }],
    },
  }],
};

describe('OCDS adapters', () => {
  const release = normaliseRelease(raw).release!;

  it('bids with the winner from relatedBid and the ceiling from tender.value', () => {
    const [t] = tenderBidsOf(release, 'works');
    expect(t).toMatchObject({ tenderId: 'ocds-x-1', ceiling: 5_000_000, currency: 'CNY', market: 'works' });
    expect(t.bids.map((b) => [b.bidderId, b.amount, b.winner])).toEqual([['A', 4_500_000, true], ['B', 4_600_000, false]]);
  });

  it('profiles from parties and fingerprints feed the shared-identity signal', () => {
    const codes = sharedIdentity('ocds-x-1', bidderProfilesOf(release)).hits.map((h) => h.code).sort();
    expect(codes).toEqual(['SHARED_MAC', 'SHARED_PHONE']);
  });

  it('awards, contracts, amendments (value after change → step), payments and milestones', () => {
    expect(awardsOf(release)).toEqual([expect.objectContaining({ awardId: 'aw1', buyerId: 'BUY', supplierId: 'A', category: 'works' })]);
    const side = contractSideOf(release);
    expect(side.amendments).toEqual([expect.objectContaining({ contractId: 'c1', amountChange: 700_000 })]);
    expect(side.payments[0]).toMatchObject({ kind: 'prepayment', amount: 1_000_000 });
    expect(side.milestones[0]).toMatchObject({ progress: 0 });
    const r = paymentSignals(side.contracts, side.payments, side.milestones, side.amendments);
    expect(r.hits.map((h) => h.code)).toEqual(['PAYMENT_BEFORE_SIGNING']);
  });

  it('evaluation scores per bid', () => {
    expect(evaluationOf(release).scores).toEqual([
      { tenderId: 'ocds-x-1', expertId: 'E1', bidderId: 'A', score: 90 },
      { tenderId: 'ocds-x-1', expertId: 'E1', bidderId: 'B', score: 80 },
    ]);
  });
});
