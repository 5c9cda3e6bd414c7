import type { Locale } from '../../../web/i18n';
import { adminSanctionInfo, type AdminSanctionKind, partySanctionInfo, type PartySanctionKind } from '../rules/sanctionTable';
import { stageLabels, type CaseStage } from '../rules/caseStages';
import { caseTypeSeed } from '../rules/caseTypes';
import { casesRulesMessages } from '../rules/messages';

/** Labels that live in the rules library's tables (one source for server and pages). */
export function stageLabel(stage: string, locale: Locale): string {
  const l = stageLabels[stage as CaseStage];
  return l ? (locale === 'en' ? l.en : l.zh) : stage;
}

export function sanctionLabel(track: string | null, kind: string | null, locale: Locale): string {
  const info = track === 'party' ? partySanctionInfo[kind as PartySanctionKind] : track === 'admin' ? adminSanctionInfo[kind as AdminSanctionKind] : undefined;
  if (!info) return kind ?? '';
  return locale === 'en' ? `${track === 'party' ? 'Party' : 'Admin.'}: ${info.labelEn}` : `${track === 'party' ? '党纪' : '政务'}${info.labelZh}`;
}

export const stageColor: Record<string, string> = { investigation: 'blue', review: 'purple', decision: 'orange', execution: 'gold', closed: 'green' };
export const deadlineColor: Record<string, string> = { ok: 'blue', dueSoon: 'gold', overdue: 'red', done: 'green', stopped: 'default' };

export function caseTypeLabel(code: string, locale: Locale): string {
  const row = caseTypeSeed.find((x) => x.code === code);
  return row ? (locale === 'en' ? row.labelEn : row.labelZh) : code;
}

/** Any label of the rules library's dictionary (measures, person categories, disciplines, deadline rules …). */
export function ruleLabel(key: string, locale: Locale): string {
  return (locale === 'en' ? casesRulesMessages.en : casesRulesMessages.zh)[key] ?? key;
}
