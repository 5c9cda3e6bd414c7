import { describe, expect, it } from 'vitest';
import type { Bid, BidIdentity } from './api';
import { sharedValues } from './derive';
import { bidChartOption, currentValue, paymentChartOption, type ChartText } from './processCharts';
import type { Contract, ProcessDetail } from './api';

const noIdentity: BidIdentity = { contactPerson: null, phone: null, email: null, address: null, legalRepresentative: null, projectManager: null, bondAccount: null, ip: null, mac: null, caSerial: null, documentHash: null };
const bid = (name: string, amount: number, winner = false, identity: Partial<BidIdentity> = {}): Bid => ({
  id: name, bidId: name, status: 'valid', date: null, amount, currency: 'CNY', bidderIds: [name], bidderNames: [name], creditCode: null, companyId: null, winner,
  identity: { ...noIdentity, ...identity },
});
const text: ChartText = { bid: '投标报价', winner: '中标人', estimate: '最高限价', mean: '平均', paid: '累计支付', contractValue: '合同金额', progress: '形象进度', yuan: '元', zh: true };

describe('identity values shared across bids', () => {
  it('matches phones written differently and ignores values only one bid has', () => {
    const shared = sharedValues([
      bid('A', 1, false, { phone: '0871-6512 3456', email: 'a@x.cn' }), bid('B', 2, false, { phone: '087165123456', email: 'b@x.cn' }), bid('C', 3, false, { mac: 'AA:BB:CC' }),
      bid('D', 4, false, { mac: 'aa-bb-cc', ip: '10.0.0.1' }),
    ]);
    expect([...shared.keys()].sort()).toEqual(['mac', 'phone']);
    expect([...shared.get('phone')!]).toEqual(['087165123456']);
  });
});

describe('tender page charts', () => {
  const process = { value: 1_050_000, bids: [bid('C', 1_006_000), bid('A', 1_000_000, true), bid('B', 1_003_500)] } as unknown as ProcessDetail;
  it('plots bids from lowest to highest, the winner in its own series, the estimate and mean as lines', () => {
    const o = bidChartOption(process, text) as { xAxis: { data: string[] }; yAxis: { min: number; max: number }; series: Array<{ data: unknown[]; markLine?: { data: Array<{ yAxis: number }> } }> };
    expect(o.xAxis.data).toEqual(['A', 'B', 'C']);
    expect(o.series[0].data).toEqual(['-', 1_003_500, 1_006_000]);
    expect(o.series[1].data).toEqual([1_000_000, '-', '-']);
    expect(o.series[0].markLine!.data.map((d) => d.yAxis)).toEqual([1_050_000, 1_003_166.6666666666]);
    // The axis hugs the bids and the estimate, so a 1% spread is visible.
    expect(o.yAxis.min).toBeGreaterThan(990_000);
    expect(o.yAxis.max).toBeGreaterThan(1_050_000);
    expect(o.yAxis.max).toBeLessThan(1_060_000);
  });

  const contract: Contract = {
    id: 'c', contractId: 'HT-1', awardId: null, status: 'active', dateSigned: '2026-09-28', amount: 1_000_000,
    amendments: [{ id: 'a1', date: '2026-10-01', amount: 1_200_000, description: null }],
    payments: [{ id: 'p2', date: '2026-11-10', amount: 400_000, kind: 'progress' }, { id: 'p1', date: '2026-10-10', amount: 350_000, kind: 'advance' }],
    milestones: [{ id: 'm', title: '形象进度', date: '2026-11-10', progress: 0.5 }],
  };
  it('accumulates payments by date from the signing, against the amended value and progress in yuan', () => {
    expect(currentValue(contract)).toBe(1_200_000);
    const o = paymentChartOption([contract], text) as { yAxis: { max: number }; series: Array<{ data: unknown[]; markLine?: { data: Array<{ yAxis: number }> } }> };
    expect(o.series[0].data).toEqual([['2026-09-28', 0], ['2026-10-10', 350_000], ['2026-11-10', 750_000]]);
    expect(o.series[0].markLine!.data.map((d) => d.yAxis)).toEqual([1_200_000, 1_000_000]);
    expect(o.series[1].data).toEqual([['2026-11-10', 600_000]]);
    expect(o.yAxis.max).toBeGreaterThanOrEqual(1_200_000);
  });
});
