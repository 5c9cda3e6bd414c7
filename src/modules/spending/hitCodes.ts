import type { HitCodeName } from '../risk/hitStore';

/** Names of this module's red-flag hit codes (zh, en) and what each rule checks, for the shared hits list and clue titles. */
export const spendingHitCodes: Record<string, HitCodeName> = {
  RECEPTION_MEAL_OVER_STANDARD: { zh: '公务接待人均超标准', en: 'Reception meal over standard per person',
    rule: '公务接待支出除以用餐人数（接待对象加陪餐人员）高于县定工作餐标准（党政机关国内公务接待管理规定）。' },
  RECEPTION_ACCOMPANY_OVER_LIMIT: { zh: '陪餐人数超标', en: 'Too many accompanying persons',
    rule: '接待对象10人以内陪餐超过3人，或超过10人时陪餐超过接待对象的三分之一（党政机关国内公务接待管理规定第十条）。' },
  RECEPTION_WITHOUT_LETTER: { zh: '无公函接待', en: 'Reception without an official letter',
    rule: '公务接待未登记派出单位公函或审批文号（党政机关国内公务接待管理规定第六条：无公函的一律不予接待）。' },
  MEETING_OVER_STANDARD: { zh: '会议费超标准', en: 'Meeting cost over standard',
    rule: '会议费除以参会人数和会期天数高于该类会议综合定额（会议费管理办法）。' },
  TRAINING_OVER_STANDARD: { zh: '培训费超标准', en: 'Training cost over standard',
    rule: '培训费除以参训人数和培训天数高于该类培训综合定额（培训费管理办法）。' },
  LODGING_OVER_STANDARD: { zh: '差旅住宿超标准', en: 'Travel lodging over standard',
    rule: '住宿费除以出差人数和住宿晚数高于出差人员职级对应的住宿标准（差旅费管理办法）。' },
  RECEPTION_ON_HOLIDAY: { zh: '节假日公务接待', en: 'Reception on a weekend or holiday',
    rule: '公务接待发生在周末或法定节假日（调休上班日除外），需核实是否确属公务。' },
  SPENDING_BANNED_WORDS: { zh: '疑似禁止性消费', en: 'Words suggesting banned items',
    rule: '支出的场所、收款方或事由含高档、会所、烟酒、景区等提示词（词表由县纪委监委维护），需核实是否存在违规消费。' },
  SPENDING_SPLIT_PAYMENTS: { zh: '疑似拆分报销', en: 'Payments split under a threshold',
    rule: '同一单位向同一收款方在规定天数内多笔支付，每笔均低于审批（集中采购）限额而合计达到限额，需核实是否拆分规避审批。' },
};
