import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDemoCounty } from '../org/demo/createDemoCounty';
import { loadConfig } from '../../platform/config';
import { closeContext, createContext, type AppContext } from '../../platform/context';
import { generateCitizenId } from '../../platform/identifiers';

/**
 * Harness for the intake durability test and the intake benchmark: a real `serve` child process on a data
 * folder (PGlite) or a throwaway PostgreSQL database, and realistic public submissions. The child is the
 * production entry (bin/lianjian.mjs), so a SIGKILL hits exactly what a crash would hit.
 */
const root = path.resolve(import.meta.dirname, '../../..');

export interface ServerWorld {
  engine: 'pglite' | 'postgresql';
  dataDir: string;
  databaseUrl?: string;
  env: NodeJS.ProcessEnv;
  /** Open the world's database in this process (only while no server holds a PGlite folder). */
  open(): Promise<AppContext>;
  dispose(): Promise<void>;
}

/** A throwaway database (name returned) on the server of `baseUrl`, dropped by `drop`. */
export async function throwawayDatabase(baseUrl: string, prefix = 'lianjian_load'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * Migrate and load the demo county in-process (the county only: the demo report and case history that a
 * first `serve` adds is not needed and would take most of a CI minute), then hand out the child's env.
 */
export async function prepareWorld(pgBaseUrl?: string): Promise<ServerWorld> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianjian-intake-'));
  const db = pgBaseUrl ? await throwawayDatabase(pgBaseUrl) : undefined;
  const config = { ...loadConfig({}), dataDir, databaseUrl: db?.url };
  const open = () => createContext(config);
  const ctx = await open();
  try {
    await createDemoCounty(ctx.db, '530125');
  } finally {
    await closeContext(ctx);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env, LIANJIAN_QUIET: '1', LIANJIAN_DEMO: '1', LIANJIAN_DATA_DIR: dataDir, HOST: '127.0.0.1',
    // A fixed test key: PostgreSQL refuses to seal identities without one (the embedded tier would make one).
    LIANJIAN_MASTER_KEY: crypto.createHash('sha256').update('lianjian intake load harness').digest('hex'),
    // The per-address submission limit would otherwise turn a load from one address into 429s.
    LIANJIAN_PUBLIC_SUBMITS_PER_MINUTE: '10000000', LIANJIAN_PUBLIC_LOOKUPS_PER_MINUTE: '10000000',
  };
  if (db) env.DATABASE_URL = db.url; else delete env.DATABASE_URL;
  return {
    engine: db ? 'postgresql' : 'pglite', dataDir, databaseUrl: db?.url, env, open,
    async dispose() {
      await db?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerChild { child: ChildProcess; base: string; port: number; output: () => string; stop(): Promise<void>; kill(): Promise<void> }

/** Spawn `serve` and wait until it prints that it is serving (it listens only after start-up recovery). */
export async function startServer(world: ServerWorld, limitMs = 90_000, nodeArgs: string[] = []): Promise<ServerChild> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, 'bin/lianjian.mjs', 'serve'], { cwd: root, env: { ...world.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const t0 = Date.now();
  while (!output.includes('is serving')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`serve exited before listening:\n${output.slice(-2000)}`);
    if (Date.now() - t0 > limitMs) { child.kill('SIGKILL'); throw new Error(`serve not ready within ${limitMs} ms:\n${output.slice(-2000)}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  const done = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child, port, base: `http://127.0.0.1:${port}`, output: () => output,
    async stop() { if (!done()) { child.kill('SIGTERM'); await exited; } },
    async kill() { if (!done()) { child.kill('SIGKILL'); await exited; } },
  };
}

const TITLES = ['反映村干部优亲厚友问题', '举报低保评定不公', '反映办事窗口吃拿卡要', '投诉审批拖延推诿', '反映工程项目违规发包', '举报公款吃喝', '建议公开村务财务', '申诉处分决定不当'];
const CONTENTS = [
  '本村在低保评定中，村委会主任将不符合条件的亲属纳入低保名单，群众多次反映未得到处理，请求核查。',
  '到镇便民服务中心办理证明，工作人员以各种理由推诿，要求先请客吃饭才给办理，作风漂浮，工作疲沓。',
  '村道硬化工程未经公开招标，直接交由村干部亲属承包，工程质量差，账目不公开。',
  '某站所负责人多次在工作日中午饮酒，费用由单位报销，群众意见很大。',
];
const KINDS = ['accusation', 'suggestion', 'appeal', 'efficiency'] as const;
const SURNAMES = '张王李赵刘陈杨黄周吴';

/**
 * The i-th realistic submission: about a third real-name (valid citizen ID, phone), the rest anonymous;
 * half name a township (from `townships`), some a village of it; half name whom it concerns.
 */
export function submission(i: number, townships: Array<{ code: string; villages: string[] }> = []): Record<string, unknown> {
  const kind = KINDS[i % KINDS.length];
  const body: Record<string, unknown> = {
    kind, title: `${TITLES[i % TITLES.length]}（${i}）`, content: `${CONTENTS[i % CONTENTS.length]}${CONTENTS[(i + 1) % CONTENTS.length]}`, anonymous: i % 3 !== 0,
  };
  const t = townships.length > 0 && i % 2 === 0 ? townships[(i >> 1) % townships.length] : undefined;
  if (t) {
    body.townshipCode = t.code;
    if (t.villages.length > 0 && i % 4 === 0) body.villageCode = t.villages[(i >> 2) % t.villages.length];
  }
  if (i % 2 === 1) body.accused = { name: `${SURNAMES[i % SURNAMES.length]}某某`, unit: '某镇人民政府', post: '副镇长' };
  if (!body.anonymous) {
    const birth = `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
    body.reporter = { name: `${SURNAMES[(i + 3) % SURNAMES.length]}某某`, citizenId: generateCitizenId('530125', birth, i % 1000, i % 2 ? 'male' : 'female'), phone: `139${String(10_000_000 + (i % 89_999_999)).padStart(8, '0')}` };
  }
  return body;
}

/** Up to `n` townships of the demo county with their villages, as the public form's pickers see them. */
export async function fetchTownships(base: string, n = 4): Promise<Array<{ code: string; villages: string[] }>> {
  const get = async (q: string) => (JSON.parse((await request(base, 'GET', `/api/v1/public/divisions${q}`)).body) as { items: Array<{ code: string }> }).items;
  const out: Array<{ code: string; villages: string[] }> = [];
  for (const t of (await get('')).slice(0, n)) out.push({ code: t.code, villages: (await get(`?parentCode=${t.code}`)).map((v) => v.code) });
  return out;
}

/** A PNG-looking attachment: sniffing only needs the signature. */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(4096)]);

export function multipart(report: unknown, files: Buffer[]): { body: Buffer; contentType: string } {
  const boundary = `----lianjian${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="report"\r\n\r\n${JSON.stringify(report)}\r\n`)];
  files.forEach((f, i) => parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="photo${i}.png"\r\nContent-Type: image/png\r\n\r\n`), f, Buffer.from('\r\n')));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function request(base: string, method: string, url: string, body?: Buffer | string, contentType = 'application/json'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${url}`, { method, agent, headers: body === undefined ? {} : { 'content-type': contentType } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
