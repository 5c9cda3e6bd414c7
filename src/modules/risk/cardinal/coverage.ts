/**
 * Cardinal's `coverage`: how many times each JSON path is non-empty across the input. `""` counts lines,
 * a path ending in `/` an object, one ending in `[]` an array element, any other path an object member.
 * Empty means `""`, `[]`, `{}`, `null`, or a container holding only empty values; empty nodes are not counted.
 */
export class Coverage {
  readonly counts = new Map<string, number>();

  private inc(path: string): void {
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
  }

  add(value: unknown): void {
    if (this.walk(value, '')) this.inc('');
  }

  /** Counts the non-empty nodes under `path`; returns whether the value itself is non-empty. */
  private walk(value: unknown, path: string): boolean {
    if (value === null || value === '') return false;
    if (Array.isArray(value)) {
      let any = false;
      const el = `${path}[]`;
      for (const v of value) if (this.walk(v, el)) { this.inc(el); any = true; }
      return any;
    }
    if (typeof value === 'object') {
      let any = false;
      const base = `${path}/`;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const p = base + k;
        if (this.walk(v, p)) {
          // Arrays are counted at their own path too; object members once at their member path.
          this.inc(p);
          any = true;
        }
      }
      if (any) this.inc(base);
      return any;
    }
    return true;
  }

  /** Sorted by path, so two runs diff cleanly. */
  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}
