import type { MessageKey, TFunction } from '../../../web/i18n';
import type { FindingCategory, FindingStatus } from './api';

export const statusColor: Record<FindingStatus, string> = { open: 'red', rectifying: 'orange', rectified: 'blue', signedOff: 'green' };
export const statusText = (t: TFunction, s: FindingStatus) => t(`campaigns.ui.status.${s}` as MessageKey);
export const categoryText = (t: TFunction, c: FindingCategory) => t(`campaigns.ui.category.${c}` as MessageKey);
export const yuan = (v: number | null, locale: string) => (v === null ? '—' : v.toLocaleString(locale, { maximumFractionDigits: 2 }));
export const dateOf = (d?: { format(f: string): string } | null) => (d ? d.format('YYYY-MM-DD') : undefined);
/** Empty optional text fields are left out rather than sent as "". */
export const opt = (v?: string | null) => (v && v.trim() ? v.trim() : undefined);
