import type { RecordRef, RedFlagHit, SignalResult } from '../signals/hit';
import type { TenderBids } from '../signals/types';
import { tenderScreens, type MarketCalibration } from './calibrate';
import { SCREEN_NAMES } from './formulas';
import { screenFeatures, scoreWithModel } from './model';

/**
 * Judge tenders against their market's calibration. One hit per screen past its threshold (weak: a
 * statistical indication), plus one for the combined score past its cut (medium, since it aggregates).
 * Screens that are undefined for a tender are reported as not applicable, never silently skipped.
 */
export const SCREEN_CODE = (name: string): string => `SCREEN_${name.toUpperCase()}`;

export function screenTenders(tenders: readonly TenderBids[], calibration: MarketCalibration): SignalResult {
  const out: SignalResult = { hits: [], notApplicable: [] };
  for (const t of tenders) {
    const s = tenderScreens(t);
    if ('reason' in s) {
      out.notApplicable.push(s);
      continue;
    }
    if (s.n < 2) {
      out.notApplicable.push({ code: 'SCREEN', subjectId: t.tenderId, reason: 'tooFewBids', detail: `n=${s.n}` });
      continue;
    }
    const records: RecordRef[] = [
      { kind: 'tender', id: t.tenderId },
      ...t.bids.filter((b) => b.status !== 'withdrawn').map((b): RecordRef => ({ kind: 'bid', id: b.bidId ?? `${t.tenderId}/${b.bidderId}` })),
    ];
    const amounts = t.bids.filter((b) => b.status !== 'withdrawn').map((b) => b.amount).sort((a, b) => a - b);
    for (const name of SCREEN_NAMES) {
      const th = calibration.thresholds[name];
      if (!th) continue;
      const v = s[name];
      if (v === null) {
        out.notApplicable.push({ code: SCREEN_CODE(name), subjectId: t.tenderId, reason: s.n < 4 ? 'tooFewBids' : 'degenerate', detail: `n=${s.n}` });
        continue;
      }
      if (th.direction === 'low' ? v <= th.value : v >= th.value) {
        out.hits.push(hit(SCREEN_CODE(name), t.tenderId, 'weak', `${name} ${th.direction === 'low' ? '≤' : '≥'} market threshold`, {
          market: calibration.market, value: th.value, direction: th.direction, method: th.method,
          quantile: th.quantile ?? null, youdenJ: th.youdenJ ?? null,
        }, { [name]: v, n: s.n, amounts }, records));
      }
    }
    if (calibration.model && calibration.scoreThreshold !== undefined) {
      const score = scoreWithModel(calibration.model, screenFeatures(s));
      if (score >= calibration.scoreThreshold) {
        out.hits.push(hit('SCREEN_COMBINED', t.tenderId, 'medium', 'combined screen score ≥ market cut (logistic regression)', {
          market: calibration.market, value: calibration.scoreThreshold, features: calibration.model.features,
        }, { score, n: s.n, ...Object.fromEntries(SCREEN_NAMES.map((k) => [k, s[k]])) }, records));
      }
    }
  }
  return out;
}

function hit(
  code: string, subjectId: string, strength: RedFlagHit['strength'], rule: string,
  threshold: RedFlagHit['evidence']['threshold'], values: RedFlagHit['evidence']['values'], records: RecordRef[],
): RedFlagHit {
  return { code, subjectId, strength, evidence: { rule, lawRef: '招标投标法实施条例第四十条(四) 投标报价呈规律性差异 (statistical indication)', threshold, values, records } };
}
