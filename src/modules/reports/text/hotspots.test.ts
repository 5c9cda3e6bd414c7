import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateKey, hotspotClusters, type HotspotText } from './hotspots';
import { periodHotspots, type PeriodReport } from './hotspotPeriod';

const matters = [
  '北古城镇北村自来水管道破裂半个月无人维修，村民只能到井里挑水',
  '竹山镇中学食堂饭菜质量差价格高，学生家长多次反映没有改善',
  '马街镇化工厂夜间偷排污水，小河发黑发臭，鱼大量死亡',
  '汤池街道农贸市场摊位费上涨一倍，商户经营困难',
  '九乡乡扶贫补助款被村干部截留，贫困户没有领到',
];
const decorations = [(s: string) => s, (s: string) => ` ${s}。`, (s: string) => s.replace(/，/g, ', '), (s: string) => `${s}！！`, (s: string) => s.replace(/，/g, ' \n ')];

function clusterOf(clusters: { memberIds: string[] }[]): Map<string, number> {
  const m = new Map<string, number>();
  clusters.forEach((c, k) => c.memberIds.forEach((id) => m.set(id, k)));
  return m;
}

describe('hot-spot clustering', () => {
  it('always puts identical bodies in one cluster, whatever their titles, spacing and punctuation', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ matter: fc.nat(matters.length - 1), decoration: fc.nat(decorations.length - 1), title: fc.string({ maxLength: 6 }) }), { minLength: 1, maxLength: 25 }),
      fc.array(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 10 }),
      (copies, noise) => {
        const texts: HotspotText[] = [
          ...copies.map((c, i) => ({ id: `c${i}`, title: c.title, body: decorations[c.decoration](matters[c.matter]) })),
          ...noise.map((body, i) => ({ id: `n${i}`, title: '', body })),
        ];
        const clusters = hotspotClusters(texts);
        const where = clusterOf(clusters);
        expect(where.size).toBe(texts.length);
        const byKey = new Map<string, Set<number>>();
        for (const t of texts) byKey.set(duplicateKey(t.title, t.body), (byKey.get(duplicateKey(t.title, t.body)) ?? new Set()).add(where.get(t.id)!));
        for (const set of byKey.values()) expect(set.size).toBe(1);
      },
    ), { numRuns: 40 });
  });

  it('joins near-duplicates and same-matter reports, keeps different matters apart, largest first', () => {
    const texts: HotspotText[] = [
      { id: '1', title: '北村停水', body: matters[0] },
      { id: '2', title: '停水半个月', body: `${matters[0]}，请领导帮忙，联系人张某某` },
      { id: '3', title: '北村自来水管道破裂', body: '北古城镇北村自来水管道破裂，半个月了没有人来维修，老人小孩挑水吃' },
      { id: '4', title: '化工厂排污', body: matters[2] },
      { id: '5', title: '化工厂偷排', body: `${matters[2]}，已经三个月` },
      { id: '6', title: '摊位费', body: matters[3] },
    ];
    const clusters = hotspotClusters(texts);
    expect(clusters.map((c) => c.memberIds)).toEqual([['1', '2', '3'], ['4', '5'], ['6']]);
    expect(clusters.map((c) => c.size)).toEqual([3, 2, 1]);
    expect(['北村停水', '停水半个月', '北村自来水管道破裂']).toContain(clusters[0].title);
    expect(clusters[0].memberIds).toContain(clusters[0].id);
  });

  it('does not treat blank bodies as copies of each other', () => {
    expect(duplicateKey('学校乱收费', ' 。')).not.toBe(duplicateKey('化工厂排污', ''));
    expect(duplicateKey('甲', '同一内容！')).toBe(duplicateKey('乙', '同一 内容'));
  });
});

describe('hot spots of a period', () => {
  const day = (d: number) => new Date(Date.UTC(2026, 2, d, 9)).toISOString();
  const reports: PeriodReport[] = [
    { id: 'p1', title: '北村停水', body: matters[0], receivedAt: day(2), township: '北古城镇' },
    { id: 'a1', title: '北村停水', body: matters[0], receivedAt: day(16), township: '北古城镇' },
    { id: 'a2', title: '北村又停水', body: `${matters[0]}！`, receivedAt: day(20), township: '北古城镇' },
    { id: 'a3', title: '停水', body: `${matters[0]}，请尽快解决`, receivedAt: day(25), township: '狗街镇' },
    { id: 'b1', title: '摊位费', body: matters[3], receivedAt: day(17), township: '汤池街道' },
    { id: 'b2', title: '摊位费涨价', body: `${matters[3]}，请物价部门查处`, receivedAt: day(18) },
    { id: 'c1', title: '补助款', body: matters[4], receivedAt: day(19), township: '九乡乡' },
    { id: 'old', title: '食堂', body: matters[1], receivedAt: day(1) },
  ];

  it('ranks by size then growth, with previous-period counts, places and time span', () => {
    const hot = periodHotspots(reports, { from: '2026-03-15T00:00:00Z', to: '2026-03-29T00:00:00Z' });
    expect(hot.map((h) => [h.size, h.previousSize, h.growth])).toEqual([[3, 1, 2], [2, 0, 2]]);
    expect(hot[0].growthRate).toBe(2);
    expect(hot[1].growthRate).toBeNull();
    expect(hot[0].memberIds).toEqual(['a1', 'a2', 'a3']);
    expect(hot[0].places).toEqual([{ township: '北古城镇', count: 2 }, { township: '狗街镇', count: 1 }]);
    expect(hot[0].firstReceivedAt).toBe(day(16));
    expect(hot[0].lastReceivedAt).toBe(day(25));
    expect(hot[1].places).toEqual([{ township: '汤池街道', count: 1 }]);
    expect(periodHotspots(reports, { from: '2026-03-15T00:00:00Z', to: '2026-03-29T00:00:00Z', minSize: 1, limit: 3 }).map((h) => h.size)).toEqual([3, 2, 1]);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => periodHotspots(reports, { from: '2026-03-15', to: '2026-03-01' })).toThrow(/after its start/);
  });
});
