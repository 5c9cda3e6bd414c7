import { useCallback, useSyncExternalStore } from 'react';
import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';
import { getLocale, subscribeLocale, type Locale } from './locale';

export type { MessageKey, Locale };
export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Translates outside React (e.g. in the API client's fallback messages). */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[locale][key] ?? zhCN[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribeLocale, getLocale, getLocale);
}

export function useT(): TFunction {
  const locale = useLocale();
  return useCallback<TFunction>((key, params) => translate(locale, key, params), [locale]);
}

/** For labels keyed by server data (e.g. permission groups) that may have no translation yet. */
export function hasMessage(key: string): key is MessageKey {
  return key in zhCN;
}
