import type { DomainHit } from '../risk/hitStore';
import type { AreaUnit, AwardMethod, Direction, FundCategory, ObjectType, PaymentMethod } from './db';
import type { VillageThresholds } from './settings';

/** The plain records the anomaly rules judge (no database): what the screening loads, what the unit tests build. */
interface Owned { id: string; villageId: string; villageName: string; townshipCode: string | null }
export interface FundEntry extends Owned {
  date: string; voucherNo: string; direction: Direction; amount: number; counterparty: string; paymentMethod: PaymentMethod; category: FundCategory;
  decisionDate: string | null; published: boolean;
}
export interface Contract extends Owned {
  contractNo: string; objectType: ObjectType; objectName: string; area: number; areaUnit: AreaUnit; counterparty: string; startOn: string; endOn: string;
  annualRent: number; awardMethod: AwardMethod; decisionDate: string | null;
}
export interface Disposal extends Owned {
  assetName: string; disposedOn: string; appraisedValue: number; salePrice: number; buyer: string; method: AwardMethod; decisionDate: string | null;
}
export interface ScreeningInput {
  entries: FundEntry[]; contracts: Contract[]; disposals: Disposal[];
  /** Quarters (2026Q1) in which each village recorded a 村务公开 of its finances (disclosure module). */
  financeDisclosed: Map<string, Set<string>>;
  today: string;
  /** Days after a quarter's end its disclosure is due (the disclosure module's county setting). */
  dueDays: number;
  thresholds: VillageThresholds;
}
export type { DomainHit };

export const yuanText = (v: number) => `¥${v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;
export const round2 = (v: number) => Math.round(v * 100) / 100;
/** Counterparty names compared without spaces or full-width brackets differences (“某某（个体）” = “某某(个体)”). */
export const partyKey = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

const page = (tab: string, r: Owned) => `/village-assets/ledger?village=${r.villageId}&tab=${tab}&ids=${r.id}`;
export const entryRecord = (e: FundEntry) => ({ kind: 'villageFundEntry', id: e.id, label: `${e.date} ${e.voucherNo} ${e.counterparty} ${yuanText(e.amount)}`, href: page('funds', e) });
export const contractRecord = (c: Contract) => ({ kind: 'villageContract', id: c.id, label: `${c.contractNo} ${c.objectName} ${c.counterparty}`, href: page('contracts', c) });
export const disposalRecord = (d: Disposal) => ({ kind: 'villageDisposal', id: d.id, label: `${d.disposedOn} ${d.assetName} ${d.buyer}`, href: page('disposals', d) });
