import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, injectAs, issueKeys, type TestApp } from '../../../test/helpers';
import { hashPassword } from '../../platform/auth/password';
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
  // A second case handler who is not on the team (need-to-know).
  const role = await t.ctx.db.selectFrom('roles').select('id').where('code', '=', 'caseHandler').executeTakeFirstOrThrow();
  const u = await t.ctx.db.insertInto('users').values({ username: 'cases2', display_name: '审查调查室二', unit_id: await unitId(t, '530125CDI'), password_hash: await hashPassword('Demo@2026') })
    .returning('id').executeTakeFirstOrThrow();
  await t.ctx.db.insertInto('user_roles').values({ user_id: u.id, role_id: role.id }).execute();
  for (const who of ['cases', 'cdi', 'cases2', 't530125102']) c[who] = await t.login(who);
  for (const who of ['cases', 'cdi', 'intake', 'cases2', 't530125102']) ids[who] = await userId(t, who);
  ids.cdiUnit = await unitId(t, '530125CDI');
}, 60_000);
afterAll(async () => { await t?.close(); });

describe('clues', () => {
  it('registers a numbered clue with its due date, refuses an unapproved disposal, and flows the outcome back to the sources', async () => {
    const o = await newOfficial(t, '530125102');
    const res = await api('POST', '/api/v1/cases/clues', 'cases', { title: '反映某副镇长违规收受礼金', receivedOn: '2026-01-05', unitId: ids.cdiUnit, sources: [{ type: 'report', id: 'R-1' }], accused: [o.id] });
    expect(res.statusCode, res.body).toBe(201);
    const clue = res.json();
    expect(clue.serial).toBe('宜纪线〔2026〕1号');
    expect(clue.disposal_due).toBe('2026-02-05');
    expect(clue.approvalLevel).toBe('cdiSecretary');

    const refused = await api('POST', `/api/v1/cases/clues/${clue.id}/disposal`, 'cases', { disposal: 'inquiry', opinion: '拟函询', decidedOn: '2026-01-12', approverId: ids.cases });
    expect(refused.statusCode).toBe(400);
    expect(keys(refused)).toEqual(['cases.approval.approverLacksPermission']);
    expect(refused.json().issues[0].message).toContain('监督执纪工作规则（2019） 第二十一条');
    expect((await t.ctx.db.selectFrom('clues').select('disposal').where('id', '=', clue.id).executeTakeFirstOrThrow()).disposal).toBeNull();

    const early = await api('POST', `/api/v1/cases/clues/${clue.id}/disposal`, 'cases', { disposal: 'inquiry', opinion: '拟函询', decidedOn: '2026-01-01', approverId: ids.cdi });
    expect(keys(early)).toEqual(['cases.date.order']);

    const disposed = await api('POST', `/api/v1/cases/clues/${clue.id}/disposal`, 'cases', { disposal: 'inquiry', opinion: '拟函询', decidedOn: '2026-01-12', approverId: ids.cdi });
    expect(disposed.statusCode, disposed.body).toBe(200);
    const inquiry = await api('POST', `/api/v1/cases/clues/${clue.id}/inquiry`, 'cases', { servedOn: '2026-01-20' });
    expect(inquiry.json().inquiry_reply_due).toBe('2026-02-10');
    const notice = await api('GET', `/api/v1/cases/clues/${clue.id}/inquiry-notice.docx`, 'cases');
    expect(notice.statusCode).toBe(200);
    expect(notice.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const done = await api('POST', `/api/v1/cases/clues/${clue.id}/conclusion`, 'cases', { outcome: 'education', concludedOn: '2026-02-09', measure: 'reminderTalk' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().sources[0]).toMatchObject({ source_type: 'report', source_id: 'R-1', outcome: 'education', outcome_on: '2026-02-09' });
  });

  it('searches clue and case titles literally: % and _ are text, not wildcards', async () => {
    const o = await newOfficial(t, '530125102');
    const made = await api('POST', '/api/v1/cases/clues', 'cases', { title: '反映某站所长虚报冒领补贴', receivedOn: '2026-03-02', unitId: ids.cdiUnit, sources: [{ type: 'inspection', id: 'I-9' }], accused: [o.id] });
    expect(made.statusCode, made.body).toBe(201);
    const found = await api('GET', `/api/v1/cases/clues?q=${encodeURIComponent('虚报冒领')}`, 'cdi');
    expect(found.json().items.map((i: { id: string }) => i.id)).toContain(made.json().id);
    for (const url of ['/api/v1/cases/clues', '/api/v1/cases/cases']) {
      for (const wildcard of ['%', '_']) {
        const res = await api('GET', `${url}?q=${encodeURIComponent(wildcard)}`, 'cdi');
        expect(res.statusCode).toBe(200);
        expect(res.json().items, `${url} q=${wildcard}`).toEqual([]);
      }
    }
  });
});

describe('cases', () => {
  let caseId = '';
  let main = '';
  let village = '';
  it('opens a case from a clue with approval, number and the investigation limit; the clue is concluded', async () => {
    const o = await newOfficial(t, '530125102');
    const v = await newOfficial(t, '530125102', { rank: 'other', managedBy: 'township' });
    const clue = (await api('POST', '/api/v1/cases/clues', 'cases', { title: '反映套取惠农资金', receivedOn: '2026-02-20', unitId: ids.cdiUnit, sources: [{ type: 'inspection' }], accused: [o.id, v.id] })).json();
    await api('POST', `/api/v1/cases/clues/${clue.id}/disposal`, 'cases', { disposal: 'verification', opinion: '初核', decidedOn: '2026-02-25', approverId: ids.cdi });
    const before = await countRows(t.ctx, 'cases');
    const noApproval = await api('POST', '/api/v1/cases/cases', 'cases', { title: '套取惠农资金', clueId: clue.id, unitId: ids.cdiUnit, caseTypeCode: 'economic.falseClaims', openedOn: '2026-03-02', approverId: ids.cases,
      subjects: [{ officialId: o.id, personCategory: 'civilServant' }] });
    expect(noApproval.statusCode).toBe(400);
    expect(await countRows(t.ctx, 'cases')).toBe(before);
    const res = await api('POST', '/api/v1/cases/cases', 'cases', { title: '套取惠农资金', clueId: clue.id, unitId: ids.cdiUnit, caseTypeCode: 'economic.falseClaims', openedOn: '2026-03-02', approverId: ids.cdi,
      subjects: [{ officialId: o.id, personCategory: 'civilServant', holdsPartyPost: true }, { officialId: v.id, personCategory: 'villageCommitteeManager', villageDirector: 'current' }] });
    expect(res.statusCode, res.body).toBe(201);
    const k = res.json();
    caseId = k.id;
    main = k.subjects.find((s: { official_id: string }) => s.official_id === o.id).id;
    village = k.subjects.find((s: { official_id: string }) => s.official_id === v.id).id;
    expect(k.doc_no).toBe('宜纪立〔2026〕1号');
    expect(k.economic).toBe(true);
    expect(k.deadlines).toEqual([expect.objectContaining({ rule_key: 'investigationDecision', due_on: '2027-03-02' })]);
    const clueAfter = (await api('GET', `/api/v1/cases/clues/${clue.id}`, 'cases')).json();
    expect(clueAfter).toMatchObject({ outcome: 'caseOpened', case_id: caseId });
    expect(clueAfter.sources[0].outcome).toBe('caseOpened');
  });

  it('refuses sanctions before review and illegal transitions, naming the rule and writing nothing', async () => {
    const early = await api('POST', `/api/v1/cases/cases/${caseId}/subjects/${main}/outcomes`, 'cases', { decidedOn: '2026-03-10', outcome: { type: 'sanction', sanction: { track: 'party', kind: 'warning' } } });
    expect(early.statusCode).toBe(400);
    expect(keys(early)).toEqual(['cases.stage.sanctionBeforeReview']);
    expect(early.json().issues[0].message).toContain('第一百九十三条');
    const skip = await api('POST', `/api/v1/cases/cases/${caseId}/stage`, 'cases', { to: 'decision', on: '2026-03-10' });
    expect(keys(skip)).toEqual(['cases.stage.illegalTransition']);
    const noTeam = await api('POST', `/api/v1/cases/cases/${caseId}/stage`, 'cases', { to: 'review', on: '2026-03-10', investigationReportFiled: true });
    expect(keys(noTeam)).toContain('cases.stage.reviewTeamSize');
    expect(await countRows(t.ctx, 'case_outcomes')).toBe(0);
    const row = await t.ctx.db.selectFrom('cases').select(['stage', 'investigation_report_filed']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toEqual({ stage: 'investigation', investigation_report_filed: false });
  });

  it('suspension stops the investigation clock; need-to-know hides the case from non-members; every open is audited', async () => {
    await api('POST', `/api/v1/cases/cases/${caseId}/suspension`, 'cases', { on: '2026-04-01' });
    const resumed = await api('POST', `/api/v1/cases/cases/${caseId}/resumption`, 'cases', { on: '2026-04-11' });
    expect(resumed.json().deadlines[0]).toMatchObject({ rule_key: 'investigationDecision', due_on: '2027-03-12' });
    const ext = await api('POST', `/api/v1/cases/cases/${caseId}/deadlines/investigationDecision/extensions`, 'cases', { approvedOn: '2026-04-15', approvalRef: '昆纪批〔2026〕3号' });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json().deadlines[0].due_on).toBe('2027-09-13');
    const again = await api('POST', `/api/v1/cases/cases/${caseId}/deadlines/investigationDecision/extensions`, 'cases', { approvedOn: '2026-04-16', approvalRef: '再次' });
    expect(keys(again)).toEqual(['cases.deadline.tooManyExtensions']);
    expect(again.json().issues[0].message).toContain('第一百八十五条');
    expect((await api('GET', `/api/v1/cases/cases/${caseId}`, 'cases2')).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/cases/cases', 'cases2')).json().total).toBe(0);
    expect((await api('GET', `/api/v1/cases/cases/${caseId}`, 'cdi')).statusCode).toBe(200);
    const added = await api('POST', `/api/v1/cases/cases/${caseId}/members`, 'cases', { userId: ids.cases2, role: 'reviewer', addedOn: '2026-04-20' });
    expect(added.statusCode, added.body).toBe(200);
    expect((await api('GET', `/api/v1/cases/cases/${caseId}`, 'cases2')).statusCode).toBe(200);
    const audits = await t.ctx.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'cases.case.read').where('object_id', '=', caseId).execute();
    expect(audits.map((a) => a.actor_name).sort()).toEqual(['cases2', 'cdi']);
  });

  it('runs review, decision (sanctions with influence periods, village-cadre limit), execution and closing under the deadlines', async () => {
    await api('POST', `/api/v1/cases/cases/${caseId}/members`, 'cases', { userId: ids.intake, role: 'reviewer', addedOn: '2026-04-20' });
    const review = await api('POST', `/api/v1/cases/cases/${caseId}/stage`, 'cases', { to: 'review', on: '2026-05-06', investigationReportFiled: true });
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json().deadlines.find((d: { rule_key: string }) => d.rule_key === 'caseReview')).toMatchObject({ started_on: '2026-05-06', due_on: '2026-06-08' });
    expect((await api('POST', `/api/v1/cases/cases/${caseId}/stage`, 'cases', { to: 'decision', on: '2026-05-20', reviewReportFiled: true })).statusCode).toBe(200);
    const v = await api('POST', `/api/v1/cases/cases/${caseId}/violations`, 'cases', { subjectId: main, discipline: 'integrity', regulation: 'cpcDisciplinary2023', article: 150, caseTypeCode: 'economic.falseClaims' });
    expect(keys(v)).toEqual(['cases.violation.articleOutsideDiscipline']);
    expect((await api('POST', `/api/v1/cases/cases/${caseId}/violations`, 'cases', { subjectId: main, discipline: 'masses', regulation: 'cpcDisciplinary2023', article: 123, caseTypeCode: 'economic.falseClaims' })).statusCode).toBe(200);
    const party = await api('POST', `/api/v1/cases/cases/${caseId}/subjects/${main}/outcomes`, 'cases', { decidedOn: '2026-05-25', outcome: { type: 'sanction', sanction: { track: 'party', kind: 'seriousWarning' } } });
    expect(party.json().outcomes[0]).toMatchObject({ track: 'party', kind: 'seriousWarning', effect_until: '2027-11-25' });
    const admin = await api('POST', `/api/v1/cases/cases/${caseId}/subjects/${main}/outcomes`, 'cases', { decidedOn: '2026-05-25', outcome: { type: 'sanction', sanction: { track: 'admin', kind: 'demerit' } } });
    expect(admin.json().outcomes[1]).toMatchObject({ track: 'admin', kind: 'demerit', effect_until: '2027-05-25' });
    const tooHeavy = await api('POST', `/api/v1/cases/cases/${caseId}/subjects/${village}/outcomes`, 'cases', { decidedOn: '2026-05-25', outcome: { type: 'sanction', sanction: { track: 'admin', kind: 'demotion' } } });
    expect(keys(tooHeavy)).toEqual(['cases.sanction.villageCadreLimit']);
    expect(tooHeavy.json().issues[0].message).toContain('公职人员政务处分法 第二十二条');
    await api('POST', `/api/v1/cases/cases/${caseId}/subjects/${village}/outcomes`, 'cases', { decidedOn: '2026-05-25', outcome: { type: 'sanction', sanction: { track: 'admin', kind: 'majorDemerit' } } });
    await api('POST', `/api/v1/cases/cases/${caseId}/recoveries`, 'cases', { amountFen: 12_345_600, recoveredOn: '2026-05-28', subjectId: village });
    const exec = await api('POST', `/api/v1/cases/cases/${caseId}/stage`, 'cases', { to: 'execution', on: '2026-05-26' });
    expect(exec.statusCode, exec.body).toBe(200);
    expect(exec.json().recoveredWan).toBe('12.35');
    const early = await api('POST', `/api/v1/cases/cases/${caseId}/stage`, 'cases', { to: 'closed', on: '2026-06-01' });
    expect(keys(early).sort()).toEqual(['cases.stage.executionIncomplete', 'cases.stage.openDeadlines']);
    expect((await t.ctx.db.selectFrom('cases').select('stage').where('id', '=', caseId).executeTakeFirstOrThrow()).stage).toBe('execution');
    for (const key of ['partyDecisionAnnouncement', 'adminSanctionService', 'adminSanctionExecution', 'recoveryExecution']) {
      expect((await api('POST', `/api/v1/cases/cases/${caseId}/deadlines/${key}/fulfilment`, 'cases', { on: '2026-06-10' })).statusCode).toBe(200);
    }
    const closed = await api('POST', `/api/v1/cases/cases/${caseId}/stage`, 'cases', { to: 'closed', on: '2026-06-15', executionComplete: true });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().events.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'suspended', 'resumed', 'extended', 'memberAdded', 'memberAdded', 'stage', 'stage', 'stage', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'stage']);
    for (const url of [`/api/v1/cases/cases/${caseId}/opening-decision.docx`, `/api/v1/cases/cases/${caseId}/subjects/${main}/sanction-decision.docx`]) {
      const doc = await api('GET', url, 'cases');
      expect(doc.statusCode, url).toBe(200);
      expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('shows the sanction with its end date in the integrity record and concludes the opinion accordingly (audited)', async () => {
    const officialId = (await t.ctx.db.selectFrom('case_subjects').select('official_id').where('id', '=', main).executeTakeFirstOrThrow()).official_id;
    const rec = await api('GET', `/api/v1/cases/officials/${officialId}/integrity`, 'cdi');
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json().conclusion).toBe('restricted');
    expect(rec.json().dispositions.map((d: { label: string; effect_until: string }) => [d.label, d.effect_until]).sort()).toEqual([['严重警告', '2027-11-25'], ['记过', '2027-05-25']]);
    expect(rec.json().reports.available).toBe(true);
    const doc = await api('GET', `/api/v1/cases/officials/${officialId}/integrity-opinion.docx?purpose=${encodeURIComponent('拟提拔')}`, 'cdi');
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['x-integrity-conclusion']).toBe('restricted');
    const actions = await t.ctx.db.selectFrom('audit_log').select('action').where('object_id', '=', officialId).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['cases.integrity.read', 'cases.integrity.export']));
  });
});

describe('deadline warnings', () => {
  it('lists an undisposed clue past its one-month limit as overdue, naming the rule, and hides it from other scopes', async () => {
    const clue = (await api('POST', '/api/v1/cases/clues', 'cases', { title: '逾期未处置线索', receivedOn: '2026-02-02', unitId: ids.cdiUnit, sources: [{ type: 'referral' }] })).json();
    const res = await api('GET', '/api/v1/cases/deadlines?state=overdue', 'cases');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.find((i: { id: string }) => i.id === clue.id)).toMatchObject({ kind: 'clue', ruleKey: 'clueDisposalOpinion', due: '2026-03-02', state: 'overdue', source: '监督执纪工作规则（2019） 第二十一条' });
    const township = await api('GET', '/api/v1/cases/deadlines?state=all', 't530125102');
    expect(township.json().items.some((i: { id: string }) => i.id === clue.id)).toBe(false);
  });
});

describe('recusal', () => {
  it('refuses a handler serving in the subject unit or related to a subject, naming the rule, writing nothing', async () => {
    const o = await newOfficial(t, '530125102');
    const before = await countRows(t.ctx, 'cases');
    const body = { title: '测试回避', unitId: await unitId(t, '530125102'), caseTypeCode: 'duty.neglect', openedOn: '2026-07-01', approverId: ids.cdi, subjects: [{ officialId: o.id, personCategory: 'civilServant' }] };
    const sameUnit = await api('POST', '/api/v1/cases/cases', 't530125102', body);
    expect(sameUnit.statusCode).toBe(403);
    expect(keys(sameUnit)).toEqual(['cases.recusal.sameUnit']);
    const rel = await api('POST', '/api/v1/cases/relations', 'cdi', { officialId: o.id, userId: ids.cases, kind: 'spouse' });
    expect(rel.statusCode, rel.body).toBe(201);
    const related = await api('POST', '/api/v1/cases/cases', 'cases', { ...body, unitId: ids.cdiUnit });
    expect(related.statusCode).toBe(403);
    expect(related.json().issues[0].message).toContain('公职人员政务处分法 第四十七条');
    const asMember = await api('POST', '/api/v1/cases/cases', 'cases2', { ...body, unitId: ids.cdiUnit, team: [{ userId: ids.cases, role: 'investigator' }] });
    expect(keys(asMember)).toEqual(['cases.recusal.related']);
    expect(await countRows(t.ctx, 'cases')).toBe(before);
  });
});
