import { describe, expect, it } from 'vitest';
import { award, bid, priced, runOn } from './testing/fixtures';

// Seven ordinary processes, d = 0.10 … 0.16 (W = 100, runner-up 110 … 116).
const ordinary = [0, 1, 2, 3, 4, 5, 6].map((i) => priced(`p${i}`, `W${i}`, 100, { [`L${i}`]: 110 + i }));

describe('R024 price close to winning bid', () => {
  it('flags d below Q1 − 1.5·IQR (type-8 quartiles), with the winner and the runner-up', () => {
    // d = [0.01, 0.10 … 0.16]: q1 = 0.104167, q3 = 0.145833, fence = 0.041667 (worked by hand).
    const { results, evidence } = runOn([...ordinary, priced('close', 'W', 100, { R: 101, S: 130 })], '[R024]', { map: true, meta: true });
    expect(Object.keys(results.OCID)).toEqual(['close']);
    expect(results.OCID.close.R024).toBeCloseTo(0.01, 10);
    expect(results.Tenderer).toEqual({ W: { R024: 0 }, R: { R024: 0 } });
    expect((results.Meta as unknown as Record<string, Record<string, number>>).R024).toEqual({ q1: 0.1042, q3: 0.1458, lower_fence: 0.0417 });
    expect(evidence[0]).toMatchObject({ bidIds: ['close-w', 'close-0'], awardIds: ['close-a'], values: { winnerAmount: 100, runnerUpAmount: 101 } });
  });

  it('skips processes whose lowest bid did not win, pending awards, and zero-IQR-at-zero data', () => {
    const { results, summary } = runOn([
      priced('notlowest', 'W', 100, { L: 90 }),
      { ...priced('pending', 'W', 100, { L: 101 }), awards: [award('a', 'W', 'pending')] },
      priced('z1', 'A', 100, { B: 100 }), priced('z2', 'A', 100, { B: 100 }), priced('z3', 'A', 100, { B: 100 }),
    ], '[R024]');
    expect(results.OCID).toBeUndefined(); // q1 = 0 → guard
    expect(summary.applicability.R024!.notApplicable['lowest bid did not win']).toBe(1);
    expect(summary.applicability.R024!.notApplicable['awards not final']).toBe(1);
  });

  it('uses a fixed threshold inclusively, and the winner\'s lowest of several bids', () => {
    const raw = priced('t', 'W', 120, { L: 105 });
    (raw.bids as { details: unknown[] }).details.push(bid('t-w2', 'W', 100));
    const { results } = runOn([raw], '[R024]\nthreshold = 0.05');
    expect(results.OCID.t.R024).toBeCloseTo(0.05, 10);
  });

  it('ignores cancelled awards but not a second active one; lots and consortia only in extended mode', () => {
    const lots = {
      ocid: 'lots',
      bids: { details: [
        bid('b1', 'W1', 100, 'valid', { relatedLots: ['L1'] }), bid('b2', 'X', 101, 'valid', { relatedLots: ['L1'] }),
        bid('b3', 'W2', 100, 'valid', { relatedLots: ['L2'] }), bid('b4', 'Y', 150, 'valid', { relatedLots: ['L2'] }),
      ] },
      awards: [award('a1', 'W1', 'active', { relatedLots: ['L1'] }), award('a2', 'W2', 'active', { relatedLots: ['L2'] }), award('a0', 'Z', 'cancelled')],
    };
    const consortium = {
      ocid: 'jv', bids: { details: [bid('b1', ['A', 'B'], 100), bid('b2', 'C', 100.5)] }, awards: [award('a1', ['B', 'A'])],
    };
    const ini = '[R024]\nthreshold = 0.05';
    expect(runOn([lots, consortium], ini).results.OCID).toBeUndefined();
    const ext = runOn([lots, consortium], ini, { extended: true });
    expect(Object.keys(ext.results.OCID)).toEqual(['lots', 'jv']);
    expect(ext.results.Tenderer).toMatchObject({ W1: { R024: 0 }, X: { R024: 0 }, A: { R024: 0 }, B: { R024: 0 }, C: { R024: 0 } });
    expect(ext.evidence.find((e) => e.id === 'lots')).toMatchObject({ lot: 'L1', extended: true });
  });
});

describe('R058 heavily discounted bid', () => {
  it('flags d at or above Q3 + 1.5·IQR and the winner only', () => {
    // d = [0.10 … 0.16, 0.5]: q3 = 0.155833, IQR = 0.041667, fence = 0.218333.
    const { results } = runOn([...ordinary, priced('cheap', 'W', 100, { R: 150 })], '[R058]', { map: true });
    expect(results.OCID).toEqual({ cheap: { R058: 0.5 } });
    expect(results.Tenderer).toEqual({ W: { R058: 0 } });
  });

  it('does not flag a single process in extended mode (IQR = 0), unlike Cardinal', () => {
    const raw = [priced('only', 'W', 100, { R: 150 })];
    expect(runOn(raw, '[R058]').results.OCID).toEqual({ only: { R058: 0.5 } });
    expect(runOn(raw, '[R058]', { extended: true }).results.OCID).toBeUndefined();
  });
});

describe('R025 excessive unsuccessful bids', () => {
  // X bids in 8 processes and wins 1; A wins 1 of 2; B … G win their only bid.
  const raws = [priced('q1', 'X', 100, { A: 110 }), ...['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((w, i) => priced(`q${i + 2}`, w, 100, { X: 120 }))];

  it('flags a tenderer at or above the 75th percentile of bids whose win ratio is below the fence', () => {
    // counts p75 = 1.5833; ratios [0.125, 0.5, 1 ×6]: q1 = 0.7083, q3 = 1, fence = 0.2708.
    const { results, evidence } = runOn(raws, '[R025]');
    expect(results.Tenderer).toEqual({ X: { R025: 0.125 } });
    expect(evidence[0].values).toMatchObject({ wins: 1, competitions: 8 });
  });

  it('with a fixed threshold', () => {
    expect(runOn(raws, '[R025]\nthreshold = 0.1').results.Tenderer).toBeUndefined();
    expect(runOn(raws, '[R025]\nthreshold = 0.5\npercentile = 50').results.Tenderer).toEqual({ X: { R025: 0.125 }, A: { R025: 0.5 } });
  });
});

describe('R035 all except winning bid disqualified', () => {
  const rel = (ocid: string, statuses: string[]) => ({
    ocid, bids: { details: [bid('w', 'W', 100), ...statuses.map((s, i) => bid(`b${i}`, `T${i}`, 90, s))] }, awards: [award('a', 'W')],
  });

  it('counts the disqualified tenderers other than the winner', () => {
    const { results } = runOn([rel('all', ['disqualified', 'disqualified']), rel('some', ['disqualified', 'valid'])], '[R035]', { map: true });
    expect(results.OCID).toEqual({ all: { R035: 2 } });
    expect(results.Tenderer).toEqual({ W: { R035: 0 } });
  });

  it('respects the threshold and needs final awards', () => {
    expect(runOn([rel('all', ['disqualified', 'disqualified'])], '[R035]\nthreshold = 3').results.OCID).toBeUndefined();
    const pending = { ...rel('p', ['disqualified']), awards: [award('a', 'W', 'pending')] };
    expect(runOn([pending], '[R035]').results.OCID).toBeUndefined();
  });
});

describe('R038 excessive disqualified bids', () => {
  // Five buyers, one process of four bids each; disqualified 0, 1, 1, 1, 4 → ratios 0, .25, .25, .25, 1.
  const raws = [0, 1, 1, 1, 4].map((d, i) => ({
    ocid: `o${i}`, buyer: { id: `B${i}` },
    bids: { details: [0, 1, 2, 3].map((j) => bid(`b${j}`, `T${i}${j}`, 10, j < d ? 'disqualified' : 'valid')) },
  }));

  it('flags a buyer at the upper fence (inclusive: q1 = 1/6, q3 = 0.5, fence = 1.0)', () => {
    const { results } = runOn(raws, '[R038]', { map: true });
    expect(results.Buyer).toEqual({ B4: { R038: 1 } });
    expect(results.Tenderer).toBeUndefined(); // every tenderer has one bid < minimum_submitted_bids
  });

  it('drops organisations below the minimum number of submitted bids', () => {
    expect(runOn(raws, '[R038]\nminimum_contracting_processes = 5').results.Buyer).toBeUndefined();
  });
});

describe('R048 heterogeneous supplier', () => {
  it('flags suppliers whose classification prefixes reach the ceiled upper fence', () => {
    const codes: Record<string, string[]> = { S1: ['45000000'], S2: ['45100000'], S3: ['30'], S4: ['31'], S5: ['10', '20', '30', '40', '50'] };
    const raws = Object.entries(codes).map(([s, cs]) => ({
      ocid: `o-${s}`, awards: [award(`a-${s}`, s, 'active', { items: cs.map((id, i) => ({ id: String(i), classification: { scheme: 'CPV', id } })) })],
    }));
    // variety [1,1,1,1,5]: q1 = 1, q3 = 2.333, fence = ceil(4.333) = 5.
    const { results } = runOn(raws, '[R048]\nminimum_contracting_processes = 1');
    expect(results.Tenderer).toEqual({ S5: { R048: 5 } });
    expect(runOn(raws, '[R048]').results.Tenderer).toBeUndefined(); // default minimum 20 processes
  });
});
