import { describe, expect, it } from 'vitest';
import { generateCreditCode } from '../../platform/identifiers';
import { demoReleases, type DemoCompany } from './demoData';
import { normaliseRelease } from './ocds/normalise';
import { screenReleases } from './screening';
import { toOcds } from './testing/toOcds';

export const testCompanies = (n = 20): DemoCompany[] => Array.from({ length: n }, (_, i) => ({
  id: `c${i}`, name: `测试${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${i}建设有限公司`, creditCode: generateCreditCode('530125', 100 + i), legalRepresentative: `${'张王李赵刘陈杨黄周吴'[i % 10]}某某`, address: `某某镇某某路${i + 1}号`,
}));
const buyers = [{ name: '甲镇人民政府' }, { name: '乙乡人民政府' }, { name: '县交通运输局' }, { name: '县教育体育局' }];

describe('screening of generated processes', () => {
  const releases = demoReleases('530125', 2026, testCompanies(), buyers);
  const stored = releases.map((release, i) => ({ processId: `p${i}`, unitId: 'u', release }));

  it('the OCDS form of a generated process normalises back to the same model', () => {
    for (const r of releases.slice(0, 5).concat(releases.slice(-10))) {
      const back = normaliseRelease(JSON.parse(JSON.stringify(toOcds(r))));
      expect(back.issues).toEqual([]);
      expect(back.release).toEqual(r);
    }
  });

  it('finds the planted patterns and maps every hit to its processes', () => {
    const { hits } = screenReleases(stored);
    const codes = new Set(hits.map((h) => h.code));
    for (const c of ['SHARED_PHONE', 'SHARED_BID_BOND_ACCOUNT', 'SHARED_MAC', 'SHARED_DOCUMENT_HASH', 'SPLIT_PURCHASE', 'PAYMENT_OVER_CONTRACT', 'PREPAYMENT_OVER_CAP']) {
      expect(codes, c).toContain(c);
    }
    expect([...codes].some((c) => c.startsWith('SCREEN_'))).toBe(true);
    expect([...codes].some((c) => /^R\d{3}$/.test(c))).toBe(true);
    const bond = hits.find((h) => h.code === 'SHARED_BID_BOND_ACCOUNT')!;
    expect(bond.processIds).toHaveLength(1);
    expect(bond.supplierNames.length).toBeGreaterThanOrEqual(3);
    expect(new Set(hits.map((h) => h.key)).size).toBe(hits.length);
    // Every tender-level hit names the process it came from.
    for (const h of hits.filter((x) => x.evidence.records.some((r) => r.kind === 'tender'))) expect(h.processIds.length, h.code).toBeGreaterThan(0);
  });

  it('is deterministic: the same processes give the same hit keys', () => {
    const a = screenReleases(stored).hits.map((h) => h.key).sort();
    const b = screenReleases(stored).hits.map((h) => h.key).sort();
    expect(a).toEqual(b);
  });
});
