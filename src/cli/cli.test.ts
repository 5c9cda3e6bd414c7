import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../platform/auth/password';
import { openDatabase } from '../platform/db/database';
import { rootDir } from '../platform/version';

interface Run { code: number | null; stdout: string; stderr: string }

/**
 * The real command, as an operator runs it, against a throwaway embedded data folder. DATABASE_URL is removed
 * so these runs stay on PGlite whichever engine the rest of the suite uses.
 */
function lianjian(args: string[], env: Record<string, string> = {}, dataDir: string): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LIANJIAN_DATA_DIR: dataDir, ...env };
  delete childEnv.DATABASE_URL;
  if (!env.LIANJIAN_ADMIN_PASSWORD) delete childEnv.LIANJIAN_ADMIN_PASSWORD;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(rootDir, 'bin/lianjian.mjs'), ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('lianjian CLI', () => {
  let tmp: string;
  let dataDir: string;
  const run = (args: string[], env?: Record<string, string>) => lianjian(args, env, dataDir);

  beforeAll(async () => {
    tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'lianjian-cli-'));
    dataDir = path.join(tmp, 'data');
  });
  afterAll(async () => {
    if (tmp) await fs.promises.rm(tmp, { recursive: true, force: true });
  });

  it('answers an unknown audit subcommand with usage and exit code 2', async () => {
    const r = await run(['audit', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: lianjian audit verify/);
  });

  it('verifies an empty chain on a fresh install', async () => {
    const r = await run(['audit', 'verify']);
    expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining('审计链完整 Audit chain intact: 0 entries') });
  });

  it('creates the first administrator with the county organisation, and refuses a weak password or a taken name', async () => {
    const weak = path.join(tmp, 'weak.txt');
    fs.writeFileSync(weak, 'password\n');
    const refused = await run(['admin', 'create', '--username', 'chief', '--county', '530125', '--password-file', weak]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/at least 3 of/);

    const created = await run(['admin', 'create', '--username', 'chief', '--county', '530125', '--display-name', '王主任'], { LIANJIAN_ADMIN_PASSWORD: 'Office@2027' });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Administrator chief created in 宜良县纪委监委/);

    const again = await run(['admin', 'create', '--username', 'chief', '--county', '530125'], { LIANJIAN_ADMIN_PASSWORD: 'Office@2027' });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('refuses a damaged backup file with exit code 1 before touching the target', async () => {
    const bad = path.join(tmp, 'bad.tar.gz');
    fs.writeFileSync(bad, 'not a backup');
    const r = await run(['restore', bad], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^备份文件已损坏 The backup file is corrupted: /);
  });

  it('backs up the install and restores it into a new data folder with the chain intact', async () => {
    const file = path.join(tmp, 'office.tar.gz');
    const backup = await run(['backup', file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/tables \[\d+\/\d+\] units 185 rows/);
    const restored = await lianjian(['restore', file], {}, path.join(tmp, 'restored'));
    expect(restored.code, restored.stderr).toBe(0);
    // adminCreated plus the restore's own entry: backupCreated is written after the snapshot, so the file lacks it.
    expect(restored.stdout).toMatch(/Restored \d+ tables, \d+ rows, 0 files/);
    expect(restored.stdout).toMatch(/Audit chain intact: 2 entries/);
  });

  it('stored a usable sysadmin account, audited, and reports tampering with exit code 1', async () => {
    const database = await openDatabase({ dataDir: path.join(dataDir, 'pgdata') });
    try {
      const user = await database.db.selectFrom('users').innerJoin('units', 'units.id', 'users.unit_id')
        .select(['users.id', 'users.password_hash', 'users.must_change_password', 'users.display_name', 'units.kind']).where('username', '=', 'chief').executeTakeFirstOrThrow();
      expect(user).toMatchObject({ must_change_password: false, display_name: '王主任', kind: 'cdi' });
      expect(await verifyPassword(user.password_hash, 'Office@2027')).toBe(true);
      const roles = await database.db.selectFrom('user_roles').innerJoin('roles', 'roles.id', 'user_roles.role_id').select('roles.code').where('user_id', '=', user.id).execute();
      expect(roles.map((r) => r.code)).toEqual(['sysadmin']);
      const entries = await database.db.selectFrom('audit_log').select(['action', 'object_id', 'chain_seq']).orderBy('id').execute();
      expect(entries).toEqual([
        { action: 'system.adminCreated', object_id: user.id, chain_seq: 1 },
        { action: 'system.backupCreated', object_id: null, chain_seq: 2 },
      ]);
      await sql.raw(`alter table audit_log disable trigger audit_log_guard;
        update audit_log set action = 'system.nothingHappened' where chain_seq = 1;
        alter table audit_log enable trigger audit_log_guard`).execute(database.db);
    } finally {
      await database.close();
    }
    const r = await run(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BROKEN at chain seq 1, entry id 1: altered \(hash\)/);
  });
});
