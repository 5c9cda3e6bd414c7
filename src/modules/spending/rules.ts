import type { DayInfo } from '../../platform/calendar/statutoryCalendar';
import type { DomainHit } from '../risk/hitStore';
import type { SpendingCategory, TravellerRank } from './db';
import { lodgingCode, type Standards } from './standards';
import { categoryWords, yuan } from './words';

/**
 * The screening rules over plain expense records, pure: the county's standards and its calendar come in as
 * arguments. Each rule returns hits in the shared store's shape; the evidence names the standard, shows the
 * computation (amount ÷ persons ÷ days …) and links the record. A rule that lacks the figures it needs (no
 * headcount, no nights) does not fire: it cannot compute, and a missing figure is the entry form's concern.
 */
export interface ExpenseFacts {
  id: string;
  unitId: string;
  unitName: string;
  spentOn: string;
  category: SpendingCategory;
  amount: number;
  persons: number | null;
  accompanying: number | null;
  days: number | null;
  nights: number | null;
  classLevel: number | null;
  travellerRank: TravellerRank | null;
  payee: string | null;
  venue: string | null;
  hasLetter: boolean | null;
  approvalNo: string | null;
  description: string | null;
}

export type DayInfoOf = (date: string) => Pick<DayInfo, 'working' | 'kind' | 'name'>;

/** Codes whose hit means the record itself is over a standard (the metric counts these records). */
export const overStandardCodes = ['RECEPTION_MEAL_OVER_STANDARD', 'RECEPTION_ACCOMPANY_OVER_LIMIT', 'MEETING_OVER_STANDARD', 'TRAINING_OVER_STANDARD', 'LODGING_OVER_STANDARD'] as const;
/** The evidence value that carries the amount over standard, in yuan. */
export const OVER_AMOUNT_KEY = '超标金额（元）';

const round2 = (n: number) => Math.round(n * 100) / 100;
const title = (e: ExpenseFacts) => `${e.unitName} ${e.spentOn} ${categoryWords[e.category][0]} ${yuan(e.amount)}`;
const record = (e: ExpenseFacts) => ({
  kind: 'spendingExpense', id: e.id, href: `/spending/records?record=${e.id}`,
  label: `${e.unitName} ${e.spentOn} ${categoryWords[e.category][0]} ${yuan(e.amount)}${e.payee ? ` ${e.payee}` : ''}`,
});
const strengthOf = (ratio: number): DomainHit['strength'] => (ratio >= 1.5 ? 'strong' : ratio >= 1.2 ? 'medium' : 'weak');

function hit(e: ExpenseFacts, code: string, strength: DomainHit['strength'], score: number | null, ev: Omit<DomainHit['evidence'], 'records'>): DomainHit {
  return { code, subjectId: `expense:${e.id}`, unitId: e.unitId, title: title(e), strength, score, evidence: { ...ev, records: [record(e)] } };
}

/** Per person (per day) over a limit: amount ÷ (persons × days) > limit. The amount over is amount − limit × persons × days. */
function perHead(e: ExpenseFacts, code: string, limit: number | undefined, units: number, unitWord: string, limitWord: string, lawRef: string, extra: Record<string, unknown>) {
  if (limit === undefined || !(limit > 0) || !(units > 0)) return [];
  const per = round2(e.amount / units);
  if (per <= limit) return [];
  const ratio = per / limit;
  return [hit(e, code, strengthOf(ratio), round2(ratio), {
    rule: `支出金额 ÷ ${unitWord} > 标准（${limitWord}）`, lawRef,
    threshold: { [`标准（${limitWord}）`]: limit },
    values: {
      '支出金额（元）': e.amount, ...extra, [`人均（${limitWord}）`]: per, [OVER_AMOUNT_KEY]: round2(e.amount - limit * units), '超标倍数': round2(ratio),
      // The stored evidence is JSON whose keys lose their order: the computation is also spelled out in one line.
      '计算过程': `${e.amount} ÷ ${units} = ${per} > ${limit}；超标金额 = ${e.amount} − ${limit} × ${units} = ${round2(e.amount - limit * units)}`,
    },
  })];
}

export function receptionMeal(e: ExpenseFacts, s: Standards): DomainHit[] {
  if (e.category !== 'reception' || !e.persons) return [];
  const diners = e.persons + (e.accompanying ?? 0);
  return perHead(e, 'RECEPTION_MEAL_OVER_STANDARD', s.values['reception.mealPerPerson'], diners, '用餐人数（接待对象 + 陪餐人员）', '元/人·餐',
    s.basis['reception.mealPerPerson'] ?? '', { '接待对象人数': e.persons, '陪餐人数': e.accompanying ?? 0, '用餐人数': diners });
}

/** 陪餐: up to `small` guests at most `max` accompany; above that at most a third of the guests. */
export function accompanyLimit(persons: number, s: Standards): number {
  const small = s.values['reception.accompanySmallGroup'] ?? 10;
  return persons <= small ? (s.values['reception.accompanyMax'] ?? 3) : Math.floor(persons / 3);
}

export function receptionAccompany(e: ExpenseFacts, s: Standards): DomainHit[] {
  if (e.category !== 'reception' || !e.persons || e.accompanying === null) return [];
  const limit = accompanyLimit(e.persons, s);
  if (e.accompanying <= limit) return [];
  const diners = e.persons + e.accompanying;
  const over = e.accompanying - limit;
  return [hit(e, 'RECEPTION_ACCOMPANY_OVER_LIMIT', over >= 3 ? 'strong' : 'medium', over, {
    rule: `接待对象 ≤ ${s.values['reception.accompanySmallGroup'] ?? 10} 人时陪餐人数 ≤ ${s.values['reception.accompanyMax'] ?? 3}，超过时陪餐人数 ≤ 接待对象 ÷ 3`,
    lawRef: s.basis['reception.accompanyMax'] ?? '',
    threshold: { '陪餐人数上限': limit },
    values: { '接待对象人数': e.persons, '陪餐人数': e.accompanying, '超出陪餐人数': over, '支出金额（元）': e.amount, [OVER_AMOUNT_KEY]: round2((e.amount / diners) * over) },
  })];
}

export function receptionWithoutLetter(e: ExpenseFacts): DomainHit[] {
  if (e.category !== 'reception' || e.hasLetter === true || (e.approvalNo && e.approvalNo.trim())) return [];
  return [hit(e, 'RECEPTION_WITHOUT_LETTER', 'medium', null, {
    rule: '公务接待记录既未登记公函，也未登记审批文号',
    lawRef: '《党政机关国内公务接待管理规定》（2013年）第六条：无公函的公务活动和来访人员一律不予接待',
    threshold: { '须有公函': '是' },
    values: { '有无公函': e.hasLetter === false ? '无' : '未填写', '审批文号': e.approvalNo ?? '未填写' },
  })];
}

export function meeting(e: ExpenseFacts, s: Standards): DomainHit[] {
  if (e.category !== 'meeting' || !e.persons || !e.days) return [];
  const cls = e.classLevel ?? 3;
  return perHead(e, 'MEETING_OVER_STANDARD', s.values[`meeting.class${cls}`], e.persons * e.days, '（参会人数 × 会期天数）', '元/人天', s.basis[`meeting.class${cls}`] ?? '',
    { '参会人数': e.persons, '会期（天）': e.days, '会议类别': `${'一二三四'[cls - 1]}类${e.classLevel ? '' : '（未填写，按三类）'}` });
}

export function training(e: ExpenseFacts, s: Standards): DomainHit[] {
  if (e.category !== 'training' || !e.persons || !e.days) return [];
  const cls = Math.min(e.classLevel ?? 3, 3);
  return perHead(e, 'TRAINING_OVER_STANDARD', s.values[`training.class${cls}`], e.persons * e.days, '（参训人数 × 培训天数）', '元/人天', s.basis[`training.class${cls}`] ?? '',
    { '参训人数': e.persons, '培训天数': e.days, '培训类别': `${'一二三'[cls - 1]}类${e.classLevel ? '' : '（未填写，按三类）'}` });
}

/** 差旅: the record's amount is the lodging paid (住宿费), per traveller per night against the traveller's rank. */
export function lodging(e: ExpenseFacts, s: Standards): DomainHit[] {
  if (e.category !== 'travel' || !e.nights) return [];
  const rank = e.travellerRank ?? 'general';
  const persons = e.persons ?? 1;
  return perHead(e, 'LODGING_OVER_STANDARD', s.values[lodgingCode(rank)], persons * e.nights, '（出差人数 × 住宿晚数）', '元/人·晚', s.basis[lodgingCode(rank)] ?? '',
    { '出差人数': persons, '住宿晚数': e.nights, '出差人员职级': rankZh[rank] });
}

const rankZh: Record<TravellerRank, string> = { provincial: '省部级', bureau: '厅局级', county: '县处级', township: '乡科级', general: '一般干部', other: '其他人员' };

export function holidayReception(e: ExpenseFacts, dayInfo: DayInfoOf): DomainHit[] {
  if (e.category !== 'reception') return [];
  const d = dayInfo(e.spentOn);
  if (d.working) return [];
  const day = d.kind === 'publicHoliday' ? `法定节假日${d.name ? `（${d.name}）` : ''}` : '周末';
  return [hit(e, 'RECEPTION_ON_HOLIDAY', 'weak', null, {
    rule: '公务接待发生在周末或法定节假日（调休上班日除外）', lawRef: '中央八项规定精神：节假日期间公务接待须从严审核（提示性规则，县级设置）',
    threshold: { '应为工作日': '是' }, values: { '接待日期': e.spentOn, '日期类型': day },
  })];
}

export function bannedWords(e: ExpenseFacts, s: Standards): DomainHit[] {
  const text = [e.venue, e.description, e.payee].filter(Boolean).join(' ');
  const found = s.words.filter((w) => w && text.toLowerCase().includes(w.toLowerCase()));
  if (!found.length) return [];
  return [hit(e, 'SPENDING_BANNED_WORDS', found.length >= 2 ? 'medium' : 'weak', found.length, {
    rule: '场所、收款方或事由含禁止性消费提示词', lawRef: s.basis['words.banned'] ?? '',
    threshold: { '提示词表': s.words }, values: { '命中词': found, '场所': e.venue ?? '—', '收款方': e.payee ?? '—', '事由': e.description ?? '—' },
  })];
}

/**
 * 拆分报销: payments of one unit to one payee, each under the threshold, within `windowDays` of the first, that
 * together reach it. Greedy from the earliest payment, so each payment belongs to at most one group.
 */
export function splitPayments(all: ExpenseFacts[], s: Standards): DomainHit[] {
  const threshold = s.values['split.threshold'];
  const windowDays = s.values['split.windowDays'];
  if (!(threshold > 0) || !(windowDays >= 0)) return [];
  const groups = new Map<string, ExpenseFacts[]>();
  for (const e of all) {
    const payee = e.payee?.replace(/\s+/g, '');
    if (!payee || e.amount >= threshold) continue;
    const k = `${e.unitId}|${payee}`;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const hits: DomainHit[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.spentOn.localeCompare(b.spentOn) || a.id.localeCompare(b.id));
    let i = 0;
    while (i < list.length) {
      let j = i;
      let sum = 0;
      while (j < list.length && day(list[j].spentOn) - day(list[i].spentOn) <= windowDays) { sum += list[j].amount; j++; }
      if (j - i >= 2 && sum >= threshold) {
        // The shortest run from i that reaches the threshold is the evidence; the rest of the window starts anew.
        let k = i;
        let part = 0;
        while (part < threshold) part += list[k++].amount;
        const rows = list.slice(i, Math.max(k, i + 2));
        const total = round2(rows.reduce((n, r) => n + r.amount, 0));
        const first = rows[0];
        const payee = first.payee!.trim();
        hits.push({
          code: 'SPENDING_SPLIT_PAYMENTS', subjectId: `split:${first.id}`, unitId: first.unitId, strength: total >= threshold * 1.5 ? 'strong' : 'medium', score: round2(total / threshold),
          title: `${first.unitName} 向 ${payee} ${rows.length} 笔支付 ${first.spentOn}—${rows[rows.length - 1].spentOn} 合计 ${yuan(total)}`,
          evidence: {
            rule: `同一单位向同一收款方 ${windowDays} 天内多笔支付，每笔低于限额、合计达到限额`, lawRef: s.basis['split.threshold'] ?? '',
            threshold: { '单笔限额（元）': threshold, '时间窗口（天）': windowDays },
            values: { '收款方': payee, '笔数': rows.length, '各笔金额（元）': rows.map((r) => r.amount), '合计（元）': total, '日期': rows.map((r) => r.spentOn) },
            records: rows.map(record),
          },
        });
        i = i + rows.length;
      } else {
        i++;
      }
    }
  }
  return hits;
}

/** Every rule over every record of a county, in a stable order. */
export function screenExpenses(records: ExpenseFacts[], s: Standards, dayInfo: DayInfoOf): DomainHit[] {
  const out: DomainHit[] = [];
  for (const e of records) {
    out.push(...receptionMeal(e, s), ...receptionAccompany(e, s), ...receptionWithoutLetter(e), ...meeting(e, s), ...training(e, s), ...lodging(e, s),
      ...holidayReception(e, dayInfo), ...bannedWords(e, s));
  }
  out.push(...splitPayments(records, s));
  return out;
}
