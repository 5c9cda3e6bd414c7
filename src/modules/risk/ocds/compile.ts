/**
 * A compact OCDS merge (the "compiled release" of a record): releases of one ocid are applied in date order;
 * objects merge field by field, arrays of objects that all carry an `id` merge element by id, any other
 * array or value replaces the earlier one, and `null` removes a field. Enough for publishers such as the
 * GACM sample, which publish several releases per process; it ignores OCDS `mergeStrategy` annotations.
 */
type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function idArray(v: Json): v is Obj[] {
  return Array.isArray(v) && v.length > 0 && v.every((e) => isObj(e) && e.id !== undefined && e.id !== null);
}

function mergeValue(base: Json, next: Json): Json {
  if (isObj(base) && isObj(next)) return mergeObject(base, next);
  if (idArray(base) && idArray(next)) {
    const out: Obj[] = base.map((e) => ({ ...e }));
    for (const e of next) {
      const i = out.findIndex((b) => String(b.id) === String(e.id));
      if (i >= 0) out[i] = mergeObject(out[i], e);
      else out.push(e);
    }
    return out;
  }
  return next;
}

function mergeObject(base: Obj, next: Obj): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(next)) {
    if (v === null) delete out[k];
    else out[k] = k in out ? mergeValue(out[k], v) : v;
  }
  return out;
}

/** Groups releases by ocid and merges each group; output order follows each ocid's first appearance. */
export function compileReleases(releases: Json[]): Json[] {
  const groups = new Map<string, Obj[]>();
  const loose: Json[] = [];
  for (const r of releases) {
    if (!isObj(r) || typeof r.ocid !== 'string') {
      loose.push(r);
      continue;
    }
    const g = groups.get(r.ocid);
    if (g) g.push(r);
    else groups.set(r.ocid, [r]);
  }
  const compiled: Json[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      compiled.push(group[0]);
      continue;
    }
    const sorted = [...group].sort((a, b) => String(a.date ?? '').localeCompare(String(b.date ?? '')));
    let acc: Obj = {};
    for (const r of sorted) acc = mergeObject(acc, r);
    acc.tag = ['compiled'];
    compiled.push(acc);
  }
  return [...compiled, ...loose];
}
