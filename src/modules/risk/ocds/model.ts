/**
 * The normalised procurement model every red-flag module reads (Cardinal indicators in ../cardinal,
 * statistical screens in ../screens, collusion signals in ../signals). One `Release` is one OCDS
 * compiled release (one contracting process, keyed by `ocid`), whatever the input shape was: release
 * packages, record packages (their compiledRelease) or JSON lines of compiled releases.
 *
 * Stability contract: fields are only ever ADDED to these types, never renamed or re-typed. Everything
 * optional in OCDS is `null` (scalars) or `[]` (arrays) here, so readers never test for `undefined`.
 *
 * Normalisation rules (normalise.ts):
 * - identifiers: strings kept, finite numbers turned into strings (as Cardinal's `prepare` does), anything
 *   else → null; strings are not trimmed or re-cased (IDs must stay joinable with the source).
 * - codes (status, procurementMethod …): kept as published; `prepare` re-maps codelists.
 * - money: `amount` is a finite number or null; `currency` the published string (not re-cased) or null.
 * - dates: the published string in `…Date`/`date` (Cardinal compares strings), plus nothing else: parse
 *   with `parseInstant` from ./dates when an instant is needed.
 * - `tenderers`/`suppliers` published as a single object are wrapped into an array.
 * - money and dates are never invented: a missing value stays null.
 */

/** A monetary value. Amounts in yuan (or the release's currency), not fen. */
export interface Money {
  amount: number | null;
  currency: string | null;
}

/** A reference to an organisation (OCDS OrganizationReference): ids join to `Release.parties`. */
export interface OrgRef {
  id: string | null;
  name: string | null;
}

export interface Period {
  startDate: string | null;
  endDate: string | null;
}

export interface Classification {
  scheme: string | null;
  id: string | null;
}

export interface Item {
  id: string | null;
  description: string | null;
  classification: Classification | null;
  quantity: number | null;
  unitValue: Money | null;
  /** OCDS lots extension: the lot this item belongs to. */
  relatedLot: string | null;
}

/** 标段 / 包 (OCDS lots extension). */
export interface Lot {
  id: string | null;
  title: string | null;
  status: string | null;
  value: Money | null;
}

export interface Address {
  streetAddress: string | null;
  locality: string | null;
  region: string | null;
  postalCode: string | null;
  countryName: string | null;
}

export interface ContactPoint {
  name: string | null;
  email: string | null;
  telephone: string | null;
  faxNumber: string | null;
  url: string | null;
}

/** An organisation taking part in the process (OCDS parties[]). */
export interface Party {
  id: string | null;
  name: string | null;
  roles: string[];
  /** identifier.scheme + identifier.id, e.g. a unified social credit code. */
  identifierScheme: string | null;
  identifierId: string | null;
  address: Address | null;
  contactPoint: ContactPoint | null;
  /** Local extension (collusion signals): 法定代表人 name, when published. */
  legalRepresentative: string | null;
  /** OCDS beneficial-owners / shareholders extensions, reduced to ids or names. */
  beneficialOwners: string[];
  shareholders: string[];
}

/** A member of the evaluation committee (local extension tender.evaluationCommittee[]). */
export interface EvaluationExpert {
  expertId: string | null;
  employerId: string | null;
  title: string | null;
  age: number | null;
  drawnAt: string | null;
}

export interface Tender {
  id: string | null;
  title: string | null;
  status: string | null;
  procurementMethod: string | null;
  procurementMethodDetails: string | null;
  mainProcurementCategory: string | null;
  awardCriteria: string | null;
  /** 控制价 / estimated value. */
  value: Money | null;
  tenderPeriod: Period | null;
  /** As published; null when absent or not a finite number. */
  numberOfTenderers: number | null;
  tenderers: OrgRef[];
  procuringEntity: OrgRef | null;
  lots: Lot[];
  items: Item[];
  evaluationCommittee: EvaluationExpert[];
}

/** Local extension bids.details[].submissionFingerprint: trading-platform traces of the bid file. */
export interface SubmissionFingerprint {
  machineCode: string | null;
  ip: string | null;
  mac: string | null;
  caSerial: string | null;
  caIssuedAt: string | null;
  uploadedAt: string | null;
  documentHash: string | null;
  documentAuthor: string | null;
}

/** Local extension bids.details[].bidSecurity: who paid the 投标保证金. */
export interface BidSecurity {
  payerAccount: string | null;
  payerName: string | null;
  paidAt: string | null;
}

export interface ExpertScore {
  expertId: string | null;
  score: number | null;
}

/** One bid (OCDS bids.details[]). Several tenderers = a consortium (联合体). */
export interface Bid {
  id: string | null;
  /** OCDS bid status: invited, pending, valid, disqualified, withdrawn (or unmapped publisher codes). */
  status: string | null;
  date: string | null;
  value: Money | null;
  tenderers: OrgRef[];
  /** relatedLots (array) and the Armenian-style singular relatedLot, merged. */
  relatedLots: string[];
  /** Local extension: project manager (项目经理) name or ID, for 条例第四十条③. */
  projectManager: string | null;
  fingerprint: SubmissionFingerprint | null;
  bidSecurity: BidSecurity | null;
  evaluations: ExpertScore[];
}

export interface Award {
  id: string | null;
  /** pending, active, cancelled, unsuccessful (or unmapped publisher codes); null when absent. */
  status: string | null;
  date: string | null;
  value: Money | null;
  suppliers: OrgRef[];
  relatedLots: string[];
  /** awards[].relatedBid (bids extension). */
  relatedBid: string | null;
  items: Item[];
}

/** 合同变更 (contracts[].amendments[]); `value` is a local extension: the contract value after the change. */
export interface Amendment {
  id: string | null;
  date: string | null;
  description: string | null;
  rationale: string | null;
  value: Money | null;
}

/** 支付 (contracts[].implementation.transactions[]). */
export interface Payment {
  id: string | null;
  date: string | null;
  value: Money | null;
  payer: OrgRef | null;
  payee: OrgRef | null;
  /** Local extension: payment kind, e.g. advance (预付款), progress, final (结算). */
  kind: string | null;
}

/** contracts[].implementation.milestones[] (and contracts[].milestones[]). */
export interface Milestone {
  id: string | null;
  title: string | null;
  type: string | null;
  status: string | null;
  dueDate: string | null;
  dateMet: string | null;
  description: string | null;
  /** Physical progress as a fraction 0..1 when the milestone states one (e.g. description "75.00%"). */
  progress: number | null;
}

export interface Contract {
  id: string | null;
  awardID: string | null;
  status: string | null;
  dateSigned: string | null;
  value: Money | null;
  period: Period | null;
  items: Item[];
  amendments: Amendment[];
  payments: Payment[];
  milestones: Milestone[];
}

/** One contracting process, normalised from an OCDS compiled release. */
export interface Release {
  ocid: string;
  id: string | null;
  date: string | null;
  tag: string[];
  buyer: OrgRef | null;
  tender: Tender | null;
  /** bids.details[]; empty when the release has no bids. */
  bids: Bid[];
  awards: Award[];
  contracts: Contract[];
  parties: Party[];
}

/** Where a release came from, for evidence and error reports. */
export interface SourceRef {
  /** 1-based line number in a JSON-lines input; for packages, the 1-based position in the package. */
  line: number;
  file: string | null;
}
