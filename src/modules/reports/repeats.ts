import { charNgramsNormalised, normaliseText, tokenizeNormalised } from '../../platform/text/tokenize';

/**
 * Repeat detection (重复件). Two signals, as the 检举控告规则 第十四条 ledger needs them:
 *  - the same accused: equal name, plus the same unit when both give one;
 *  - the same matter: MinHash estimate of the Jaccard similarity of the texts' shingles (jieba words plus
 *    character bigrams, so place names missing from the dictionary still match).
 * Signatures are 64 independent 32-bit min-hashes; their agreement rate estimates the Jaccard index with a
 * standard error of about 0.06, enough to rank candidates for a person to confirm.
 */
const PERMUTATIONS = 64;
export const SIMILAR_THRESHOLD = 0.45;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

/** A 32-bit mixer (murmur3 finaliser) keyed by the permutation's seed. */
function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const seeds = Array.from({ length: PERMUTATIONS }, (_, i) => mix(i + 1, 0x9e3779b9));

export function shingles(text: string): Set<string> {
  const normalised = normaliseText(text);
  return new Set([...tokenizeNormalised(normalised).map((w) => `w:${w}`), ...charNgramsNormalised(normalised, 2).map((g) => `c:${g}`)]);
}

export function minhash(text: string): Uint32Array {
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const s of shingles(text)) {
    const h = fnv1a(s);
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = mix(h, seeds[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) same++;
  return same / PERMUTATIONS;
}

export interface RepeatCandidateInput { id: string; title: string; content: string; accusedName: string | null; accusedUnit: string | null }
export interface RepeatCandidate { id: string; score: number; reasons: Array<'sameAccused' | 'similarText'> }

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

/** Rank earlier reports as candidates for being the same matter or the same accused as `target`. */
export function rankCandidates(target: Omit<RepeatCandidateInput, 'id'>, pool: RepeatCandidateInput[], limit = 10): RepeatCandidate[] {
  const sig = minhash(`${target.title} ${target.content}`);
  const name = norm(target.accusedName);
  const unit = norm(target.accusedUnit);
  const out: RepeatCandidate[] = [];
  for (const p of pool) {
    const reasons: RepeatCandidate['reasons'] = [];
    const pName = norm(p.accusedName);
    const pUnit = norm(p.accusedUnit);
    const sameAccused = name !== '' && pName === name && (!unit || !pUnit || unit.includes(pUnit) || pUnit.includes(unit));
    if (sameAccused) reasons.push('sameAccused');
    const score = similarity(sig, minhash(`${p.title} ${p.content}`));
    if (score >= SIMILAR_THRESHOLD) reasons.push('similarText');
    if (reasons.length > 0) out.push({ id: p.id, score: Math.round((sameAccused ? Math.max(score, 0.5) + 0.5 : score) * 100) / 100, reasons });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}
