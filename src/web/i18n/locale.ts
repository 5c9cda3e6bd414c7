/**
 * The current UI language lives outside React so the API client can send it as Accept-Language
 * on every request without threading it through hooks.
 */
export type Locale = 'zh-CN' | 'en';

const STORAGE_KEY = 'lj.locale';
const listeners = new Set<() => void>();

function readStored(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : null;
  } catch {
    return null;
  }
}

let current: Locale = readStored() ?? 'zh-CN';

export function getLocale(): Locale {
  return current;
}

/** True when the user picked a language on this browser; then it wins over the server-side profile. */
export function hasStoredLocale(): boolean {
  return readStored() !== null;
}

export function setLocale(next: Locale, remember = true): void {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or disabled storage: the choice then lasts for this page only.
    }
  }
  if (next === current) return;
  current = next;
  document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
