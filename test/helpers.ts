import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/platform/config';
import { closeContext, createContext, type AppContext } from '../src/platform/context';
import { buildApp } from '../src/platform/http/app';
import { applyModuleRoleGrants } from '../src/modules';
import { createDemoCounty, DEMO_PASSWORD } from '../src/modules/org/demo/createDemoCounty';

/**
 * A real database per test file: in-memory PGlite by default, or a throwaway database on the PostgreSQL
 * server named by DATABASE_URL (created here, dropped on close). The demo county is loaded into it.
 */
export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  engine: 'pglite' | 'postgresql';
  /** Sign in and return the Cookie header value for app.inject. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createTestDatabaseUrl(): Promise<{ url?: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { url: undefined, drop: async () => undefined };
  const name = `lianjian_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function createTestContext(opts: { demo?: boolean } = {}): Promise<{ ctx: AppContext; close: () => Promise<void> }> {
  const { url, drop } = await createTestDatabaseUrl();
  const config = { ...loadConfig({}), databaseUrl: url, dataDir: 'memory://', sessionIdleMinutes: 30 };
  const ctx = await createContext(config);
  if (opts.demo !== false) {
    await createDemoCounty(ctx.db, '530125');
    await applyModuleRoleGrants(ctx.db);
  }
  return { ctx, close: async () => { await closeContext(ctx); await drop(); } };
}

export async function createTestApp(opts: { demo?: boolean } = {}): Promise<TestApp> {
  const { ctx, close } = await createTestContext(opts);
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app, ctx, engine: ctx.engine,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'lj_session');
      return `lj_session=${cookie!.value}`;
    },
    async close() { await app.close(); await close(); },
  };
}

export async function countRows(ctx: AppContext, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(ctx.db);
  return r.rows[0].n;
}

/** An API call as the user whose session cookie is given (the tests keep one cookie per demo account). */
export function injectAs(t: TestApp, cookie: string | undefined, method: string, url: string, payload?: unknown) {
  return t.app.inject({ method: method as 'GET', url, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) });
}

/** The message keys of a refused request's field issues. */
export const issueKeys = (res: { json(): { issues?: Array<{ key: string }> } }): string[] => (res.json().issues ?? []).map((i) => i.key);
