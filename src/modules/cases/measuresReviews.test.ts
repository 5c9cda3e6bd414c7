import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { writeCaseEnd } from './feedback';
import { ensureCasesRoles } from './permissions';
import { newOfficial, unitId, userId } from './testing/fixtures';

let t: TestApp;
const c: Record<string, string> = {};
const ids: Record<string, string> = {};
const api = (method: string, url: string, who: string, payload?: unknown) => injectAs(t, c[who], method, url, payload);
const keys = issueKeys;

beforeAll(async () => {
  t = await createTestApp();
  await ensureCasesRoles(t.ctx.db);
  for (const who of ['cases', 'cdi', 'intake']) c[who] = await t.login(who);
  for (const who of ['cases', 'cdi']) ids[who] = await userId(t, who);
  ids.cdiUnit = await unitId(t, '530125CDI');
}, 60_000);
afterAll(async () => { await t?.close(); });

async function openCase(extra: Record<string, unknown> = {}) {
  const o = await newOfficial(t, '530125102');
  const res = await api('POST', '/api/v1/cases/cases', 'cases', {
    title: '措施与复审测试', unitId: ids.cdiUnit, caseTypeCode: 'duty.neglect', openedOn: '2026-03-02', approverId: ids.cdi, subjects: [{ officialId: o.id, personCategory: 'civilServant' }], ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, subjectId: res.json().subjects[0].id as string, officialId: o.id };
}

describe('measures', () => {
  it('records 留置 with its limit, one extension of 3 months, refuses overlaps and a second extension, and starts the post-detention limit when lifted', async () => {
    const k = await openCase();
    const base = `/api/v1/cases/cases/${k.id}/measures`;
    const early = await api('POST', base, 'cases', { subjectId: k.subjectId, kind: 'detention', startedOn: '2026-03-01', approvalRef: '昆纪留〔2026〕1号' });
    expect(keys(early)).toEqual(['cases.caseMeasure.beforeOpening']);
    const started = await api('POST', base, 'cases', { subjectId: k.subjectId, kind: 'detention', startedOn: '2026-03-10', approvalRef: '昆纪留〔2026〕1号', approverId: ids.cdi });
    expect(started.statusCode, started.body).toBe(201);
    const m = started.json().measures[0];
    expect(m).toMatchObject({ kind: 'detention', rule_key: 'detention', started_on: '2026-03-10', due_on: '2026-06-10', ended_on: null });
    const before = await countRows(t.ctx, 'case_measures');
    const overlap = await api('POST', base, 'cases', { subjectId: k.subjectId, kind: 'detention', startedOn: '2026-04-01', approvalRef: '重复' });
    expect(keys(overlap)).toEqual(['cases.caseMeasure.overlap']);
    expect(await countRows(t.ctx, 'case_measures')).toBe(before);

    const warnings = (await api('GET', '/api/v1/cases/deadlines?state=all', 'cases')).json().items;
    // The same 留置 also shows its 24-hour notice to the unit and family (第五十条) until that is recorded.
    expect(warnings.find((w: { measureId?: string; ruleKey: string }) => w.measureId === m.id && w.ruleKey !== 'detentionNotice'))
      .toMatchObject({ ruleKey: 'detention', due: '2026-06-10', source: '监察法（2024） 第四十八条' });

    const late = await api('POST', `${base}/${m.id}/extensions`, 'cases', { approvedOn: '2026-06-11', approvalRef: '市纪批〔2026〕2号' });
    expect(keys(late)).toEqual(['cases.caseMeasure.extensionOutsidePeriod']);
    const ext = await api('POST', `${base}/${m.id}/extensions`, 'cases', { approvedOn: '2026-06-01', approvalRef: '市纪批〔2026〕2号' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().measures[0].due_on).toBe('2026-09-10');
    const again = await api('POST', `${base}/${m.id}/extensions`, 'cases', { approvedOn: '2026-09-01', approvalRef: '再次' });
    expect(keys(again)).toEqual(['cases.deadline.tooManyExtensions']);
    expect(again.json().issues[0].message).toContain('第四十八条');

    const badEnd = await api('POST', `${base}/${m.id}/end`, 'cases', { endedOn: '2026-03-01' });
    expect(keys(badEnd)).toEqual(['cases.caseMeasure.dateOrder']);
    const ended = await api('POST', `${base}/${m.id}/end`, 'cases', { endedOn: '2026-08-01', reason: '移送审理' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().measures[0]).toMatchObject({ ended_on: '2026-08-01', state: 'ended' });
    expect(ended.json().deadlines.find((d: { rule_key: string }) => d.rule_key === 'investigationDecisionAfterDetention')).toMatchObject({ started_on: '2026-08-01' });
    const after = (await api('GET', '/api/v1/cases/deadlines?state=all', 'cases')).json().items;
    expect(after.some((w: { measureId?: string }) => w.measureId === m.id)).toBe(false);
    // Once the first 留置 ended, a later one is not an overlap.
    expect((await api('POST', base, 'cases', { subjectId: k.subjectId, kind: 'exitRestriction', startedOn: '2026-08-02', approvalRef: '限出1号' })).statusCode).toBe(201);
  });

  it('records measures without a statutory period and refuses to extend them', async () => {
    const k = await openCase();
    const res = await api('POST', `/api/v1/cases/cases/${k.id}/measures`, 'cases', { subjectId: k.subjectId, kind: 'search', startedOn: '2026-03-05', approvalRef: '搜查证1号' });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json().measures[0];
    expect(m).toMatchObject({ kind: 'search', due_on: null, state: 'noPeriod' });
    expect(keys(await api('POST', `/api/v1/cases/cases/${k.id}/measures/${m.id}/extensions`, 'cases', { approvedOn: '2026-03-06', approvalRef: 'x' }))).toEqual(['cases.caseMeasure.noPeriod']);
  });
});

describe('复审 and 复核', () => {
  it('runs application, decision (变更 keeps history, recomputes the period) and 复核 (撤销), refusing illegal steps by rule', async () => {
    const k = await openCase();
    const o = await t.ctx.db.insertInto('case_outcomes').values({
      case_id: k.id, subject_id: k.subjectId, official_id: k.officialId, type: 'sanction', track: 'admin', kind: 'majorDemerit', decided_on: '2026-06-01', effect_until: '2027-12-01',
      detail: JSON.stringify({ outcome: { type: 'sanction', sanction: { track: 'admin', kind: 'majorDemerit' } } }),
    }).returning('id').executeTakeFirstOrThrow();
    const url = `/api/v1/cases/cases/${k.id}/subjects/${k.subjectId}/outcomes/${o.id}/reviews`;
    const recheckFirst = await api('POST', url, 'cases', { level: 'recheck', decisionReceivedOn: '2026-06-03', appliedOn: '2026-06-05' });
    expect(keys(recheckFirst)).toEqual(['cases.review.recheckBeforeReexamination']);
    const late = await api('POST', url, 'cases', { level: 'reexamination', decisionReceivedOn: '2026-06-03', appliedOn: '2026-07-06' });
    expect(keys(late)).toEqual(['cases.review.applicationLate']);
    expect(late.json().issues[0].message).toContain('第二百一十条');
    expect(await countRows(t.ctx, 'case_reviews')).toBe(0);

    const applied = await api('POST', url, 'cases', { level: 'reexamination', decisionReceivedOn: '2026-06-03', appliedOn: '2026-06-20' });
    expect(applied.statusCode, applied.body).toBe(201);
    const review = applied.json().reviews[0];
    expect(review).toMatchObject({ level: 'reexamination', application_due: '2026-07-03', decision_due: '2026-07-20', decision: null });
    const warnings = (await api('GET', '/api/v1/cases/deadlines?state=all', 'cases')).json().items;
    expect(warnings.find((w: { reviewId?: string }) => w.reviewId === review.id)).toMatchObject({ ruleKey: 'reexamination', due: '2026-07-20' });
    expect(keys(await api('POST', url, 'cases', { level: 'reexamination', decisionReceivedOn: '2026-06-03', appliedOn: '2026-06-21' }))).toEqual(['cases.review.alreadyApplied']);

    const decide = `/api/v1/cases/cases/${k.id}/reviews/${review.id}/decision`;
    expect(keys(await api('POST', decide, 'cases', { decision: 'changed', decidedOn: '2026-07-10', reason: '情节认定不当' }))).toEqual(['cases.review.changeNeedsSanction']);
    expect(keys(await api('POST', decide, 'cases', { decision: 'changed', decidedOn: '2026-07-10', reason: '情节认定不当', sanction: { track: 'party', kind: 'warning' } }))).toEqual(['cases.review.trackMismatch']);
    const changed = await api('POST', decide, 'cases', { decision: 'changed', decidedOn: '2026-07-10', reason: '情节认定不当', sanction: { track: 'admin', kind: 'demerit' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const outcomes = changed.json().outcomes as Array<{ id: string; kind: string; effect_until: string; superseded_by: string | null; decided_on: string }>;
    const replaced = outcomes.find((x) => x.id === o.id)!;
    const current = outcomes.find((x) => x.id !== o.id)!;
    expect(replaced).toMatchObject({ kind: 'majorDemerit', effect_until: '2027-12-01', superseded_by: current.id });
    expect(current).toMatchObject({ kind: 'demerit', decided_on: '2026-06-01', effect_until: '2027-06-01', superseded_by: null });
    expect(keys(await api('POST', decide, 'cases', { decision: 'upheld', decidedOn: '2026-07-11', reason: '再次' }))).toEqual(['cases.review.alreadyDecided']);

    const recheck = await api('POST', url, 'cases', { level: 'recheck', decisionReceivedOn: '2026-07-12', appliedOn: '2026-07-20' });
    expect(recheck.statusCode, recheck.body).toBe(201);
    const rc = recheck.json().reviews.find((r: { level: string }) => r.level === 'recheck');
    expect(rc.application_due).toBe('2026-08-12');
    expect(rc.decision_due >= '2026-09-20').toBe(true);
    const revoked = await api('POST', `/api/v1/cases/cases/${k.id}/reviews/${rc.id}/decision`, 'cases', { decision: 'revoked', decidedOn: '2026-08-30', reason: '事实不清' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().outcomes.find((x: { id: string }) => x.id === current.id).revoked_on).toBe('2026-08-30');
    const record = (await api('GET', `/api/v1/cases/officials/${k.officialId}/integrity?on=2026-09-01`, 'cdi')).json();
    expect(record.activeSanctions).toEqual([]);
    const events = revoked.json().events.map((e: { kind: string }) => e.kind);
    expect(events.filter((e: string) => e.startsWith('review'))).toEqual(['reviewApplied', 'reviewDecided', 'reviewApplied', 'reviewDecided']);
    const audits = await t.ctx.db.selectFrom('audit_log').select('action').where('object_id', '=', k.id).where('action', 'like', 'cases.review.%').execute();
    expect(audits).toHaveLength(4);
  });
});

describe('outcomes back to the reporter', () => {
  it('writes each step of a report-sourced clue and its case to the report outcome view, ending with the case', async () => {
    const o = await newOfficial(t, '530125102');
    const report = await api('POST', '/api/v1/reports', 'intake', { channel: '12388', kind: 'accusation', title: '实名举报某副镇长', content: '收受礼金', townshipCode: '530125102',
      accused: { name: o.name }, anonymous: false, reporter: { name: '周某某', phone: '13700000000' } });
    expect(report.statusCode, report.body).toBe(201);
    const reportId = report.json().id as string;
    const clue = (await api('POST', '/api/v1/cases/clues', 'cases', { title: '实名举报某副镇长', receivedOn: '2026-02-02', unitId: ids.cdiUnit, sources: [{ type: 'report', id: reportId }], accused: [o.id] })).json();
    const view = () => t.ctx.db.selectFrom('report_clue_outcomes').selectAll().where('report_id', '=', reportId).executeTakeFirstOrThrow();
    await api('POST', `/api/v1/cases/clues/${clue.id}/disposal`, 'cases', { disposal: 'verification', opinion: '初核', decidedOn: '2026-02-10', approverId: ids.cdi });
    expect(await view()).toMatchObject({ clue_serial: clue.serial, outcome: 'disposal.verification', outcome_on: '2026-02-10', outcome_text: expect.stringContaining('初步核实') });
    const k = await api('POST', '/api/v1/cases/cases', 'cases', { title: '实名举报案', clueId: clue.id, unitId: ids.cdiUnit, caseTypeCode: 'duty.neglect', openedOn: '2026-03-02', approverId: ids.cdi,
      subjects: [{ officialId: o.id, personCategory: 'civilServant' }] });
    expect(k.statusCode, k.body).toBe(201);
    expect(await view()).toMatchObject({ outcome: 'caseOpened', outcome_text: '反映的问题已立案审查调查。' });
    const closed = await api('POST', `/api/v1/cases/cases/${k.json().id}/stage`, 'cases', { to: 'closed', on: '2026-04-01', withdrawalApproved: true });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await view()).toMatchObject({ outcome: 'caseWithdrawn', outcome_on: '2026-04-01' });
    // The reports module's handling record shows it, ready for the result feedback.
    const detail = await api('GET', `/api/v1/reports/${reportId}`, 'intake');
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().clueOutcomes).toEqual([{ clueSerial: clue.serial, outcome: 'caseWithdrawn', outcomeOn: '2026-04-01', outcomeText: '经审查调查，案件已依法撤销。' }]);
    // A case ending with a sanction tells the reporter it was handled, without saying how.
    await t.ctx.db.insertInto('case_outcomes').values({ case_id: k.json().id, subject_id: k.json().subjects[0].id, official_id: o.id, type: 'sanction', track: 'party', kind: 'warning',
      decided_on: '2026-03-30', detail: '{}' }).execute();
    await t.ctx.db.transaction().execute((trx) => writeCaseEnd(trx, k.json().id, '2026-04-02', false));
    expect(await view()).toMatchObject({ outcome: 'caseClosed.handled', outcome_text: '经审查调查，已依规依纪依法作出处理，案件已办结。' });
  });
});
