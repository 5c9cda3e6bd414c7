import type { Settings } from './settings';

/**
 * Cardinal's `prepare`: corrects data-quality issues of one compiled release (parsed JSON, changed in
 * place) and lists what it could not correct. Issue rows are Cardinal's CSV columns: line, ocid, path,
 * array indexes, incorrect value, error description (`not set`, `invalid`, `is zero`).
 */
export const BID_STATUSES = new Set(['invited', 'pending', 'valid', 'disqualified', 'withdrawn']);
export const AWARD_STATUSES = new Set(['pending', 'active', 'cancelled', 'unsuccessful']);

export interface PrepareIssue {
  line: number;
  ocid: string;
  path: string;
  indexes: string;
  value: string;
  error: 'not set' | 'invalid' | 'is zero';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function issueCsv(i: PrepareIssue): string {
  return [String(i.line), i.ocid, i.path, i.indexes, i.value, i.error].map(csvField).join(',');
}

export const ISSUE_CSV_HEADER = 'line,ocid,path,array indexes,incorrect value,error description';

/** Object references published as a single object become one-element arrays; numeric ids become strings. */
function orgArray(o: Obj, key: string, prefix: string | null, redacted: Set<string>): Obj[] {
  const v = o[key];
  if (isObj(v)) o[key] = [v];
  const list = arr(o[key]).filter(isObj);
  for (const org of list) fixId(org, prefix, redacted);
  return list;
}

function fixId(org: Obj, prefix: string | null, redacted: Set<string>): void {
  if (typeof org.id === 'number') org.id = String(org.id);
  if (typeof org.id === 'string' && redacted.has(org.id)) delete org.id;
  else if (typeof org.id === 'string' && prefix) org.id = `${prefix}${org.id}`;
}

function status(
  s: Settings, o: Obj, path: string, idx: string, def: string | null, map: Map<string, string>, codes: Set<string>,
  issue: (p: string, i: string, v: string, e: PrepareIssue['error']) => void,
): void {
  if (typeof o.status !== 'string' || o.status === '') {
    if (def) o.status = def;
    else return issue(`${path}/status`, idx, o.status === undefined ? '' : JSON.stringify(o.status), 'not set');
  }
  const mapped = map.get(o.status as string);
  if (mapped !== undefined) o.status = mapped;
  if (!codes.has(o.status as string)) issue(`${path}/status`, idx, String(o.status), 'invalid');
}

export function prepareRelease(raw: Obj, line: number, s: Settings): PrepareIssue[] {
  const issues: PrepareIssue[] = [];
  const ocid = typeof raw.ocid === 'string' ? raw.ocid : String(raw.ocid ?? '');
  const issue = (path: string, indexes: string, value: string, error: PrepareIssue['error']) =>
    issues.push({ line, ocid, path, indexes, value, error });
  const m = s.modifications;
  const redactedIds = s.redactions.organizationId;
  const tender = isObj(raw.tender) ? raw.tender : null;

  if (isObj(raw.buyer)) fixId(raw.buyer, m.prefixBuyerOrProcuringEntityId, redactedIds);
  if (tender && isObj(tender.procuringEntity)) fixId(tender.procuringEntity, m.prefixBuyerOrProcuringEntityId, redactedIds);
  if (tender && m.splitProcurementMethodDetails && typeof tender.procurementMethodDetails === 'string') {
    // Assumption: keep the part before the separator (publishers append sub-methods after it).
    tender.procurementMethodDetails = tender.procurementMethodDetails.split(m.splitProcurementMethodDetails)[0].trim();
  }
  if (tender) orgArray(tender, 'tenderers', m.prefixTendererOrSupplierId, redactedIds);

  if (m.moveAuctions) {
    const moved = arr(raw.auctions).flatMap((a) => (isObj(a) ? arr(a.stages) : [])).flatMap((st) => (isObj(st) ? arr(st.bids) : []));
    if (moved.length) {
      const bids = isObj(raw.bids) ? raw.bids : (raw.bids = {}) as Obj;
      bids.details = [...arr(bids.details), ...moved];
      delete raw.auctions;
    }
  }

  const details = isObj(raw.bids) ? arr(raw.bids.details) : [];
  details.forEach((b, i) => {
    if (!isObj(b)) return;
    if (typeof b.id === 'number') b.id = String(b.id);
    orgArray(b, 'tenderers', m.prefixTendererOrSupplierId, redactedIds);
    status(s, b, '/bids/details[]', String(i), s.defaults.bidStatus, s.codelists.bidStatus, BID_STATUSES, issue);
    const value = isObj(b.value) ? b.value : null;
    if (value && typeof value.amount === 'number' && s.redactions.amount.has(value.amount)) delete value.amount;
    if (!value || value.amount === undefined || value.amount === null) issue('/bids/details[]/value/amount', String(i), '', 'not set');
    else if (typeof value.amount !== 'number') issue('/bids/details[]/value/amount', String(i), JSON.stringify(value.amount), 'invalid');
    else if (value.amount === 0) issue('/bids/details[]/value/amount', String(i), '0', 'is zero');
    if (value && typeof value.currency !== 'string') {
      if (s.defaults.currency && typeof value.amount === 'number') value.currency = s.defaults.currency;
      else if (typeof value.amount === 'number') issue('/bids/details[]/value/currency', String(i), '', 'not set');
    }
  });

  const contracts = arr(raw.contracts).filter(isObj);
  arr(raw.awards).forEach((a, i) => {
    if (!isObj(a)) return;
    if (typeof a.id === 'number') a.id = String(a.id);
    orgArray(a, 'suppliers', m.prefixTendererOrSupplierId, redactedIds);
    status(s, a, '/awards[]', String(i), s.defaults.awardStatus, s.codelists.awardStatus, AWARD_STATUSES, issue);
    if (s.awardStatusByContractStatus && a.id !== undefined) {
      const own = contracts.filter((c) => String(c.awardID) === String(a.id));
      if (own.length && own.every((c) => c.status === 'cancelled')) a.status = 'cancelled';
    }
    arr(a.items).forEach((it, j) => {
      const c = isObj(it) && isObj(it.classification) ? it.classification : null;
      if (!c || c.id === undefined) return;
      if (typeof c.id === 'number') c.id = String(c.id);
      if (typeof c.scheme !== 'string') {
        if (s.defaults.itemClassificationScheme) c.scheme = s.defaults.itemClassificationScheme;
        else issue('/awards[]/items[]/classification/scheme', `${i}.${j}`, '', 'not set');
      }
    });
  });

  if (s.defaults.partyRoles) fillPartyRoles(raw);
  for (const p of arr(raw.parties)) if (isObj(p) && typeof p.id === 'number') p.id = String(p.id);
  return issues;
}

/** [defaults] party_roles: give parties the roles their references imply (buyer, procuringEntity, tenderer, supplier). */
function fillPartyRoles(raw: Obj): void {
  const parties = new Map<string, Obj>();
  for (const p of arr(raw.parties)) if (isObj(p) && (typeof p.id === 'string' || typeof p.id === 'number')) parties.set(String(p.id), p);
  const give = (ref: unknown, role: string) => {
    if (!isObj(ref) || ref.id === undefined) return;
    const p = parties.get(String(ref.id));
    if (!p) return;
    const roles = Array.isArray(p.roles) ? p.roles : (p.roles = []) as unknown[];
    if (!roles.includes(role)) roles.push(role);
  };
  give(raw.buyer, 'buyer');
  const tender = isObj(raw.tender) ? raw.tender : {};
  give(tender.procuringEntity, 'procuringEntity');
  for (const b of isObj(raw.bids) ? arr(raw.bids.details) : []) if (isObj(b)) for (const t of arr(b.tenderers)) give(t, 'tenderer');
  for (const a of arr(raw.awards)) if (isObj(a)) for (const t of arr(a.suppliers)) give(t, 'supplier');
}
