/**
 * Plain input types of the screens and signals. They are deliberately independent of any import format:
 * the OCDS reader (../ocds) and the Excel import both map into these, and tests build them by hand.
 * Amounts are in the currency's main unit (元 for CNY); dates are 'YYYY-MM-DD' or ISO 8601 instants.
 */

export interface Bid {
  bidId?: string;
  bidderId: string;
  amount: number;
  /** ISO 4217; when absent the tender's `currency` applies. Bids in different currencies are not compared. */
  currency?: string;
  /** Bids the evaluation threw out still count for collusion screens (cover bids are often disqualified). */
  status?: 'valid' | 'disqualified' | 'withdrawn' | 'pending';
  winner?: boolean;
  submittedAt?: string;
}

export interface TenderBids {
  tenderId: string;
  currency?: string;
  /** Market key for calibration (category × region, e.g. 'works:530125'); screens are compared within one. */
  market?: string;
  buyerId?: string;
  date?: string;
  /** 控制价 / pre-tender estimate, when published. */
  ceiling?: number;
  bids: Bid[];
}

/** What the trading platform and the bid documents reveal about one bidder in one tender. */
export interface BidderProfile {
  bidderId: string;
  tenderId?: string;
  contactPerson?: string;
  phone?: string;
  email?: string;
  address?: string;
  legalRepresentative?: string;
  projectManager?: string;
  /** Account the bid bond (投标保证金) was paid from. */
  bidBondAccount?: string;
  ip?: string;
  mac?: string;
  caCertificate?: string;
  documentHashes?: string[];
  /** Document properties: author, company, lastSavedBy, template, WPS ICV … */
  documentMetadata?: Record<string, string>;
  /** Employer and contacts, used for expert conflict-of-interest checks. */
  employees?: string[];
}

export type ProcurementCategory = 'works' | 'goods' | 'services';

export interface Award {
  awardId: string;
  tenderId?: string;
  buyerId: string;
  supplierId: string;
  amount: number;
  currency?: string;
  date: string;
  category: ProcurementCategory;
  /** 'open' | 'selective' | 'limited' | 'direct' …; splitting looks at non-competitive awards by default. */
  procurementMethod?: string;
  /** Budget item (预算项目) and category item (品目), for 政府采购条例第28条 grouping. */
  budgetItem?: string;
  classification?: string;
}

export interface Contract {
  contractId: string;
  awardId?: string;
  buyerId?: string;
  supplierId?: string;
  amount: number;
  currency?: string;
  category?: ProcurementCategory;
  dateSigned?: string;
  /** 竣工验收 / acceptance date. */
  acceptanceDate?: string;
  /** Agreed prepayment share, when the contract sets one (defaults to the 30% ceiling of GB 50500 §10.1). */
  prepaymentCap?: number;
}

export interface Amendment {
  amendmentId: string;
  contractId: string;
  /** Change in contract value (positive = increase); in the contract's currency unless `currency` says otherwise. */
  amountChange: number;
  currency?: string;
  date?: string;
}

export interface Payment {
  paymentId: string;
  contractId: string;
  amount: number;
  currency?: string;
  date: string;
  kind?: 'prepayment' | 'progress' | 'final' | 'retention' | 'other';
}

export interface Milestone {
  milestoneId: string;
  contractId: string;
  date: string;
  /** Cumulative physical progress 0..1 reached on `date`. */
  progress: number;
}

export interface EvaluationScore {
  tenderId: string;
  expertId: string;
  bidderId: string;
  score: number;
}

export interface Expert {
  expertId: string;
  /** Current and past employers (unit ids or names, normalised by the caller). */
  employers?: string[];
  phone?: string;
  email?: string;
  name?: string;
}
