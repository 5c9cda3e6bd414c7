export type Locale = 'zh-CN' | 'en';

/** Picks the response language: explicit `lang` cookie/query wins, then Accept-Language; Chinese by default. */
export function pickLocale(acceptLanguage: string | undefined, explicit?: string): Locale {
  const pref = (explicit ?? '').toLowerCase();
  if (pref.startsWith('en')) return 'en';
  if (pref.startsWith('zh')) return 'zh-CN';
  const header = (acceptLanguage ?? '').toLowerCase().trim();
  if (header.startsWith('en')) return 'en';
  return 'zh-CN';
}
