import type { HitCodeName } from '../risk/hitStore';

/** Names of this module's red-flag hit codes (zh, en) and what each rule checks, for the shared hits list and clue titles. */
export const villageAssetsHitCodes: Record<string, HitCodeName> = {
  VILLAGE_CASH_OVER_LIMIT: { zh: '村级现金支付超限', en: 'Village cash payment over the limit', rule: '村集体单笔现金支付超过现金支付限额，大额资金应通过转账支付，现金支付易发生坐收坐支、虚列支出。' },
  VILLAGE_SPLIT_PAYMENT: { zh: '村级拆分支付规避审批', en: 'Village payment split to avoid approval', rule: '短期内向同一收款方多笔支付，每笔低于审批限额、合计超过限额，可能化整为零规避审批。' },
  VILLAGE_MAJOR_NO_DECISION: { zh: '重大支出未经“四议两公开”', en: 'Major village expense without a 四议两公开 decision', rule: '大额或工程支出在支出前没有“四议两公开”决策记录（或决策晚于支出）。' },
  VILLAGE_EXPENSE_UNPUBLISHED: { zh: '村级支出未公开', en: 'Village expenses not disclosed', rule: '季度村务公开期限已过，支出未在村务公开中公布，或该村本季度没有财务公开记录。' },
  VILLAGE_PAYEE_CONCENTRATED: { zh: '村级支付过度集中', en: 'Village payments concentrated on one payee', rule: '全年支出中向同一收款方支付的比例过高，需核实是否存在优亲厚友、利益输送。' },
  VILLAGE_RENT_BELOW_PEERS: { zh: '发包租金明显偏低', en: 'Contract rent far below peers', rule: '合同单位面积年租金明显低于同乡镇同类资源资产合同（四分位距下限），可能低价发包。' },
  VILLAGE_CONTRACT_TERM_LONG: { zh: '发包租赁期限过长', en: 'Contract term too long', rule: '资源资产发包或租赁期限超过规定上限。' },
  VILLAGE_NEGOTIATED_OVER_LIMIT: { zh: '应公开竞价而协商发包', en: 'Negotiated award above the bidding limit', rule: '合同总额达到公开竞价标准，却以协商方式发包。' },
  VILLAGE_CONTRACT_NO_DECISION: { zh: '发包未经“四议两公开”', en: 'Contract without a 四议两公开 decision', rule: '合同总额达到重大事项标准，起租前没有“四议两公开”决策记录。' },
  VILLAGE_DISPOSAL_BELOW_APPRAISAL: { zh: '资产低于评估价处置', en: 'Asset disposed of below appraisal', rule: '集体资产成交价低于评估价的规定比例，可能低价处置、造成集体资产流失。' },
};
