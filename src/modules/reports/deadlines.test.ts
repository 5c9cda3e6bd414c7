import { describe, expect, it } from 'vitest';
import { StatutoryCalendar } from '../../platform/calendar';
import { extendedDue, intakeDeadlines, openDeadlines, resultNoticeDue, reviewDue, settleDue } from './deadlines';

const cal = new StatutoryCalendar();

describe('statutory deadlines on the working-day calendar', () => {
  it('counts 15 working days across 国庆 2025, including the 调休 Sunday and Saturday', () => {
    // Received Friday 2025-09-26. Working days: 09-28 (调休 Sunday), 09-29, 09-30, then 10-01…10-08 off,
    // 10-09, 10-10, 10-11 (调休 Saturday), 10-13 … 10-17, 10-20 … 10-23 → the 15th is Thursday 10-23.
    expect(intakeDeadlines(cal, '2025-09-26', true)).toEqual({ routeDue: '2025-10-23', acceptNoticeDue: '2025-10-23' });
    expect(intakeDeadlines(cal, '2025-09-26', false).acceptNoticeDue).toBeNull();
  });

  it('lets the office override the calendar (an extra local holiday moves the deadline)', () => {
    const local = new StatutoryCalendar({ overrides: [{ date: '2025-10-20', kind: 'holiday', name: '本地休假' }] });
    expect(intakeDeadlines(local, '2025-09-26', false).routeDue).toBe('2025-10-24');
  });

  it('settles appeals and efficiency complaints in 60 days, rolled past holidays; +≤30 with approval', () => {
    expect(settleDue(cal, '2025-09-26', 'appeal')).toBe('2025-11-25');
    // 60 days after 2025-08-02 is 10-01 (国庆): the period ends on the next working day.
    expect(settleDue(cal, '2025-08-02', 'efficiency')).toBe('2025-10-09');
    expect(settleDue(cal, '2025-08-02', 'accusation')).toBeNull();
    expect(extendedDue(cal, '2025-11-25', 30)).toBe('2025-12-25');
    expect(() => extendedDue(cal, '2025-11-25', 31)).toThrow();
  });

  it('gives 15 working days to tell a real-name reporter the result, and 30 days for 复查/复核', () => {
    // Closed 09-30: 10-09, 10-10, 10-11 (调休), then ten days to 10-24, then 10-27, 10-28.
    expect(resultNoticeDue(cal, '2025-09-30', true)).toBe('2025-10-28');
    expect(resultNoticeDue(cal, '2025-09-30', false)).toBeNull();
    expect(reviewDue(cal, '2025-09-01')).toBe('2025-10-09');
  });

  it('lists the deadlines a report still owes', () => {
    const base = { status: 'accepted', identified: true, route_due: '2025-10-23', accept_notice_due: '2025-10-23', accept_notified_at: null,
      handle_due: '2025-11-25', extended_due: null, closed_on: null, result_notice_due: null, result_notified_at: null, review_due: null };
    expect(openDeadlines(base).map((d) => d.name)).toEqual(['acceptanceNotice', 'settle']);
    expect(openDeadlines({ ...base, status: 'received', accept_notified_at: new Date(), extended_due: '2025-12-25' })).toEqual([
      { name: 'route', due: '2025-10-23' }, { name: 'settle', due: '2025-12-25' },
    ]);
  });
});
