/**
 * User-facing texts for calendar warnings, keyed like src/platform/i18n/messages.ts so the i18n module can
 * merge them. Kept here so the key and its wording change together with the code that emits it.
 */
export const calendarMessages = {
  'zh-CN': {
    'calendar.yearNotCovered': '{year} 年的法定节假日安排尚未录入，期限按仅扣除周末估算，请录入国务院办公厅通知后复核',
  },
  en: {
    'calendar.yearNotCovered':
      'The {year} public-holiday schedule has not been loaded; the deadline is estimated from weekends only. ' +
      'Load the State Council notice and check it again',
  },
} as const;
