import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { closeContext } from '../../platform/context';
import { attachmentRoot, storedPath } from './attachments';
import { fetchTownships, multipart, PNG, prepareWorld, request, startServer, submission, type ServerWorld } from './loadHarness';
import { receiptHash } from './receipts';

/**
 * Reliability of the issue: killing the server (SIGKILL) during a load of submissions loses no acknowledged
 * submission, and nothing is half-written. Real `serve` child processes; PGlite always, PostgreSQL too when
 * DATABASE_URL is set (the child gets a throwaway database on that server).
 */
const LOOPS = 6;
/** Acknowledged submissions to wait for before the kill, so the kill lands in the middle of the load. */
const KILL_AFTER = 60;

interface Ack { receipt: string; files: number }

async function loadAndKill(world: ServerWorld): Promise<{ acked: Ack[]; attempted: number }> {
  const server = await startServer(world);
  const townships = await fetchTownships(server.base);
  const acked: Ack[] = [];
  let attempted = 0;
  let next = 0;
  let killed = false;
  const loop = async () => {
    while (!killed) {
      const i = next++;
      // Every fifth submission carries one or two attachments (multipart), the rest are JSON.
      const files = i % 5 === 0 ? Array.from({ length: 1 + (i % 2) }, () => PNG) : [];
      const { body, contentType } = files.length > 0 ? multipart(submission(i, townships), files) : { body: JSON.stringify(submission(i, townships)), contentType: 'application/json' };
      attempted++;
      try {
        const res = await request(server.base, 'POST', '/api/v1/public/reports', body, contentType);
        if (res.status !== 201) throw new Error(`submission ${i}: ${res.status} ${res.body}`);
        // Recorded only once the 201 is fully read: exactly what a client could have shown its user.
        acked.push({ receipt: (JSON.parse(res.body) as { receipt: string }).receipt, files: files.length });
      } catch (err) {
        if (killed) return; // the connection died with the server: unacknowledged, may or may not exist
        throw err;
      }
    }
  };
  const loops = Array.from({ length: LOOPS }, loop);
  const killer = (async () => {
    while (acked.length < KILL_AFTER) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    server.child.kill('SIGKILL');
  })();
  try {
    await Promise.all([...loops, killer]);
  } finally {
    killed = true;
    await server.kill();
  }
  return { acked, attempted };
}

async function verify(world: ServerWorld, acked: Ack[], attempted: number) {
  // Restart on the same data: recovery runs, then every acknowledged receipt must answer.
  const server = await startServer(world);
  try {
    for (const a of acked) {
      const res = await request(server.base, 'GET', `/api/v1/public/reports/${a.receipt}`);
      expect(res.status, `receipt ${a.receipt}`).toBe(200);
    }
  } finally {
    await server.stop();
  }
  const ctx = await world.open();
  try {
    const reports = await ctx.db.selectFrom('reports').select(['id', 'receipt_hash', 'county_code']).where('channel', '=', 'online').execute();
    expect(reports.length).toBeGreaterThanOrEqual(acked.length);
    expect(reports.length).toBeLessThanOrEqual(attempted);
    const byHash = new Map(reports.map((r) => [r.receipt_hash, r.id]));
    const attachments = await ctx.db.selectFrom('report_attachments').selectAll().execute();
    for (const a of acked) {
      const id = byHash.get(receiptHash(a.receipt));
      expect(id, `row of receipt ${a.receipt}`).toBeDefined();
      expect(attachments.filter((f) => f.report_id === id)).toHaveLength(a.files);
    }
    // Nothing half-written, acknowledged or not: each stored report has its audit entry, its first event,
    // and exactly the attachments its audit entry names, each file in place with that content.
    const audit = await sql<{ object_id: string; n: number; shas: string[] }>`
      select object_id, count(*)::int as n, array_agg(x) filter (where x is not null) as shas
      from audit_log left join lateral jsonb_array_elements_text(detail->'attachments') x on true
      where action = 'reports.public.submit' group by object_id`.execute(ctx.db);
    const auditOf = new Map(audit.rows.map((r) => [r.object_id, r]));
    const events = await ctx.db.selectFrom('report_events').select(['report_id']).where('type', '=', 'received').execute();
    const eventCount = new Map<string, number>();
    for (const e of events) eventCount.set(e.report_id, (eventCount.get(e.report_id) ?? 0) + 1);
    let withFiles = 0;
    for (const r of reports) {
      const entry = auditOf.get(r.id);
      expect(entry, `audit entry of report ${r.id}`).toBeDefined();
      expect(eventCount.get(r.id), `received event of report ${r.id}`).toBe(1);
      const files = attachments.filter((f) => f.report_id === r.id);
      expect(files.map((f) => f.sha256).sort()).toEqual([...(entry!.shas ?? [])].sort());
      for (const f of files) {
        const p = storedPath(ctx.config, f.stored_path);
        expect(fs.existsSync(p), `file of attachment ${f.id}`).toBe(true);
        expect(createHash('sha256').update(fs.readFileSync(p)).digest('hex')).toBe(f.sha256);
      }
      if (files.length > 0) withFiles++;
    }
    expect(withFiles).toBeGreaterThan(0);
    // A staged file whose row committed was moved into place at restart; what is left belongs to no report.
    const tmpDir = path.join(attachmentRoot(ctx.config), 'reports', 'tmp');
    const left = fs.existsSync(tmpDir) ? fs.readdirSync(tmpDir).map((n) => n.replace(/\.part$/, '')) : [];
    expect(left.filter((id) => attachments.some((f) => f.id === id))).toEqual([]);
    return { stored: reports.length, attachments: attachments.length, leftStaged: left.length };
  } finally {
    await closeContext(ctx);
  }
}

const engines: Array<[string, string | undefined]> = [['pglite', undefined]];
if (process.env.DATABASE_URL) engines.push(['postgresql', process.env.DATABASE_URL]);

describe.each(engines)('intake durability under SIGKILL (%s)', (_engine, pgUrl) => {
  it('keeps every acknowledged submission and writes none half', async () => {
    const world = await prepareWorld(pgUrl);
    try {
      const { acked, attempted } = await loadAndKill(world);
      expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
      const summary = await verify(world, acked, attempted);
      // Printed so a CI log shows how much was in flight when the kill landed.
      process.stdout.write(`[durability ${_engine}] acknowledged ${acked.length}, attempted ${attempted}, stored ${summary.stored}, attachments ${summary.attachments}, staged files left ${summary.leftStaged}\n`);
    } finally {
      await world.dispose();
    }
  }, 110_000);
});
