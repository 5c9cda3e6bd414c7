import { Reader, type FieldIssue, type Obj } from './fieldReader';
import type { Address, Amendment, Award, Bid, ContactPoint, Contract, EvaluationExpert, Lot, Milestone, Party, Payment, Release, Tender } from './model';

export { ABSURD_AMOUNT, type FieldIssue } from './fieldReader';

/**
 * Turns one parsed OCDS compiled release into the normalised `Release` (see model.ts for the rules). Wrong
 * types and absurd numbers do not abort: the field becomes null and an issue is recorded with its JSON
 * path, so a caller can report "line 12: /bids/details/3/value/amount: wrong type" and go on.
 */
const PERCENT = /(-?\d+(?:\.\d+)?)\s*%/;

function lots(r: Reader, v: unknown, path: string): Lot[] {
  return r.arr(v, path).map((x, i) => {
    const o = r.obj(x, `${path}/${i}`) ?? {};
    return {
      id: r.id(o.id, `${path}/${i}/id`), title: r.text(o.title, `${path}/${i}/title`),
      status: r.text(o.status, `${path}/${i}/status`), value: r.money(o.value, `${path}/${i}/value`),
    };
  });
}

function committee(r: Reader, v: unknown, path: string): EvaluationExpert[] {
  return r.arr(v, path).map((x, i) => {
    const o = r.obj(x, `${path}/${i}`) ?? {};
    const p = `${path}/${i}`;
    return {
      expertId: r.id(o.expertId, `${p}/expertId`), employerId: r.id(o.employerId, `${p}/employerId`),
      title: r.text(o.title, `${p}/title`), age: r.num(o.age, `${p}/age`, 0, 130), drawnAt: r.text(o.drawnAt, `${p}/drawnAt`),
    };
  });
}

function tender(r: Reader, v: unknown): Tender | null {
  const o = r.obj(v, '/tender');
  if (!o) return null;
  return {
    id: r.id(o.id, '/tender/id'),
    title: r.text(o.title, '/tender/title'),
    status: r.text(o.status, '/tender/status'),
    procurementMethod: r.text(o.procurementMethod, '/tender/procurementMethod'),
    procurementMethodDetails: r.text(o.procurementMethodDetails, '/tender/procurementMethodDetails'),
    mainProcurementCategory: r.text(o.mainProcurementCategory, '/tender/mainProcurementCategory'),
    awardCriteria: r.text(o.awardCriteria, '/tender/awardCriteria'),
    value: r.money(o.value, '/tender/value'),
    tenderPeriod: r.period(o.tenderPeriod, '/tender/tenderPeriod'),
    numberOfTenderers: r.num(o.numberOfTenderers, '/tender/numberOfTenderers', 0, 1e6),
    tenderers: r.orgs(o.tenderers, '/tender/tenderers'),
    procuringEntity: r.org(o.procuringEntity, '/tender/procuringEntity'),
    lots: lots(r, o.lots, '/tender/lots'),
    items: r.items(o.items, '/tender/items'),
    evaluationCommittee: committee(r, o.evaluationCommittee, '/tender/evaluationCommittee'),
  };
}

function textFields<K extends string>(r: Reader, o: Obj | null, path: string, keys: readonly K[]): Record<K, string | null> | null {
  if (!o) return null;
  const out = {} as Record<K, string | null>;
  for (const k of keys) out[k] = r.id(o[k], `${path}/${k}`);
  return out;
}

function bid(r: Reader, v: unknown, p: string): Bid {
  const o = r.obj(v, p) ?? {};
  const relatedLots = lotIds(r, o.relatedLots, `${p}/relatedLots`);
  const single = r.id(o.relatedLot, `${p}/relatedLot`);
  if (single !== null && !relatedLots.includes(single)) relatedLots.push(single);
  return {
    id: r.id(o.id, `${p}/id`),
    status: r.text(o.status, `${p}/status`),
    date: r.text(o.date, `${p}/date`),
    value: r.money(o.value, `${p}/value`),
    tenderers: r.orgs(o.tenderers, `${p}/tenderers`),
    relatedLots,
    projectManager: r.id(o.projectManager, `${p}/projectManager`),
    fingerprint: textFields(r, r.obj(o.submissionFingerprint, `${p}/submissionFingerprint`), `${p}/submissionFingerprint`,
      ['machineCode', 'ip', 'mac', 'caSerial', 'caIssuedAt', 'uploadedAt', 'documentHash', 'documentAuthor'] as const),
    bidSecurity: textFields(r, r.obj(o.bidSecurity, `${p}/bidSecurity`), `${p}/bidSecurity`,
      ['payerAccount', 'payerName', 'paidAt'] as const),
    evaluations: r.arr(o.evaluations, `${p}/evaluations`).map((x, i) => {
      const e = r.obj(x, `${p}/evaluations/${i}`) ?? {};
      return { expertId: r.id(e.expertId, `${p}/evaluations/${i}/expertId`), score: r.num(e.score, `${p}/evaluations/${i}/score`) };
    }),
  };
}

/** relatedLots as ids; some publishers (Armeps) write objects `{lotId}` instead, accepted here. */
function lotIds(r: Reader, v: unknown, path: string): string[] {
  return r.arr(v, path).flatMap((x, i) => {
    const o = x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : null;
    const id = o ? r.id(o.lotId ?? o.id, `${path}/${i}`) : r.id(x, `${path}/${i}`);
    return id === null ? [] : [id];
  });
}

function award(r: Reader, v: unknown, p: string): Award {
  const o = r.obj(v, p) ?? {};
  return {
    id: r.id(o.id, `${p}/id`), status: r.text(o.status, `${p}/status`), date: r.text(o.date, `${p}/date`),
    value: r.money(o.value, `${p}/value`), suppliers: r.orgs(o.suppliers, `${p}/suppliers`),
    relatedLots: lotIds(r, o.relatedLots, `${p}/relatedLots`), relatedBid: r.id(o.relatedBid, `${p}/relatedBid`),
    items: r.items(o.items, `${p}/items`),
  };
}

function milestone(r: Reader, v: unknown, p: string): Milestone {
  const o = r.obj(v, p) ?? {};
  const description = r.text(o.description, `${p}/description`);
  const title = r.text(o.title, `${p}/title`);
  const m = PERCENT.exec(description ?? '') ?? PERCENT.exec(title ?? '');
  return {
    id: r.id(o.id, `${p}/id`), title, type: r.text(o.type, `${p}/type`), status: r.text(o.status, `${p}/status`),
    dueDate: r.text(o.dueDate, `${p}/dueDate`), dateMet: r.text(o.dateMet, `${p}/dateMet`), description,
    progress: m ? Number(m[1]) / 100 : null,
  };
}

function contract(r: Reader, v: unknown, p: string): Contract {
  const o = r.obj(v, p) ?? {};
  const impl = r.obj(o.implementation, `${p}/implementation`) ?? {};
  const amendments: Amendment[] = r.arr(o.amendments, `${p}/amendments`).map((x, i) => {
    const a = r.obj(x, `${p}/amendments/${i}`) ?? {};
    const q = `${p}/amendments/${i}`;
    return {
      id: r.id(a.id, `${q}/id`), date: r.text(a.date, `${q}/date`), description: r.text(a.description, `${q}/description`),
      rationale: r.text(a.rationale, `${q}/rationale`), value: r.money(a.value, `${q}/value`),
    };
  });
  const payments: Payment[] = r.arr(impl.transactions, `${p}/implementation/transactions`).map((x, i) => {
    const t = r.obj(x, `${p}/implementation/transactions/${i}`) ?? {};
    const q = `${p}/implementation/transactions/${i}`;
    // OCDS 1.0 publishers use `amount` instead of `value`; both mean the paid money.
    return {
      id: r.id(t.id, `${q}/id`), date: r.text(t.date, `${q}/date`), value: r.money(t.value ?? t.amount, `${q}/value`),
      payer: r.org(t.payer, `${q}/payer`), payee: r.org(t.payee, `${q}/payee`), kind: r.text(t.kind, `${q}/kind`),
    };
  });
  const milestones = [
    ...r.arr(impl.milestones, `${p}/implementation/milestones`).map((x, i) => milestone(r, x, `${p}/implementation/milestones/${i}`)),
    ...r.arr(o.milestones, `${p}/milestones`).map((x, i) => milestone(r, x, `${p}/milestones/${i}`)),
  ];
  return {
    id: r.id(o.id, `${p}/id`), awardID: r.id(o.awardID, `${p}/awardID`), status: r.text(o.status, `${p}/status`),
    dateSigned: r.text(o.dateSigned, `${p}/dateSigned`), value: r.money(o.value, `${p}/value`),
    period: r.period(o.period, `${p}/period`), items: r.items(o.items, `${p}/items`), amendments, payments, milestones,
  };
}

function party(r: Reader, v: unknown, p: string): Party {
  const o = r.obj(v, p) ?? {};
  const ident = r.obj(o.identifier, `${p}/identifier`);
  const names = (x: unknown, q: string) => r.arr(x, q).flatMap((e, i) => {
    const eo = r.obj(e, `${q}/${i}`);
    const inner = eo ? (r.obj(eo.shareholder, `${q}/${i}/shareholder`) ?? eo) : null;
    const s = inner ? (r.id(inner.id, `${q}/${i}/id`) ?? r.text(inner.name, `${q}/${i}/name`)) : null;
    return s === null ? [] : [s];
  });
  return {
    id: r.id(o.id, `${p}/id`), name: r.text(o.name, `${p}/name`), roles: r.strings(o.roles, `${p}/roles`),
    identifierScheme: ident ? r.text(ident.scheme, `${p}/identifier/scheme`) : null,
    identifierId: ident ? r.id(ident.id, `${p}/identifier/id`) : null,
    address: textFields(r, r.obj(o.address, `${p}/address`), `${p}/address`,
      ['streetAddress', 'locality', 'region', 'postalCode', 'countryName'] as const) as Address | null,
    contactPoint: textFields(r, r.obj(o.contactPoint, `${p}/contactPoint`), `${p}/contactPoint`,
      ['name', 'email', 'telephone', 'faxNumber', 'url'] as const) as ContactPoint | null,
    legalRepresentative: r.text(o.legalRepresentative, `${p}/legalRepresentative`),
    beneficialOwners: names(o.beneficialOwners, `${p}/beneficialOwners`),
    shareholders: names(o.shareholders, `${p}/shareholders`),
  };
}

export interface Normalised {
  /** null when the value is not an object with a string (or numeric) ocid. */
  release: Release | null;
  issues: FieldIssue[];
}

/**
 * What to read. A consumer that never looks at contracts or parties (the Cardinal indicators) skips them:
 * they are a large share of a release and of the allocation. Skipped parts are empty arrays, and their
 * field issues are not reported.
 */
export interface NormaliseParts {
  contracts: boolean;
  parties: boolean;
}

const ALL_PARTS: NormaliseParts = { contracts: true, parties: true };

export function normaliseRelease(raw: unknown, parts: NormaliseParts = ALL_PARTS): Normalised {
  const r = new Reader();
  const o = r.obj(raw, '');
  if (!o) return { release: null, issues: r.issues };
  const ocid = typeof o.ocid === 'string' ? o.ocid : null;
  if (ocid === null) {
    r.issues.push({ path: '/ocid', message: 'wrong type', value: o.ocid });
    return { release: null, issues: r.issues };
  }
  const bidsObj = r.obj(o.bids, '/bids');
  const release: Release = {
    ocid,
    id: r.id(o.id, '/id'),
    date: r.text(o.date, '/date'),
    tag: r.strings(o.tag, '/tag'),
    buyer: r.org(o.buyer, '/buyer'),
    tender: tender(r, o.tender),
    bids: bidsObj ? r.arr(bidsObj.details, '/bids/details').map((x, i) => bid(r, x, `/bids/details/${i}`)) : [],
    awards: r.arr(o.awards, '/awards').map((x, i) => award(r, x, `/awards/${i}`)),
    contracts: parts.contracts ? r.arr(o.contracts, '/contracts').map((x, i) => contract(r, x, `/contracts/${i}`)) : [],
    parties: parts.parties ? r.arr(o.parties, '/parties').map((x, i) => party(r, x, `/parties/${i}`)) : [],
  };
  return { release, issues: r.issues };
}
