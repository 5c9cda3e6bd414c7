import { describe, expect, it } from 'vitest';
import { computeScreens } from './formulas';

describe('computeScreens', () => {
  // Bids 100, 110, 120, 150 (given out of order to check the sort). n = 4, μ = 480/4 = 120.
  // Deviations −20, −10, 0, 30; squares 400 + 100 + 0 + 900 = 1400; σ² = 1400/3 = 466.667; σ = 21.6025.
  const s = computeScreens([120, 150, 100, 110]);

  it('CV = σ/μ = 21.6025/120', () => expect(s.cv).toBeCloseTo(21.602469 / 120, 6));
  it('SPD = (150 − 100)/100 = 0.5', () => expect(s.spd).toBeCloseTo(0.5, 12));
  it('DIFFP (textbook) = (110 − 100)/100 = 0.1', () => expect(s.diffp).toBeCloseTo(0.1, 12));
  it('RD = (b₂ − b₁)/σ(losing) = 10/20.8167', () => {
    // Losing bids 110, 120, 150: mean 126.667; squares 277.78 + 44.44 + 544.44 = 866.67; σ² = 433.33; σ = 20.8167.
    expect(s.rd).toBeCloseTo(10 / Math.sqrt(1300 / 3), 9);
    expect(s.rd).toBeCloseTo(0.480384, 5);
  });
  it('RDNOR = 10 / ((150 − 100)/3) = 0.6', () => expect(s.rdnor).toBeCloseTo(0.6, 12));
  it('RDALT = 10 / mean(120 − 110, 150 − 120) = 10/20 = 0.5', () => expect(s.rdalt).toBeCloseTo(0.5, 12));
  it('SKEW = 4/(3·2) · (−8000 − 1000 + 0 + 27000)/σ³', () => {
    // σ³ = 466.667 · 21.6025 = 10081.15; Σz³ = 18000/10081.15 = 1.78551; × 4/6 = 1.19034.
    expect(s.skew).toBeCloseTo(1.19034, 4);
  });
  it('KURT = 4·5/(3·2·1) · Σz⁴ − 3·3²/(2·1) = (20/6)·4.5 − 13.5 = 1.5', () => {
    // Σz⁴ = (160000 + 10000 + 0 + 810000)/σ⁴ = 980000/217777.8 = 4.5 exactly.
    expect(s.kurt).toBeCloseTo(1.5, 10);
  });
  it('KS D against U[100, 150] = 0.35', () => {
    // F = 0, 0.2, 0.4, 1. i=1: max(0.25 − 0, 0 − 0) = 0.25; i=2: max(0.5 − 0.2, 0.2 − 0.25) = 0.3;
    // i=3: max(0.75 − 0.4, 0.4 − 0.5) = 0.35; i=4: max(1 − 1, 1 − 0.75) = 0.25. D = 0.35.
    expect(s.ks).toBeCloseTo(0.35, 12);
  });
  it('ceiling ratio = b₁/控制价 when a ceiling is given, else null', () => {
    expect(s.ceilingRatio).toBeNull();
    expect(computeScreens([100, 110, 120, 150], 125).ceilingRatio).toBeCloseTo(0.8, 12);
    expect(computeScreens([100, 110], 0).ceilingRatio).toBeNull();
  });
});

describe('computeScreens edge cases', () => {
  it('a single bid: every distribution screen is null (not 0)', () => {
    const s = computeScreens([100]);
    expect(s.n).toBe(1);
    expect([s.cv, s.spd, s.diffp, s.rd, s.skew, s.kurt, s.ks]).toEqual([null, null, null, null, null, null, null]);
  });

  it('two bids: CV, SPD, DIFFP, KS defined; RD, SKEW, KURT need more bids', () => {
    // 100, 200: μ = 150, σ = √((50² + 50²)/1) = 70.7107; CV = 0.471405; SPD = DIFFP = 1; KS: F = 0, 1 → D = 0.5.
    const s = computeScreens([200, 100]);
    expect(s.cv).toBeCloseTo(Math.SQRT2 * 50 / 150, 9);
    expect(s.spd).toBe(1);
    expect(s.diffp).toBe(1);
    expect(s.ks).toBe(0.5);
    expect([s.rd, s.rdnor, s.rdalt, s.skew, s.kurt]).toEqual([null, null, null, null, null]);
  });

  it('three bids: SKEW defined, KURT not (n − 3 = 0)', () => {
    // 1, 2, 4: μ = 7/3; deviations −4/3, −1/3, 5/3; Σd² = (16 + 1 + 25)/9 = 42/9; σ² = 21/9; σ = 1.527525.
    // Σd³ = (−64 − 1 + 125)/27 = 60/27; Σz³ = (60/27)/σ³ = 2.2222/3.56423 = 0.623480; SKEW = 3/(2·1) · 0.62348 = 0.935220.
    const s = computeScreens([1, 2, 4]);
    expect(s.skew).toBeCloseTo(0.93522, 5);
    expect(s.kurt).toBeNull();
    // RD: losing 2, 4 → σ = √2; RD = 1/√2.
    expect(s.rd).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('all bids tied: CV = 0, SPD = 0, shape screens null', () => {
    const s = computeScreens([50, 50, 50, 50]);
    expect(s.cv).toBe(0);
    expect(s.spd).toBe(0);
    expect(s.diffp).toBe(0);
    expect([s.rd, s.rdnor, s.rdalt, s.skew, s.kurt, s.ks]).toEqual([null, null, null, null, null, null]);
  });

  it('tie for the lowest bid: DIFFP = 0 and RD = 0 (no gap to the first cover bid)', () => {
    // 100, 100, 110, 130: losing 100, 110, 130 → σ = 15.275; RD = 0/15.275 = 0.
    const s = computeScreens([100, 130, 100, 110]);
    expect(s.diffp).toBe(0);
    expect(s.rd).toBe(0);
  });

  it('losing bids all equal: RD and RDALT undefined (σ of the losing bids is 0)', () => {
    const s = computeScreens([90, 100, 100, 100]);
    expect(s.rd).toBeNull();
    expect(s.rdalt).toBeNull();
    // RDNOR = 10 / ((100 − 90)/3) = 3.
    expect(s.rdnor).toBeCloseTo(3, 12);
  });
});
