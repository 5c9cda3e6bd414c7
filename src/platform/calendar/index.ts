export * from './dates';
export { buildHolidayData, packageHolidayData, type HolidayData, type HolidayName } from './holidayData';
export * from './statutoryCalendar';
export { calendarMessages } from './messages';
