import type { TFunction } from '../../../web/i18n';
import { managedBys, ranks } from './types';

/** Select options with the Chinese labels from the glossary (职级, 干部管理权限). */
export const rankOptions = (t: TFunction) => ranks.map((r) => ({ value: r, label: t(`rank.${r}`) }));
export const managedByOptions = (t: TFunction) => managedBys.map((m) => ({ value: m, label: t(`managedBy.${m}`) }));
export const genderOptions = (t: TFunction) => (['male', 'female'] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }));
