import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from '../../../test/helpers';
import { generateCitizenId } from '../../platform/identifiers';
import { attachmentRoot, storedPath } from './attachments';
import { recoverAttachments } from './intakeService';
import { ensureReportRoles } from './permissions';
import { receiptHash } from './receipts';

let t: TestApp;
const citizenId = generateCitizenId('530125', '1979-03-08', 21, 'male');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);

beforeAll(async () => {
  t = await createTestApp();
  await ensureReportRoles(t.ctx.db);
});
afterAll(async () => {
  if (t) fs.rmSync(attachmentRoot(t.ctx.config), { recursive: true, force: true });
  await t?.close();
});

const submit = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload: payload as object });
const lookup = (receipt: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/reports/${receipt}` });

function multipart(report: unknown, files: Array<{ name: string; body: Buffer }>) {
  const boundary = '----lianjianTest';
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="report"\r\n\r\n${JSON.stringify(report)}\r\n`)];
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.name}"\r\nContent-Type: image/png\r\n\r\n`), f.body, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const tmpFiles = () => { const d = path.join(attachmentRoot(t.ctx.config), 'reports', 'tmp'); return fs.existsSync(d) ? fs.readdirSync(d) : []; };

describe('public intake', () => {
  it('takes an anonymous report with an attachment, returns a receipt and stores only its hash', async () => {
    const { payload, headers } = multipart({ kind: 'accusation', title: '反映某村支书优亲厚友', content: '低保评定优亲厚友', townshipCode: '530125102', anonymous: true, accused: { name: '王某某', unit: '某村委会' } },
      [{ name: 'photo.png', body: PNG }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload, headers });
    expect(res.statusCode, res.body).toBe(201);
    const { receipt } = res.json();
    expect(receipt).toMatch(/^\d{20}$/);
    const row = await t.ctx.db.selectFrom('reports').selectAll().where('receipt_hash', '=', receiptHash(receipt)).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(receipt);
    expect(row).toMatchObject({ channel: 'online', identified: false, identity_cipher: null, status: 'received', township_code: '530125102' });
    const att = await t.ctx.db.selectFrom('report_attachments').selectAll().where('report_id', '=', row.id).executeTakeFirstOrThrow();
    expect(att).toMatchObject({ media_type: 'image/png', size_bytes: PNG.length, file_name: 'photo.png' });
    expect(fs.readFileSync(storedPath(t.ctx.config, att.stored_path)).equals(PNG)).toBe(true);
    expect(tmpFiles()).toEqual([]);
    const intake = await t.login('intake');
    const download = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${row.id}/attachments/${att.id}`, headers: { cookie: intake } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    // The download's own, stricter policy wins over the app-wide one: a file never runs as a page.
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(download.rawPayload.equals(PNG)).toBe(true);

    const status = await lookup(receipt);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ status: 'received', kind: 'accusation', messages: [] });
    expect(status.headers['cache-control']).toBe('no-store');
  });

  it('refuses bad input naming the field and writes nothing', async () => {
    const before = { reports: await countRows(t.ctx, 'reports'), files: await countRows(t.ctx, 'report_attachments'), audit: await countRows(t.ctx, 'audit_log') };
    const badId = citizenId.slice(0, 17) + (citizenId[17] === '0' ? '1' : '0');
    const cases: Array<[unknown, string]> = [
      [{ kind: 'accusation', title: '标题', content: '内容', anonymous: false, reporter: { name: '李某某', citizenId: badId, phone: '13900000000' } }, 'body.reporter.citizenId'],
      [{ kind: 'accusation', title: '标题', content: '内容', anonymous: false }, 'body.reporter'],
      [{ kind: 'gossip', title: '标题', content: '内容', anonymous: true }, 'body.kind'],
      [{ kind: 'accusation', title: '', content: '内容', anonymous: true }, 'body.title'],
      [{ kind: 'accusation', title: '标题', content: '内容', anonymous: true, townshipCode: '999999999' }, 'body.townshipCode'],
      [{ kind: 'accusation', title: '标题', content: '内容', anonymous: true, extra: 1 }, 'body.extra'],
    ];
    for (const [payload, field] of cases) {
      const res = await submit(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    const exe = multipart({ kind: 'suggestion', title: '建议', content: '内容', anonymous: true }, [{ name: 'a.png', body: Buffer.from('MZ\x90\x00 not an image') }]);
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/public/reports', ...exe });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().issues[0].field).toBe('attachments');
    expect({ reports: await countRows(t.ctx, 'reports'), files: await countRows(t.ctx, 'report_attachments'), audit: await countRows(t.ctx, 'audit_log') }).toEqual(before);
    expect(tmpFiles()).toEqual([]);
  });

  it('answers 404 for unknown or malformed receipts', async () => {
    expect((await lookup('12345678901234567890')).statusCode).toBe(404);
    expect((await lookup('abc')).statusCode).toBe(400);
    expect((await lookup('1234567890123456x')).statusCode).toBe(404);
  });

  it('keeps a real-name identity sealed: never in rows, lists, details or the audit log; reveal needs the permission and a reason', async () => {
    const res = await submit({ kind: 'appeal', title: '申诉低保被取消', content: '本人低保被无故取消', anonymous: false, reporter: { name: '赵某某', citizenId, phone: '13912345678' } });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.ctx.db.selectFrom('reports').selectAll().where('receipt_hash', '=', receiptHash(res.json().receipt)).executeTakeFirstOrThrow();
    expect(row.identified).toBe(true);
    expect(row.accept_notice_due).not.toBeNull();
    const intake = await t.login('intake');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/reports?pageSize=200', headers: { cookie: intake } });
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${row.id}`, headers: { cookie: intake } });
    const audit = await t.ctx.db.selectFrom('audit_log').select('detail').execute();
    for (const text of [JSON.stringify(row), list.body, detail.body, JSON.stringify(audit)]) {
      for (const secret of ['赵某某', citizenId, '13912345678']) expect(text).not.toContain(secret);
    }
    expect(detail.json().reporter).toBe('实名（已加密）');

    expect((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${row.id}/identity/reveal`, headers: { cookie: intake }, payload: { reason: '核实情况需要联系' } })).statusCode).toBe(403);
    const cdi = await t.login('cdi');
    const noReason = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${row.id}/identity/reveal`, headers: { cookie: cdi }, payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().issues[0].field).toBe('body.reason');
    const revealed = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${row.id}/identity/reveal`, headers: { cookie: cdi }, payload: { reason: '核实情况需要联系举报人' } });
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toMatchObject({ name: '赵某某', citizenId, phone: '13912345678' });
    const entry = await t.ctx.db.selectFrom('audit_log').select(['actor_name', 'detail']).where('action', '=', 'reports.identity.reveal').where('object_id', '=', row.id).executeTakeFirstOrThrow();
    expect(entry.actor_name).toBe('cdi');
    expect(JSON.stringify(entry.detail)).toContain('核实情况需要联系举报人');
  });

  it('lets the reporter and the office exchange messages; the reporter reads the answer after routing and closure', async () => {
    const res = await submit({ kind: 'efficiency', title: '办证窗口推诿', content: '多次到窗口办理被推诿', townshipCode: '530125103', anonymous: true });
    const { receipt } = res.json();
    const id = (await t.ctx.db.selectFrom('reports').select('id').where('receipt_hash', '=', receiptHash(receipt)).executeTakeFirstOrThrow()).id;
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/public/reports/${receipt}/messages`, payload: { body: '补充：时间是周一上午' } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/public/reports/${receipt}/messages`, payload: { body: '' } })).statusCode).toBe(400);

    const intake = await t.login('intake');
    const townshipB = (await t.ctx.db.selectFrom('units').select('id').where('code', '=', '530125103').executeTakeFirstOrThrow()).id;
    const routed = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${id}/route`, headers: { cookie: intake }, payload: { unitId: townshipB, mode: 'assignment' } });
    expect(routed.statusCode, routed.body).toBe(200);

    // Scope follows the handling unit: township 102 cannot see it, township 103 can.
    const other = await t.login('t530125102');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: { cookie: other } })).statusCode).toBe(404);
    const otherList = await t.app.inject({ method: 'GET', url: '/api/v1/reports?pageSize=200', headers: { cookie: other } });
    expect(otherList.json().items.some((i: { id: string }) => i.id === id)).toBe(false);
    const mine = await t.login('t530125103');
    const confirm = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${id}/events/${routed.json().eventId}/confirm`, headers: { cookie: mine } });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/reports/${id}/messages`, headers: { cookie: mine }, payload: { body: '已收到，正在核实' } })).statusCode).toBe(201);
    const closed = await t.app.inject({ method: 'POST', url: `/api/v1/reports/${id}/close`, headers: { cookie: mine }, payload: { result: '情况属实，已批评教育', answer: '经核实，已责令整改。' } });
    expect(closed.statusCode, closed.body).toBe(200);

    const status = (await lookup(receipt)).json();
    expect(status).toMatchObject({ status: 'closed', answer: '经核实，已责令整改。' });
    expect(status.messages.map((m: { author: string }) => m.author)).toEqual(['reporter', 'office']);
    expect(JSON.stringify(status)).not.toContain('情况属实'); // the internal result stays internal
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/public/reports/${receipt}/feedback`, payload: { satisfaction: 'satisfied' } })).statusCode).toBe(200);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: { cookie: mine } });
    expect(detail.json().events.map((e: { type: string }) => e.type)).toEqual(['received', 'assignment', 'receiptConfirmed', 'closure', 'feedback']);
  });

  it('lists townships and their villages for the public place pickers, nothing else', async () => {
    const towns = (await t.app.inject({ method: 'GET', url: '/api/v1/public/divisions' })).json().items as Array<{ code: string; name: string }>;
    expect(towns.map((x) => x.code)).toContain('530125102');
    expect(towns.every((x) => /^\d{9}$/.test(x.code))).toBe(true);
    const villages = (await t.app.inject({ method: 'GET', url: '/api/v1/public/divisions?parentCode=530125102' })).json().items as Array<{ code: string }>;
    expect(villages.length).toBeGreaterThan(3);
    expect(villages.every((v) => v.code.startsWith('530125102') && v.code.length === 12)).toBe(true);
  });

  it('finishes or cleans up attachment files left by a crash', async () => {
    const { payload, headers } = multipart({ kind: 'suggestion', title: '建议', content: '建议公开村务', anonymous: true }, [{ name: 'a.png', body: PNG }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/reports', payload, headers });
    const row = await t.ctx.db.selectFrom('reports').select('id').where('receipt_hash', '=', receiptHash(res.json().receipt)).executeTakeFirstOrThrow();
    const att = await t.ctx.db.selectFrom('report_attachments').selectAll().where('report_id', '=', row.id).executeTakeFirstOrThrow();
    const tmpDir = path.join(attachmentRoot(t.ctx.config), 'reports', 'tmp');
    // A crash between commit and rename: the file is still under its temporary name.
    fs.renameSync(storedPath(t.ctx.config, att.stored_path), path.join(tmpDir, `${att.id}.part`));
    // An abandoned upload from an hour ago, and one still in flight.
    const orphan = path.join(tmpDir, '00000000-0000-4000-8000-000000000001.part');
    const young = path.join(tmpDir, '00000000-0000-4000-8000-000000000002.part');
    fs.writeFileSync(orphan, 'x');
    fs.writeFileSync(young, 'y');
    fs.utimesSync(orphan, new Date(Date.now() - 7_200_000), new Date(Date.now() - 7_200_000));
    expect(await recoverAttachments(t.ctx)).toEqual({ finished: 1, removed: 1 });
    expect(fs.readFileSync(storedPath(t.ctx.config, att.stored_path)).equals(PNG)).toBe(true);
    expect(fs.existsSync(young)).toBe(true);
    fs.rmSync(young);
  });

  it('slows down receipt guessing per address without locking anyone out for good', async () => {
    let limited = 0;
    for (let i = 0; i < 35; i++) if ((await lookup(`1111222233334444${String(i).padStart(4, '0')}`)).statusCode === 429) limited++;
    expect(limited).toBeGreaterThan(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/reports/11112222333344445555', remoteAddress: '10.9.8.7' })).statusCode).toBe(404);
  });
});
