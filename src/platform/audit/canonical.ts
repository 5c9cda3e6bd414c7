/** Deterministic JSON: object keys sorted at every depth, so jsonb's key reordering never changes a hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as Record<string, unknown>).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** The fields of an audit row that the chain protects, in a fixed order. */
export interface ChainedFields {
  id: number;
  at_us: number;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  client_ip: string | null;
  detail: unknown;
}

export function entryPayload(prevHash: string, seq: number, r: ChainedFields): string {
  return canonicalJson([prevHash, seq, r.id, r.at_us, r.actor_id, r.actor_name, r.action, r.object_type, r.object_id, r.client_ip, r.detail ?? null]);
}

export const GENESIS_HASH = '0'.repeat(64);
