/**
 * Term → feature number, looked up by two independent 32-bit string hashes in an open-addressing table.
 * A JavaScript Map over a large Chinese vocabulary costs several cache misses per lookup and dominated
 * classification time (about 0.5 µs a term, 600 terms a message); this table costs one or two. A term
 * matches only when both hashes agree, so an unknown term is mistaken for a known one with probability
 * about 2⁻³² per lookup: negligible for a suggestion, and the vocabulary itself stays in the model.
 */
let h1 = 0;
let h2 = 0;

/** Hash `prefix + term` into h1, h2 without building the concatenated string (classification's hot path). */
function hash(prefix: string, term: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let part = 0; part < 2; part++) {
    const s = part === 0 ? prefix : term;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 16777619);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  h1 = a | 0;
  h2 = b | 0;
}

export class TermIndex {
  private readonly mask: number;
  /** Slots of three int32 each — hash 1, hash 2, feature number (-1 empty) — so a probe reads one cache line. */
  private readonly slots: Int32Array;

  constructor(terms: readonly string[]) {
    // Load factor up to 0.8: a slightly longer probe beats a table that no longer fits the CPU cache.
    let size = 16;
    while (size * 0.8 < terms.length) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 3);
    for (let s = 0; s < size; s++) this.slots[s * 3 + 2] = -1;
    terms.forEach((t, i) => {
      hash('', t);
      let slot = h1 & this.mask;
      while (this.slots[slot * 3 + 2] !== -1) {
        if (this.slots[slot * 3] === h1 && this.slots[slot * 3 + 1] === h2) throw new Error(`duplicate term in vocabulary: ${t}`);
        slot = (slot + 1) & this.mask;
      }
      this.slots[slot * 3] = h1;
      this.slots[slot * 3 + 1] = h2;
      this.slots[slot * 3 + 2] = i;
    });
  }

  /** The feature number of `prefix + term`, or -1 when it is not in the vocabulary. */
  get(term: string, prefix = ''): number {
    hash(prefix, term);
    const slots = this.slots;
    let slot = h1 & this.mask;
    for (;;) {
      const base = slot * 3;
      const v = slots[base + 2];
      if (v === -1) return -1;
      if (slots[base] === h1 && slots[base + 1] === h2) return v;
      slot = (slot + 1) & this.mask;
    }
  }
}
