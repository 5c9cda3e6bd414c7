import type { RecordRef, SignalResult, Strength } from './hit';
import type { BidderProfile } from './types';

/**
 * Bidders of one tender sharing what independent firms never share (招标投标法实施条例第四十条、第三十四条;
 * 财政部令第87号第三十七条). Values are normalised before comparison (phones to their digits without the
 * +86 prefix, e-mails lower-cased, addresses without spaces or punctuation, MACs without separators), so
 * "0871-6512 3456" and "087165123456" match. A field only two bidders fill in is compared; an empty or
 * missing field never matches anything.
 */
export type IdentityField =
  | 'contactPerson' | 'phone' | 'email' | 'address' | 'legalRepresentative' | 'projectManager'
  | 'bidBondAccount' | 'ip' | 'mac' | 'caCertificate' | 'documentHash' | 'documentMetadata';

interface FieldRule { code: string; strength: Strength; lawRef: string }

export const IDENTITY_RULES: Record<IdentityField, FieldRule> = {
  contactPerson: { code: 'SHARED_CONTACT_PERSON', strength: 'medium', lawRef: '条例第四十条(二); 87号令第三十七条(三)' },
  phone: { code: 'SHARED_PHONE', strength: 'medium', lawRef: '条例第四十条(二)' },
  email: { code: 'SHARED_EMAIL', strength: 'medium', lawRef: '条例第四十条(二)' },
  address: { code: 'SHARED_ADDRESS', strength: 'weak', lawRef: '条例第四十条(二)' },
  legalRepresentative: { code: 'SHARED_LEGAL_REPRESENTATIVE', strength: 'strong', lawRef: '条例第三十四条 (单位负责人为同一人)' },
  projectManager: { code: 'SHARED_PROJECT_MANAGER', strength: 'strong', lawRef: '条例第四十条(三)' },
  bidBondAccount: { code: 'SHARED_BID_BOND_ACCOUNT', strength: 'strong', lawRef: '条例第四十条(六)' },
  ip: { code: 'SHARED_IP', strength: 'medium', lawRef: '条例第四十条(一)(二)' },
  mac: { code: 'SHARED_MAC', strength: 'strong', lawRef: '条例第四十条(一)' },
  caCertificate: { code: 'SHARED_CA_CERTIFICATE', strength: 'strong', lawRef: '条例第四十条(一)(二)' },
  documentHash: { code: 'SHARED_DOCUMENT_HASH', strength: 'strong', lawRef: '条例第四十条(一)(四)' },
  documentMetadata: { code: 'SHARED_DOCUMENT_METADATA', strength: 'medium', lawRef: '条例第四十条(一)' },
};

const toHalfWidth = (s: string): string =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

export function normalisePhone(s: string): string {
  let d = toHalfWidth(s).replace(/\D/g, '');
  if (d.startsWith('0086')) d = d.slice(4);
  else if (d.startsWith('86') && d.length === 13) d = d.slice(2);
  return d;
}

export function normaliseText(s: string): string {
  return toHalfWidth(s).toLowerCase().replace(/[\s,，.。、;；:：\-—_()（）#号]/g, '');
}

const normalisers: Record<Exclude<IdentityField, 'documentHash' | 'documentMetadata'>, (s: string) => string> = {
  contactPerson: normaliseText,
  phone: normalisePhone,
  email: (s) => toHalfWidth(s).trim().toLowerCase(),
  address: normaliseText,
  legalRepresentative: normaliseText,
  projectManager: normaliseText,
  bidBondAccount: (s) => toHalfWidth(s).replace(/\D/g, ''),
  ip: (s) => s.trim(),
  mac: (s) => s.replace(/[^0-9a-f]/gi, '').toUpperCase(),
  caCertificate: (s) => s.replace(/\s/g, '').toUpperCase(),
};

/** The comparable values one profile has for a field (several for hashes and metadata). */
function valuesOf(p: BidderProfile, field: IdentityField, metadataKeys: readonly string[]): string[] {
  if (field === 'documentHash') return (p.documentHashes ?? []).map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (field === 'documentMetadata') {
    const md = p.documentMetadata ?? {};
    return metadataKeys.flatMap((k) => (md[k]?.trim() ? [`${k}=${normaliseText(md[k])}`] : []));
  }
  const raw = p[field];
  if (typeof raw !== 'string') return [];
  const v = normalisers[field](raw);
  // Too short to identify anyone ("0", "-", "无"): treated as missing rather than as a shared value.
  return v.length >= 2 ? [v] : [];
}

export interface SharedIdentityOptions {
  fields?: readonly IdentityField[];
  /** Metadata keys compared (default: author, company, lastSavedBy, template, icv, machineCode). */
  metadataKeys?: readonly string[];
  /** Values shared legitimately (a tendering agent's phone printed in every bid, a platform's NAT IP). */
  ignoreValues?: Partial<Record<IdentityField, readonly string[]>>;
}

/** One hit per (field, shared value) with the bidders sharing it; profiles of one tender. */
export function sharedIdentity(tenderId: string, profiles: readonly BidderProfile[], opts: SharedIdentityOptions = {}): SignalResult {
  const out: SignalResult = { hits: [], notApplicable: [] };
  const bidders = new Set(profiles.map((p) => p.bidderId));
  if (bidders.size < 2) {
    out.notApplicable.push({ code: 'SHARED_IDENTITY', subjectId: tenderId, reason: 'tooFewBids', detail: `bidders=${bidders.size}` });
    return out;
  }
  const metadataKeys = opts.metadataKeys ?? ['author', 'company', 'lastSavedBy', 'template', 'icv', 'machineCode'];
  for (const field of opts.fields ?? (Object.keys(IDENTITY_RULES) as IdentityField[])) {
    const rule = IDENTITY_RULES[field];
    const ignore = new Set((opts.ignoreValues?.[field] ?? []).map((v) => normaliseValue(field, v)));
    const byValue = new Map<string, Set<string>>();
    let filled = 0;
    for (const p of profiles) {
      const vals = valuesOf(p, field, metadataKeys);
      if (vals.length) filled++;
      for (const v of vals) {
        if (ignore.has(v)) continue;
        if (!byValue.has(v)) byValue.set(v, new Set());
        byValue.get(v)!.add(p.bidderId);
      }
    }
    if (filled < 2) {
      out.notApplicable.push({ code: rule.code, subjectId: tenderId, reason: 'missingField', detail: `${field} known for ${filled} bidder(s)` });
      continue;
    }
    for (const [value, ids] of byValue) {
      if (ids.size < 2) continue;
      const sharing = [...ids].sort();
      const records: RecordRef[] = [{ kind: 'tender', id: tenderId }, ...sharing.map((id): RecordRef => ({ kind: 'bidder', id }))];
      out.hits.push({
        code: rule.code, subjectId: tenderId, strength: rule.strength,
        evidence: { rule: `${sharing.length} bidders share the same ${field}`, lawRef: rule.lawRef, threshold: { minBidders: 2 }, values: { field, value, bidders: sharing }, records },
      });
    }
  }
  return out;
}

/** Normalise one raw value of a field (metadata given as "key=value"), e.g. for the ignore lists. */
export function normaliseValue(field: IdentityField, raw: string): string {
  if (field === 'documentHash') return raw.trim().toLowerCase();
  if (field === 'documentMetadata') {
    const i = raw.indexOf('=');
    return i < 0 ? normaliseText(raw) : `${raw.slice(0, i)}=${normaliseText(raw.slice(i + 1))}`;
  }
  return normalisers[field](raw);
}
