import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { zodIssuesToFieldIssues } from '../../platform/http/validation';
import type { Locale } from '../../platform/i18n/locale';
import { translate } from '../../platform/i18n/messages';
import type { Actor } from '../../platform/scope/actor';
import { auditActor } from '../org/unitService';
import { checkDecision, decisionRow, docKey, loadRefs, type Issue, type Refs } from './decisionCheck';
import {
  headerOf, KIND_BY_WORD, OUTCOME_BY_WORD, PARTY_BY_WORD, readDecisionSheet, sheetDate, splitList, TIER_BY_WORD, type RowProblem, type SheetRow,
} from './decisionExcel';
import { decisionCreate, type DecisionInput } from './schema';
import { screenInTransaction, type PenaltyScreeningRun } from './screeningService';

/**
 * The Excel import of decisions: every row is checked as the form checks it (plus the file's own duplicates); one
 * problem anywhere and nothing is written, the answer naming row and column. Otherwise all rows, the screening
 * run and the audit entry are one transaction.
 */
const MAX_REPORTED = 500;

function toInput(r: SheetRow, refs: Refs): { input?: DecisionInput; issues: Issue[] } {
  const v = r.v;
  const issues: Issue[] = [];
  const word = (field: string, map: Record<string, string>) => {
    const s = v[field];
    if (!s) return undefined;
    if (!(s in map) && !Object.values(map).includes(s)) { issues.push({ field, key: 'field.invalidEnum', params: { options: Object.keys(map).join('、') } }); return undefined; }
    return map[s] ?? s;
  };
  const money = (field: string) => {
    const s = v[field];
    if (!s) return undefined;
    const n = Number(s.replace(/[,，\s]/g, '').replace(/元$/, ''));
    if (!Number.isFinite(n)) { issues.push({ field, key: 'penaltyDiscretion.notAmount', params: { value: s } }); return undefined; }
    return n;
  };
  const dept = v.departmentId ? [...refs.departments.values()].find((u) => u.name === v.departmentId || u.code === v.departmentId) : undefined;
  if (v.departmentId && !dept) issues.push({ field: 'departmentId', key: 'field.unitNotFound' });
  const item = v.benchmarkItemId && dept ? [...refs.items.values()].find((i) => i.unitId === dept.id && i.code === v.benchmarkItemId) : undefined;
  if (v.benchmarkItemId && dept && !item) issues.push({ field: 'benchmarkItemId', key: 'penaltyDiscretion.itemNotFound' });
  const kinds = splitList(v.penaltyKinds).map((k) => KIND_BY_WORD[k] ?? k);
  const raw = {
    departmentId: dept?.id, outcome: word('outcome', OUTCOME_BY_WORD), penaltyDocumentNo: v.penaltyDocumentNo, decidedOn: sheetDate(v.decidedOn),
    partyType: word('partyType', PARTY_BY_WORD), partyName: v.partyName, benchmarkItemId: item?.id, discretionTier: word('discretionTier', TIER_BY_WORD),
    discretionReason: v.discretionReason, fineAmount: money('fineAmount'), penaltyKinds: kinds, illegalGains: money('illegalGains'),
    firstOffence: v.firstOffence ? v.firstOffence === '是' : undefined, legalReviewOn: sheetDate(v.legalReviewOn), fineDueOn: sheetDate(v.fineDueOn),
    finePaidOn: sheetDate(v.finePaidOn), enforcementOfficers: splitList(v.enforcementOfficers), closureReason: v.closureReason,
  };
  if (v.firstOffence && !['是', '否'].includes(v.firstOffence)) issues.push({ field: 'firstOffence', key: 'field.invalidEnum', params: { options: '是、否' } });
  const parsed = decisionCreate.safeParse(Object.fromEntries(Object.entries(raw).filter(([, x]) => x !== undefined)));
  if (!parsed.success) {
    for (const i of zodIssuesToFieldIssues(parsed.error, '')) {
      const field = i.field.split('.')[0];
      if (!issues.some((x) => x.field === field) && !(field === 'departmentId' && v.departmentId)) issues.push({ field, key: i.key, params: i.params });
    }
    return { issues };
  }
  if (issues.length > 0) return { issues };
  return { input: parsed.data, issues: checkDecision(parsed.data, refs) };
}

export async function importDecisions(ctx: AppContext, actor: Actor, locale: Locale, buffer: Buffer, fileName: string):
  Promise<{ imported: number; screening: PenaltyScreeningRun }> {
  const { rows, problems } = await readDecisionSheet(buffer);
  const refs = await loadRefs(ctx.db, actor);
  const inputs: DecisionInput[] = [];
  const all: RowProblem[] = [...problems];
  for (const r of rows) {
    const { input, issues } = toInput(r, refs);
    for (const i of issues) {
      const column = headerOf(i.field);
      all.push({ sheet: '处罚决定', row: r.row, column, message: translate(locale, i.key, { ...i.params, field: column }) });
    }
    // A document number twice in the file is taken by its first row.
    if (input && issues.length === 0) { inputs.push(input); refs.taken.add(docKey(input.departmentId, input.penaltyDocumentNo)); }
  }
  if (rows.length === 0 && all.length === 0) all.push({ sheet: '处罚决定', row: 2, message: translate(locale, 'penaltyDiscretion.emptySheet') });
  if (all.length > 0) {
    throw new AppError('IMPORT_REJECTED', { params: { count: new Set(all.map((p) => p.row)).size }, details: { rows: all.slice(0, MAX_REPORTED), ...(all.length > MAX_REPORTED ? { truncated: true } : {}) } });
  }
  return ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < inputs.length; i += 500) await trx.insertInto('penalty_decisions').values(inputs.slice(i, i + 500).map((d) => decisionRow(d, actor))).execute();
    const screening = await screenInTransaction(trx, actor.countyCode);
    await ctx.audit.record(trx, auditActor(actor), { action: 'penaltyDiscretion.decision.import', objectType: 'penaltyDecisionImport', objectId: fileName.slice(0, 200),
      detail: { fileName, rows: inputs.length, hits: screening.hits } });
    return { imported: inputs.length, screening };
  });
}
