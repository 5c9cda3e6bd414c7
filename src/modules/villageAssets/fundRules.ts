import { addCalendarDays } from '../../platform/calendar/dates';
import { dueOn, quarterOf } from '../disclosure/schedule';
import { fundCategoryWords } from './words';
import { entryRecord, partyKey, round2, yuanText, type DomainHit, type FundEntry, type ScreeningInput } from './ruleTypes';
import { thresholdBasis, type VillageThresholds } from './settings';

/**
 * Anomaly rules over a village's fund ledger (资金收支). Pure: plain records and the county's thresholds in, hits
 * out. Evidence value keys are the risk list's dictionary keys where one fits (amount, total, count, share,
 * windowDays), otherwise Chinese words, so the shared drawer reads them without a lookup.
 */
const expenses = (entries: FundEntry[]) => entries.filter((e) => e.direction === 'expense');
const byDate = (a: FundEntry, b: FundEntry) => a.date.localeCompare(b.date) || a.voucherNo.localeCompare(b.voucherNo) || a.id.localeCompare(b.id);
const title = (e: FundEntry, what: string) => `${e.villageName} ${e.date} ${what} ${e.counterparty} ${yuanText(e.amount)}`;

/** 现金支付超限: a cash payment above the cash limit. */
export function cashOverLimit(entries: FundEntry[], t: VillageThresholds): DomainHit[] {
  return expenses(entries).filter((e) => e.paymentMethod === 'cash' && e.amount > t.cashLimit).map((e) => ({
    code: 'VILLAGE_CASH_OVER_LIMIT', subjectId: `fundEntry:${e.id}`, unitId: e.villageId, title: title(e, '现金支付'), strength: e.amount > t.cashLimit * 5 ? 'strong' : 'medium',
    score: round2(e.amount / t.cashLimit),
    evidence: { rule: `现金支付金额 > 现金支付限额（${t.cashLimit} 元）`, lawRef: thresholdBasis.cashLimit, threshold: { 现金支付限额: t.cashLimit },
      values: { amount: e.amount, 支付方式: '现金', 记录日期: e.date }, records: [entryRecord(e)] },
  }));
}

/**
 * 拆分支付: payments to one counterparty within `splitWindowDays` days of the first, each under the approval
 * threshold, together at or over it. Windows are taken from each unclaimed payment in date order and do not overlap.
 */
export function splitPayments(entries: FundEntry[], t: VillageThresholds): DomainHit[] {
  const groups = new Map<string, FundEntry[]>();
  for (const e of expenses(entries)) {
    if (e.amount >= t.approvalThreshold) continue;
    const k = `${e.villageId}|${partyKey(e.counterparty)}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const hits: DomainHit[] = [];
  for (const list of groups.values()) {
    list.sort(byDate);
    for (let i = 0; i < list.length;) {
      const last = addCalendarDays(list[i].date, t.splitWindowDays);
      let j = i;
      while (j + 1 < list.length && list[j + 1].date <= last) j++;
      const part = list.slice(i, j + 1);
      const total = round2(part.reduce((s, e) => s + e.amount, 0));
      if (part.length >= 2 && total >= t.approvalThreshold) {
        const first = part[0];
        const end = part[part.length - 1].date;
        hits.push({
          code: 'VILLAGE_SPLIT_PAYMENT', subjectId: `split:${first.villageId}:${partyKey(first.counterparty)}:${first.date}`, unitId: first.villageId,
          title: `${first.villageName} ${first.date}至${end} 向${first.counterparty}分${part.length}笔支付 合计${yuanText(total)}`, strength: 'strong', score: round2(total / t.approvalThreshold),
          evidence: { rule: `同一收款方 ${t.splitWindowDays} 天内多笔支付，每笔 < 审批限额，合计 ≥ 审批限额（${t.approvalThreshold} 元）`, lawRef: thresholdBasis.approvalThreshold,
            threshold: { 审批限额: t.approvalThreshold, windowDays: t.splitWindowDays }, values: { 收款方: first.counterparty, count: part.length, total, 各笔金额: part.map((e) => e.amount), dates: part.map((e) => e.date), 记录日期: end },
            records: part.map(entryRecord) },
        });
        i = j + 1;
      } else {
        i++;
      }
    }
  }
  return hits;
}

/** 重大事项未经“四议两公开”: a major expense (≥ the major amount, or 工程 from the approval threshold) with no decision before it. */
export function majorWithoutDecision(entries: FundEntry[], t: VillageThresholds): DomainHit[] {
  return expenses(entries).filter((e) => (e.amount >= t.majorAmount || (e.category === 'works' && e.amount >= t.approvalThreshold)) && (!e.decisionDate || e.decisionDate > e.date))
    .map((e) => ({
      code: 'VILLAGE_MAJOR_NO_DECISION', subjectId: `fundEntry:${e.id}`, unitId: e.villageId, title: title(e, fundCategoryWords[e.category][0]), strength: 'strong' as const, score: null,
      evidence: { rule: `支出 ≥ 重大事项金额（${t.majorAmount} 元）或工程支出 ≥ 审批限额（${t.approvalThreshold} 元），支出前无“四议两公开”决策`, lawRef: thresholdBasis.majorAmount,
        threshold: { 重大事项金额: t.majorAmount, 工程支出: t.approvalThreshold }, values: { amount: e.amount, 类别: fundCategoryWords[e.category][0], 决策日期: e.decisionDate ?? '无', 记录日期: e.date },
        records: [entryRecord(e)] },
    }));
}

/**
 * 支出未公开: after a quarter's 村务公开 was due, its expenses not marked published in the ledger, or all of them when
 * the village recorded no financial disclosure for the quarter. One hit per village and quarter.
 */
export function unpublishedExpenses(input: Pick<ScreeningInput, 'entries' | 'financeDisclosed' | 'today' | 'dueDays'>): DomainHit[] {
  const groups = new Map<string, FundEntry[]>();
  for (const e of expenses(input.entries)) {
    const q = quarterOf(e.date);
    if (dueOn(q, input.dueDays) >= input.today) continue;
    const disclosed = input.financeDisclosed.get(e.villageId)?.has(q) ?? false;
    if (disclosed && e.published) continue;
    const k = `${e.villageId}|${q}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return [...groups.values()].map((list) => {
    list.sort(byDate);
    const e = list[0];
    const q = quarterOf(e.date);
    const disclosed = input.financeDisclosed.get(e.villageId)?.has(q) ?? false;
    const total = round2(list.reduce((s, x) => s + x.amount, 0));
    return {
      code: 'VILLAGE_EXPENSE_UNPUBLISHED', subjectId: `unpublished:${e.villageId}:${q}`, unitId: e.villageId,
      title: `${e.villageName} ${q} ${list.length}笔支出未公开 合计${yuanText(total)}`, strength: disclosed ? 'weak' as const : 'medium' as const, score: null,
      evidence: { rule: '季度村务公开到期后，支出未在村务公开中公布（台账未标记公开，或该村本季度无财务公开记录）', lawRef: '《中华人民共和国村民委员会组织法》第三十条（财务收支至少每季度公布一次）',
        threshold: { 公开期限: dueOn(q, input.dueDays) }, values: { 季度: q, 本季度财务公开: disclosed ? '已登记' : '未登记', count: list.length, total, 记录日期: list[list.length - 1].date },
        records: list.map(entryRecord) },
    };
  });
}

/**
 * 支付集中: one counterparty's share of a village's year of expenses at or over the share, and at least the minimum
 * amount. Subsidies (补助发放) are left out: they go to many households through one roster, not to one payee.
 */
export function concentratedPayee(entries: FundEntry[], t: VillageThresholds): DomainHit[] {
  const years = new Map<string, FundEntry[]>();
  for (const e of expenses(entries).filter((x) => x.category !== 'subsidy')) {
    const k = `${e.villageId}|${e.date.slice(0, 4)}`;
    years.set(k, [...(years.get(k) ?? []), e]);
  }
  const hits: DomainHit[] = [];
  for (const list of years.values()) {
    const yearTotal = round2(list.reduce((s, e) => s + e.amount, 0));
    const parties = new Map<string, FundEntry[]>();
    for (const e of list) parties.set(partyKey(e.counterparty), [...(parties.get(partyKey(e.counterparty)) ?? []), e]);
    for (const [party, rows] of parties) {
      const sum = round2(rows.reduce((s, e) => s + e.amount, 0));
      const share = yearTotal > 0 ? sum / yearTotal : 0;
      if (share < t.concentrationShare || sum < t.concentrationMinAmount) continue;
      rows.sort(byDate);
      const e = rows[0];
      const year = e.date.slice(0, 4);
      hits.push({
        code: 'VILLAGE_PAYEE_CONCENTRATED', subjectId: `concentrated:${e.villageId}:${year}:${party}`, unitId: e.villageId,
        title: `${e.villageName} ${year}年 向${e.counterparty}支付${yuanText(sum)}，占全年支出${Math.round(share * 1000) / 10}%`, strength: 'weak', score: round2(share),
        evidence: { rule: `同一收款方全年支付占该村全年支出（补助发放除外）≥ ${t.concentrationShare * 100}%，且金额 ≥ ${t.concentrationMinAmount} 元`, lawRef: thresholdBasis.concentrationShare,
          threshold: { 集中比例: t.concentrationShare, 最低金额: t.concentrationMinAmount }, values: { 收款方: e.counterparty, sum, 全年支出: yearTotal, share: round2(share), count: rows.length, 记录日期: rows[rows.length - 1].date },
          records: rows.map(entryRecord) },
      });
    }
  }
  return hits;
}
