/**
 * Texts for identifier keys that src/platform/i18n/messages.ts does not have yet. The citizen-ID and
 * credit-code keys (field.citizenId, field.creditCode, field.creditCodeFormat, reason.*) already live there;
 * merge these alongside them.
 */
export const identifierMessages = {
  'zh-CN': {
    'field.divisionCode': '{field}不是有效的行政区划代码（应为 6、9 或 12 位数字）',
  },
  en: {
    'field.divisionCode': '{field} is not a valid administrative division code (6, 9 or 12 digits)',
  },
} as const;
