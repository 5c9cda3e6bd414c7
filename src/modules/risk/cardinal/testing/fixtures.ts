import { normaliseRelease } from '../../ocds/normalise';
import type { Evidence } from '../context';
import { IndicatorEngine, type EngineSummary } from '../engine';
import { resultsObject } from '../output';
import { parseSettings } from '../settings';

/** Hand-made OCDS compiled releases for the indicator tests: only the fields each rule reads. */
type Obj = Record<string, unknown>;

export function bid(id: string, tenderers: string | string[], amount: number | null, status = 'valid', extra: Obj = {}): Obj {
  const ids = Array.isArray(tenderers) ? tenderers : [tenderers];
  return {
    id, status, tenderers: ids.map((t) => ({ id: t })),
    ...(amount === null ? {} : { value: { amount, currency: 'CNY' } }), ...extra,
  };
}

export function award(id: string, suppliers: string | string[], status = 'active', extra: Obj = {}): Obj {
  const ids = Array.isArray(suppliers) ? suppliers : [suppliers];
  return { id, status, suppliers: ids.map((s) => ({ id: s })), ...extra };
}

/** A process won by `winner` at `w` against `others` (tenderer → amount). */
export function priced(ocid: string, winner: string, w: number, others: Record<string, number>, extra: Obj = {}): Obj {
  return {
    ocid, buyer: { id: 'B1' }, tender: { procurementMethod: 'open' },
    bids: { details: [bid(`${ocid}-w`, winner, w), ...Object.entries(others).map(([t, a], i) => bid(`${ocid}-${i}`, t, a))] },
    awards: [award(`${ocid}-a`, winner)], ...extra,
  };
}

export interface TestRun {
  results: Record<string, Record<string, Record<string, number>>>;
  summary: EngineSummary;
  evidence: Evidence[];
}

export function runOn(raws: Obj[], ini: string, opts: { extended?: boolean; map?: boolean; meta?: boolean } = {}): TestRun {
  const evidence: Evidence[] = [];
  const engine = new IndicatorEngine({
    settings: parseSettings(ini), extended: opts.extended ?? false, map: opts.map ?? false, onEvidence: (e) => evidence.push(e),
  });
  for (const raw of raws) {
    const { release } = normaliseRelease(JSON.parse(JSON.stringify(raw)));
    if (release) engine.add(release);
  }
  const summary = engine.finish();
  const results = resultsObject(engine.ctx, { meta: opts.meta ?? false, map: opts.map ?? false }) as TestRun['results'];
  return { results, summary, evidence };
}
