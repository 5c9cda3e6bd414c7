import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/scope/actor';
import { caseView } from './caseAccess';
import { findClue } from './clueService';
import { type CaseDocument, issuerNames, renderCaseDocument } from './documents';
import { conclusionText, readIntegrity, sanctionLabel } from './integrityService';
import { AppError } from '../../platform/errors';
import { todayInShanghai } from '../../platform/calendar/dates';
import { formatArticleRef, disciplineByCode } from './rules';
import { auditActor } from './support';

async function countyName(ctx: AppContext, countyCode: string): Promise<string> {
  const u = await ctx.db.selectFrom('units').select('name').where('county_code', '=', countyCode).where('kind', '=', 'county').executeTakeFirst();
  return u?.name ?? countyCode;
}

/** Document numbers derived from the register (deterministic, so a re-download never consumes a number). */
const derivedNo = (docNo: string, char: string, suffix = '') => docNo.replace(/纪[线立]〔/, `纪${char}〔`).replace(/号$/, `${suffix}号`);

async function exportDoc(ctx: AppContext, actor: Actor, kind: string, objectType: string, objectId: string, doc: CaseDocument) {
  await ctx.audit.record(ctx.db, auditActor(actor), { action: 'cases.document.export', objectType, objectId, detail: { kind, docNo: doc.docNo ?? null } });
  return { file: await renderCaseDocument(doc), name: `${kind}.docx` };
}

export const documentService = {
  /** 立案决定书 */
  async openingDecision(ctx: AppContext, actor: Actor, caseId: string) {
    const c = await caseView(ctx.db, actor, caseId);
    const county = await countyName(ctx, c.county_code);
    const names = c.subjects.map((s) => `${s.name}（${s.unitName}${s.post_at_time ?? ''}）`).join('、');
    return exportDoc(ctx, actor, 'opening-decision', 'case', caseId, {
      issuerHeader: issuerNames(county).joint, docNo: c.doc_no, title: '立案决定书',
      paragraphs: [
        `根据《中国共产党纪律检查机关监督执纪工作规则》和《中华人民共和国监察法》有关规定，经审批，决定对${names}涉嫌${c.title}问题立案审查调查。`,
        `立案日期：${c.opened_on}。审查调查期限自立案之日起计算，依照《中华人民共和国监察法实施条例》第一百八十五条执行。`,
      ],
      issuer: issuerNames(county).joint, date: c.opened_on,
    });
  },

  /** 处分决定书 for one subject: facts, violated articles, the sanctions with their influence periods, review route. */
  async sanctionDecision(ctx: AppContext, actor: Actor, caseId: string, subjectId: string) {
    const c = await caseView(ctx.db, actor, caseId);
    const index = c.subjects.findIndex((s) => s.id === subjectId);
    const s = c.subjects[index];
    const sanctions = c.outcomes.filter((o) => o.subject_id === subjectId && o.type === 'sanction');
    if (!s || sanctions.length === 0) throw AppError.notFound('what.caseSubject');
    const county = await countyName(ctx, c.county_code);
    const refs = c.violations.filter((v) => v.subject_id === subjectId)
      .map((v) => `${disciplineByCode(v.discipline as never).labelZh}，${formatArticleRef({ regulation: v.regulation as never, article: v.article })}`);
    const lines = sanctions.map((o) => `给予${s.name}同志${sanctionLabel(o.track, o.kind)}处分（${o.track === 'party' ? '党纪处分' : '政务处分'}，${o.permanent ? '无处分期' : `影响期至${o.effect_until}`}）`);
    const decided = sanctions.map((o) => o.decided_on).sort().at(-1)!;
    return exportDoc(ctx, actor, 'sanction-decision', 'case', caseId, {
      issuerHeader: issuerNames(county).joint, docNo: derivedNo(c.doc_no, '处', c.subjects.length > 1 ? `-${index + 1}` : ''), title: '处分决定书',
      paragraphs: [
        `${s.name}，${s.unitName}${s.post_at_time ?? ''}。`,
        `经查，${s.name}存在${c.title}问题。${refs.length ? `上述行为违反了${refs.join('；')}的规定。` : ''}`,
        `经研究决定：${lines.join('；')}。`,
        '如不服本决定，可以自收到本决定书之日起一个月内向作出决定的机关申请复审；对复审决定仍不服的，可以自收到复审决定之日起一个月内向上一级机关申请复核。复审、复核期间，不停止本决定的执行。',
      ],
      issuer: issuerNames(county).joint, date: decided,
    });
  },

  /** 函询通知 for a clue disposed of by letter inquiry, with the 15-working-day reply limit. */
  async inquiryNotice(ctx: AppContext, actor: Actor, clueId: string) {
    const clue = await findClue(ctx.db, actor, clueId);
    if (clue.disposal !== 'inquiry') throw AppError.notFound('what.clue');
    const accused = await ctx.db.selectFrom('clue_accused as a').innerJoin('officials as o', 'o.id', 'a.official_id').innerJoin('units as u', 'u.id', 'o.unit_id')
      .select(['o.name', 'u.name as unitName']).where('a.clue_id', '=', clueId).execute();
    const county = await countyName(ctx, clue.county_code);
    const who = accused.map((a) => a.name).join('、') || '有关同志';
    const due = clue.inquiry_reply_due ? `于${clue.inquiry_reply_due}前（收到本通知后15个工作日内）` : '在收到本通知后15个工作日内';
    return exportDoc(ctx, actor, 'inquiry-notice', 'clue', clueId, {
      issuerHeader: `${issuerNames(county).party}办公室`, docNo: derivedNo(clue.serial, '函'), title: '函询通知书',
      addressee: `${who}同志：`,
      paragraphs: [
        `我委收到反映你${clue.title}的问题。根据《中国共产党纪律检查机关监督执纪工作规则》第二十一条和《中华人民共和国监察法实施条例》第一百七十四条的规定，现予函询。`,
        `请你对反映的问题作出书面说明，${due}报送我委，并由你所在单位（${[...new Set(accused.map((a) => a.unitName))].join('、') || '所在单位'}）主要负责人签署意见。`,
        '请如实说明情况，不得隐瞒、歪曲事实，不得打听、追查反映人。',
      ],
      issuer: `${issuerNames(county).party}办公室`, date: clue.inquiry_served_on ?? clue.disposal_on ?? todayInShanghai(),
    });
  },

  /** 廉政意见回复 for the organisation department, with the conclusion. */
  async integrityOpinion(ctx: AppContext, actor: Actor, officialId: string, purpose?: string) {
    const r = await readIntegrity(ctx, actor, officialId, 'cases.integrity.export', { purpose: purpose ?? null });
    const county = await countyName(ctx, actor.countyCode);
    const file = await renderCaseDocument({
      issuerHeader: issuerNames(county).joint, title: '关于征求党风廉政意见的回复',
      addressee: `中共${county}委组织部：`,
      paragraphs: [
        `你部${purpose ? `关于${purpose}` : ''}征求${r.official.name}同志（${r.official.unitName}${r.official.post ?? ''}）党风廉政意见的函收悉。经查阅信访举报、问题线索、案件和处分记录，现回复如下：`,
        conclusionText(r),
        '本意见仅依据截至回复之日本机关掌握的情况作出。',
      ],
      issuer: issuerNames(county).joint, date: r.on,
    });
    return { file, name: 'integrity-opinion.docx', conclusion: r.conclusion };
  },
};
