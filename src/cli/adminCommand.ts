import fs from 'node:fs';
import { Writable } from 'node:stream';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { applyModuleRoleGrants } from '../modules';
import { ensureBuiltinRoles } from '../modules/org/builtinRoles';
import { createCountyOrganisation } from '../modules/org/countyOrganisation';
import { assertPasswordPolicy, hashPassword } from '../platform/auth/password';
import { loadConfig } from '../platform/config';
import { closeContext, createContext } from '../platform/context';
import { cliActor } from './auditCommand';

const usage = `Usage: lianjian admin create --username NAME --county CODE [--display-name NAME] [--password-file FILE]

  Creates the first system administrator of a production install. On an empty database it also creates the
  county's real organisation (county, CDI, departments, townships and villages) and the built-in roles.
  The password comes from --password-file, else LIANJIAN_ADMIN_PASSWORD, else a prompt on the terminal.
`;

const POLICY = '密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类 ' +
  'The password needs at least 8 characters from at least 3 of: upper case, lower case, digits, symbols.';

/** Read a line from the terminal without showing it: readline echoes through `output`, which stays silent. */
async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('No password given: use --password-file or LIANJIAN_ADMIN_PASSWORD when not on a terminal');
  let silent = false;
  const output = new Writable({ write(chunk, _enc, done) { if (!silent) process.stdout.write(chunk); done(); } });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  const abort = new AbortController();
  rl.on('SIGINT', () => abort.abort());
  try {
    process.stdout.write(question);
    silent = true;
    return await rl.question('', { signal: abort.signal });
  } finally {
    silent = false;
    process.stdout.write('\n');
    rl.close();
  }
}

/** A password handed over non-interactively, or null when the operator has to be asked. */
function givenPassword(file: string | undefined): string | null {
  // A password file may end with a newline that an editor added; that is not part of the password.
  if (file) return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  return process.env.LIANJIAN_ADMIN_PASSWORD || null;
}

async function askPassword(): Promise<string> {
  const first = await promptHidden('新密码 New password: ');
  const second = await promptHidden('再次输入 Repeat the password: ');
  if (first !== second) throw new Error('两次输入的密码不一致 The passwords do not match');
  return first;
}

export async function adminCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { username: { type: 'string' }, county: { type: 'string' }, 'display-name': { type: 'string' }, 'password-file': { type: 'string' } },
  });
  const username = values.username?.trim() ?? '';
  const county = values.county?.trim() ?? '';
  if (positionals.length !== 1 || positionals[0] !== 'create' || !/^[A-Za-z0-9_.-]{2,64}$/.test(username) || !/^\d{6}$/.test(county)) {
    process.stderr.write(usage);
    return 2;
  }
  const displayName = values['display-name']?.trim() || '系统管理员';
  const weak = (p: string) => {
    try {
      assertPasswordPolicy(p);
      return false;
    } catch {
      process.stderr.write(`${POLICY}\n`);
      return true;
    }
  };
  // A given password is checked before the database is opened; a prompt waits until the name is known to be free.
  const given = givenPassword(values['password-file']);
  if (given !== null && weak(given)) return 1;
  const ctx = await createContext(loadConfig());
  try {
    const existing = await ctx.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (existing) {
      process.stderr.write(`用户名已存在 The username ${username} already exists; nothing was changed.\n`);
      return 1;
    }
    const password = given ?? (await askPassword());
    if (weak(password)) return 1;
    const passwordHash = await hashPassword(password);
    // The organisation, the roles, the account and its audit entry commit together or not at all.
    const result = await ctx.db.transaction().execute(async (trx) => {
      const units = await sql<{ n: number }>`select count(*)::int as n from units`.execute(trx);
      let cdi: { id: string; name: string } | undefined;
      let createdUnits = 0;
      if (units.rows[0].n === 0) {
        const org = await createCountyOrganisation(trx, county);
        cdi = { id: org.cdi.id!, name: org.cdi.name };
        createdUnits = org.units.length;
      } else {
        cdi = await trx.selectFrom('units').select(['id', 'name']).where('code', '=', `${county}CDI`).where('kind', '=', 'cdi').executeTakeFirst();
        if (!cdi) throw new Error(`The organisation has no discipline inspection unit for county ${county} (unit code ${county}CDI)`);
      }
      const roles = await ensureBuiltinRoles(trx);
      const user = await trx.insertInto('users')
        .values({ username, display_name: displayName, unit_id: cdi.id, password_hash: passwordHash, must_change_password: false })
        .returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('user_roles').values({ user_id: user.id, role_id: roles.get('sysadmin')! }).execute();
      await ctx.audit.record(trx, cliActor(), {
        action: 'system.adminCreated', objectType: 'user', objectId: user.id,
        detail: { username, county, unit: cdi.name, organisationCreated: createdUnits > 0, units: createdUnits },
      });
      return { cdi, createdUnits };
    });
    await applyModuleRoleGrants(ctx.db);
    if (result.createdUnits > 0) process.stdout.write(`组织机构已创建 Organisation of county ${county} created: ${result.createdUnits} units\n`);
    process.stdout.write(`系统管理员已创建 Administrator ${username} created in ${result.cdi.name} with the sysadmin role\n`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
