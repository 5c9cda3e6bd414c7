import { addCalendarMonths, diffDays } from '../../platform/calendar/dates';
import { cashOverLimit, concentratedPayee, majorWithoutDecision, splitPayments, unpublishedExpenses } from './fundRules';
import { areaUnitWords, awardMethodWords, objectTypeWords } from './words';
import { contractRecord, disposalRecord, round2, yuanText, type Contract, type Disposal, type DomainHit, type ScreeningInput } from './ruleTypes';
import { thresholdBasis, type VillageThresholds } from './settings';

/** Anomaly rules over contracts (资源资产发包/租赁) and asset disposals; pure, like the fund rules. */
export const termYears = (c: Pick<Contract, 'startOn' | 'endOn'>) => diffDays(c.startOn, c.endOn) / 365;
export const contractTotal = (c: Contract) => round2(c.annualRent * termYears(c));
const rentPerArea = (c: Contract) => c.annualRent / c.area;

/** Quartile by linear interpolation between order statistics (the common spreadsheet QUARTILE.INC). */
export function quantile(sorted: number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const cTitle = (c: Contract, what: string) => `${c.villageName} ${c.objectName}（${objectTypeWords[c.objectType][0]}）${what} ${c.counterparty}`;

/**
 * 租金明显偏低: rent per area below the lower IQR fence (Q1 − 1.5×IQR) of the other contracts of the same township,
 * object type and area unit, when there are at least `rentMinPeers` of them.
 */
export function rentBelowPeers(contracts: Contract[], t: VillageThresholds): DomainHit[] {
  const groups = new Map<string, Contract[]>();
  for (const c of contracts) {
    const k = `${c.townshipCode ?? ''}|${c.objectType}|${c.areaUnit}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const hits: DomainHit[] = [];
  for (const list of groups.values()) {
    for (const c of list) {
      const peers = list.filter((p) => p.id !== c.id).map(rentPerArea).sort((a, b) => a - b);
      if (peers.length < t.rentMinPeers) continue;
      const q1 = quantile(peers, 0.25);
      const q3 = quantile(peers, 0.75);
      const fence = q1 - 1.5 * (q3 - q1);
      const own = rentPerArea(c);
      if (!(own < fence)) continue;
      const unit = areaUnitWords[c.areaUnit][0];
      hits.push({
        code: 'VILLAGE_RENT_BELOW_PEERS', subjectId: `contract:${c.id}`, unitId: c.villageId, title: cTitle(c, `年租金 ${round2(own)} 元/${unit}`), strength: 'medium',
        score: round2(own / quantile(peers, 0.5)),
        evidence: { rule: '单位面积年租金 < 同乡镇同类合同的下限（Q1 − 1.5×IQR）', lawRef: '同乡镇同类合同比较（统计规则；本县发包指导价出台后以指导价为准，待核）',
          threshold: { 下限: round2(fence), Q1: round2(q1), Q3: round2(q3), 中位数: round2(quantile(peers, 0.5)), 可比合同数: peers.length },
          values: { 单位面积年租金: round2(own), 面积单位: unit, 年租金: c.annualRent, 面积: c.area, 记录日期: c.startOn }, records: [contractRecord(c)] },
      });
    }
  }
  return hits;
}

/** 合同期限过长: the end date later than the start plus the term limit in years. */
export function termTooLong(contracts: Contract[], t: VillageThresholds): DomainHit[] {
  return contracts.filter((c) => c.endOn > addCalendarMonths(c.startOn, t.contractTermYears * 12)).map((c) => ({
    code: 'VILLAGE_CONTRACT_TERM_LONG', subjectId: `contract:${c.id}`, unitId: c.villageId, title: cTitle(c, `${c.startOn}至${c.endOn}`), strength: 'weak' as const,
    score: round2(termYears(c)),
    evidence: { rule: `合同期限超过 ${t.contractTermYears} 年`, lawRef: thresholdBasis.contractTermYears, threshold: { 期限上限年: t.contractTermYears },
      values: { 期限年: round2(termYears(c)), startDate: c.startOn, endDate: c.endOn, 记录日期: c.startOn }, records: [contractRecord(c)] },
  }));
}

/** 协商发包超限: awarded by negotiation though the contract total reaches the open-bidding limit. */
export function negotiatedOverLimit(contracts: Contract[], t: VillageThresholds): DomainHit[] {
  return contracts.filter((c) => c.awardMethod === 'negotiation' && contractTotal(c) >= t.negotiationLimit).map((c) => ({
    code: 'VILLAGE_NEGOTIATED_OVER_LIMIT', subjectId: `contract:${c.id}`, unitId: c.villageId, title: cTitle(c, `协商发包 合同总额${yuanText(contractTotal(c))}`), strength: 'medium' as const,
    score: null,
    evidence: { rule: `以协商方式发包，合同总额（年租金 × 期限）≥ 公开竞价金额标准（${t.negotiationLimit} 元）`, lawRef: thresholdBasis.negotiationLimit,
      threshold: { 公开竞价标准: t.negotiationLimit }, values: { contractValue: contractTotal(c), 年租金: c.annualRent, 期限年: round2(termYears(c)), 发包方式: awardMethodWords.negotiation[0], 记录日期: c.startOn },
      records: [contractRecord(c)] },
  }));
}

/** 发包未经“四议两公开”: a contract whose total reaches the major amount with no decision before its start. */
export function contractWithoutDecision(contracts: Contract[], t: VillageThresholds): DomainHit[] {
  return contracts.filter((c) => contractTotal(c) >= t.majorAmount && (!c.decisionDate || c.decisionDate > c.startOn)).map((c) => ({
    code: 'VILLAGE_CONTRACT_NO_DECISION', subjectId: `contract:${c.id}`, unitId: c.villageId, title: cTitle(c, `合同总额${yuanText(contractTotal(c))}`), strength: 'strong' as const, score: null,
    evidence: { rule: `合同总额 ≥ 重大事项金额（${t.majorAmount} 元），起租前无“四议两公开”决策`, lawRef: thresholdBasis.majorAmount, threshold: { 重大事项金额: t.majorAmount },
      values: { contractValue: contractTotal(c), 决策日期: c.decisionDate ?? '无', 记录日期: c.startOn }, records: [contractRecord(c)] },
  }));
}

/** 低于评估价处置: a disposal sold below `disposalRatio` of its appraised value. */
export function disposalBelowAppraisal(disposals: Disposal[], t: VillageThresholds): DomainHit[] {
  return disposals.filter((d) => d.salePrice < d.appraisedValue * t.disposalRatio).map((d) => {
    const ratio = d.salePrice / d.appraisedValue;
    return {
      code: 'VILLAGE_DISPOSAL_BELOW_APPRAISAL', subjectId: `disposal:${d.id}`, unitId: d.villageId,
      title: `${d.villageName} ${d.disposedOn} ${d.assetName} 以${yuanText(d.salePrice)}售予${d.buyer}（评估${yuanText(d.appraisedValue)}）`, strength: ratio < 0.7 ? 'strong' as const : 'medium' as const,
      score: round2(ratio),
      evidence: { rule: `成交价 < 评估价 × ${t.disposalRatio}`, lawRef: thresholdBasis.disposalRatio, threshold: { 比例下限: t.disposalRatio },
        values: { 评估价: d.appraisedValue, 成交价: d.salePrice, 成交价占评估价: round2(ratio), 处置方式: awardMethodWords[d.method][0], 记录日期: d.disposedOn }, records: [disposalRecord(d)] },
    };
  });
}

/** Every rule over a county's ledgers, in a stable order. */
export function screenVillageAssets(input: ScreeningInput): DomainHit[] {
  const t = input.thresholds;
  return [
    ...cashOverLimit(input.entries, t), ...splitPayments(input.entries, t), ...majorWithoutDecision(input.entries, t), ...unpublishedExpenses(input),
    ...concentratedPayee(input.entries, t), ...rentBelowPeers(input.contracts, t), ...termTooLong(input.contracts, t), ...negotiatedOverLimit(input.contracts, t),
    ...contractWithoutDecision(input.contracts, t), ...disposalBelowAppraisal(input.disposals, t),
  ];
}
