import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema';

/**
 * The outcome of a clue or its case, written back to the clue's sources (clue_sources.outcome, outcome_on and a
 * sentence a real-name reporter may be told: no names, no sanction kinds, 实施条例 第一百七十五条 feedback). The
 * reports module reads it through the view report_clue_outcomes by report id, so neither module imports the other.
 */
const TEXT: Record<string, string> = {
  'disposal.inquiry': '反映的问题已按程序作出处置（谈话函询），正在办理。',
  'disposal.verification': '反映的问题已按程序作出处置（初步核实），正在办理。',
  'disposal.shelved': '反映的问题已按程序作出处置（暂存待查）。',
  'disposal.closed': '反映的问题经研究予以了结。',
  education: '经核查，已对相关人员依规依纪进行教育处理。',
  organisational: '经核查，已对相关人员依规依纪作出组织处理。',
  closedUntrue: '经核查，反映的问题失实，予以了结。',
  closedUncheckable: '经核查，反映的问题暂无法查证，予以了结。',
  parked: '反映的问题暂存待查。',
  transferred: '反映的问题已移送有管辖权的机关处理。',
  caseOpened: '反映的问题已立案审查调查。',
  caseWithdrawn: '经审查调查，案件已依法撤销。',
  'caseClosed.handled': '经审查调查，已依规依纪依法作出处理，案件已办结。',
  'caseClosed.prosecuted': '经审查调查，涉嫌犯罪问题已移送检察机关依法审查起诉，案件已办结。',
  'caseClosed.cleared': '经审查调查，反映的问题不实，已予澄清，案件已办结。',
};

export function outcomeText(outcome: string): string | null {
  return TEXT[outcome] ?? null;
}

export async function writeSourceOutcome(trx: Kysely<DB>, clueId: string, outcome: string, on: string): Promise<void> {
  await trx.updateTable('clue_sources').set({ outcome, outcome_on: on, outcome_text: outcomeText(outcome) }).where('clue_id', '=', clueId).execute();
}

/** When a case ends, its clue's sources learn how: withdrawn, transferred for prosecution, handled, or cleared. */
export async function writeCaseEnd(trx: Kysely<DB>, caseId: string, on: string, withdrawn: boolean): Promise<void> {
  const c = await trx.selectFrom('cases').select('clue_id').where('id', '=', caseId).executeTakeFirstOrThrow();
  if (!c.clue_id) return;
  let outcome = 'caseWithdrawn';
  if (!withdrawn) {
    const types = new Set((await trx.selectFrom('case_outcomes').select('type').where('case_id', '=', caseId)
      .where('superseded_by', 'is', null).where('revoked_on', 'is', null).execute()).map((o) => o.type));
    outcome = types.has('prosecutionTransfer') ? 'caseClosed.prosecuted'
      : [...types].some((t) => t !== 'cleared') ? 'caseClosed.handled' : 'caseClosed.cleared';
  }
  await writeSourceOutcome(trx, c.clue_id, outcome, on);
}
