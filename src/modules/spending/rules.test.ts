import { describe, expect, it } from 'vitest';
import { StatutoryCalendar } from '../../platform/calendar/statutoryCalendar';
import {
  accompanyLimit, bannedWords, holidayReception, lodging, meeting, OVER_AMOUNT_KEY, receptionAccompany, receptionMeal, receptionWithoutLetter, screenExpenses,
  splitPayments, training, type ExpenseFacts,
} from './rules';
import { defaultStandards } from './standards';

/** Each rule fires just over its limit and not at it (the defaults: 工作餐 120, 会议三类 550, 培训三类 380, 一般干部住宿 350). */
const s = defaultStandards();
let n = 0;
const rec = (x: Partial<ExpenseFacts>): ExpenseFacts => ({
  id: `e${++n}`, unitId: 'u1', unitName: '县农业农村局', spentOn: '2026-03-04', category: 'reception', amount: 0, persons: null, accompanying: null, days: null,
  nights: null, classLevel: null, travellerRank: null, payee: null, venue: null, hasLetter: true, approvalNo: null, description: null, ...x,
});
const calendar = new StatutoryCalendar();
const dayInfo = (d: string) => calendar.dayInfo(d);

describe('reception meal per person', () => {
  it('fires over the limit per diner (guests plus accompanying) and not at it', () => {
    expect(receptionMeal(rec({ amount: 1200, persons: 7, accompanying: 3 }), s)).toEqual([]);
    const [h] = receptionMeal(rec({ amount: 1201, persons: 7, accompanying: 3 }), s);
    expect(h.code).toBe('RECEPTION_MEAL_OVER_STANDARD');
    expect(h.evidence.values['人均（元/人·餐）']).toBe(120.1);
    expect(h.evidence.values['计算过程']).toBe('1201 ÷ 10 = 120.1 > 120；超标金额 = 1201 − 120 × 10 = 1');
    expect(h.evidence.values[OVER_AMOUNT_KEY]).toBe(1);
    expect(h.evidence.threshold).toEqual({ '标准（元/人·餐）': 120 });
    expect(h.evidence.records[0]).toMatchObject({ kind: 'spendingExpense', href: expect.stringMatching(/^\/spending\/records\?record=/) });
    expect(h.title).toBe('县农业农村局 2026-03-04 公务接待 ¥1,201');
  });
  it('does not judge a reception without a headcount', () => {
    expect(receptionMeal(rec({ amount: 99999 }), s)).toEqual([]);
  });
});

describe('accompanying persons (第十条)', () => {
  it('allows 3 up to 10 guests and a third above', () => {
    expect(accompanyLimit(10, s)).toBe(3);
    expect(accompanyLimit(11, s)).toBe(3);
    expect(accompanyLimit(15, s)).toBe(5);
    expect(receptionAccompany(rec({ amount: 500, persons: 10, accompanying: 3 }), s)).toEqual([]);
    expect(receptionAccompany(rec({ amount: 500, persons: 10, accompanying: 4 }), s)[0].evidence.values['超出陪餐人数']).toBe(1);
    expect(receptionAccompany(rec({ amount: 500, persons: 15, accompanying: 5 }), s)).toEqual([]);
    expect(receptionAccompany(rec({ amount: 500, persons: 15, accompanying: 6 }), s)).toHaveLength(1);
  });
});

describe('reception without a letter', () => {
  it('fires when neither a letter nor an approval number is recorded', () => {
    expect(receptionWithoutLetter(rec({ hasLetter: true }))).toEqual([]);
    expect(receptionWithoutLetter(rec({ hasLetter: null, approvalNo: '农函〔2026〕3号' }))).toEqual([]);
    expect(receptionWithoutLetter(rec({ hasLetter: false }))[0].code).toBe('RECEPTION_WITHOUT_LETTER');
    expect(receptionWithoutLetter(rec({ hasLetter: null }))[0].evidence.values['有无公函']).toBe('未填写');
    expect(receptionWithoutLetter(rec({ category: 'meeting', hasLetter: false }))).toEqual([]);
  });
});

describe('meetings, training and lodging per person per day', () => {
  it('meeting: amount ÷ (persons × days) against its class', () => {
    expect(meeting(rec({ category: 'meeting', amount: 550 * 40 * 2, persons: 40, days: 2 }), s)).toEqual([]);
    const [h] = meeting(rec({ category: 'meeting', amount: 550 * 40 * 2 + 80, persons: 40, days: 2 }), s);
    expect(h.code).toBe('MEETING_OVER_STANDARD');
    expect(h.evidence.values['会议类别']).toBe('三类（未填写，按三类）');
    expect(meeting(rec({ category: 'meeting', amount: 760 * 10, persons: 10, days: 1, classLevel: 1 }), s)).toEqual([]);
    expect(meeting(rec({ category: 'meeting', amount: 760 * 10 + 10, persons: 10, days: 1, classLevel: 1 }), s)).toHaveLength(1);
  });
  it('training: class 3 at 380', () => {
    expect(training(rec({ category: 'training', amount: 380 * 30 * 3, persons: 30, days: 3 }), s)).toEqual([]);
    expect(training(rec({ category: 'training', amount: 380 * 30 * 3 + 90, persons: 30, days: 3 }), s)[0].evidence.values[OVER_AMOUNT_KEY]).toBe(90);
  });
  it('lodging: per traveller per night by rank', () => {
    expect(lodging(rec({ category: 'travel', amount: 700, nights: 2 }), s)).toEqual([]);
    expect(lodging(rec({ category: 'travel', amount: 701, nights: 2 }), s)).toHaveLength(1);
    expect(lodging(rec({ category: 'travel', amount: 960, nights: 2, travellerRank: 'bureau' }), s)).toEqual([]);
    expect(lodging(rec({ category: 'travel', amount: 2000, persons: 2, nights: 2, travellerRank: 'county' }), s)[0].strength).toBe('medium');
  });
});

describe('receptions on rest days', () => {
  it('fires on a Saturday and on 国庆, not on a weekday or a make-up working Sunday', () => {
    expect(holidayReception(rec({ spentOn: '2026-03-04' }), dayInfo)).toEqual([]);
    expect(holidayReception(rec({ spentOn: '2026-03-07' }), dayInfo)[0].evidence.values['日期类型']).toBe('周末');
    expect(String(holidayReception(rec({ spentOn: '2025-10-02' }), dayInfo)[0].evidence.values['日期类型'])).toContain('法定节假日');
    // 2025-09-28 (Sunday) was a 调休 working day before the National Day holiday.
    expect(holidayReception(rec({ spentOn: '2025-09-28' }), dayInfo)).toEqual([]);
  });
});

describe('banned words', () => {
  it('matches whole words of the list, not 酒店', () => {
    expect(bannedWords(rec({ venue: '县城某酒店', description: '接待市农业农村局调研组' }), s)).toEqual([]);
    const [h] = bannedWords(rec({ venue: '某私人会所', description: '含白酒两瓶' }), s);
    expect(h.evidence.values['命中词']).toEqual(['会所', '私人会所', '白酒']);
  });
});

describe('split payments', () => {
  const pay = (spentOn: string, amount: number, payee = '县城某印务公司') => rec({ category: 'meeting', spentOn, amount, payee, unitId: 'u2' });
  it('fires for payments each under the threshold within the window that together reach it', () => {
    const hits = splitPayments([pay('2026-04-01', 6000), pay('2026-04-20', 4000), pay('2026-06-01', 9000)], s);
    expect(hits).toHaveLength(1);
    expect(hits[0].evidence.records).toHaveLength(2);
    expect(hits[0].evidence.values['合计（元）']).toBe(10000);
  });
  it('does not fire just under the threshold, outside the window, across payees or with a payment at the threshold', () => {
    expect(splitPayments([pay('2026-04-01', 6000), pay('2026-04-20', 3999.99)], s)).toEqual([]);
    expect(splitPayments([pay('2026-04-01', 6000), pay('2026-05-02', 4000)], s)).toEqual([]);
    expect(splitPayments([pay('2026-04-01', 6000), pay('2026-04-02', 4000, '另一公司')], s)).toEqual([]);
    expect(splitPayments([pay('2026-04-01', 10000), pay('2026-04-02', 100)], s)).toEqual([]);
  });
});

describe('screenExpenses', () => {
  it('runs every rule and gives each hit its record', () => {
    const hits = screenExpenses([rec({ amount: 3680, persons: 6, accompanying: 5, hasLetter: false, spentOn: '2026-03-07', venue: '某会所' })], s, dayInfo);
    expect(hits.map((h) => h.code).sort()).toEqual(['RECEPTION_ACCOMPANY_OVER_LIMIT', 'RECEPTION_MEAL_OVER_STANDARD', 'RECEPTION_ON_HOLIDAY', 'RECEPTION_WITHOUT_LETTER', 'SPENDING_BANNED_WORDS']);
  });
});
