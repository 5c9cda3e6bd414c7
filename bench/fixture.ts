import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createDemoCounty } from '../src/modules/org/demo/createDemoCounty';
import { loadConfig } from '../src/platform/config';
import { closeContext, createContext, type AppContext } from '../src/platform/context';
import { buildApp } from '../src/platform/http/app';
import { createTestDatabaseUrl } from '../test/helpers';
import { padOfficials } from './padOfficials';

/**
 * One engine's world for the API benchmarks: the demo county padded to 10,000 officials, the real app
 * (routing, cookies, validation, serialisation) listening on a loopback port, and the audit linker
 * running as `serve` runs it, so requests share the CPU with it exactly as in production.
 */
export type EngineName = 'pglite' | 'postgresql';

export interface Fixture {
  engine: EngineName;
  base: string;
  ctx: AppContext;
  app: FastifyInstance;
  officials: number;
  setupMs: number;
  close(): Promise<void>;
}

/** The county size the target names. */
export const OFFICIALS = 10_000;

export const DEFAULT_PG_URL = 'postgres://root@127.0.0.1:5432/test';

/** Null when reachable, otherwise why not (printed, and the PostgreSQL part is skipped). */
export async function postgresUnreachable(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await c.end().catch(() => undefined);
  }
}

export async function openFixture(engine: EngineName, pgUrl?: string): Promise<Fixture> {
  const t0 = performance.now();
  let url: string | undefined;
  let drop = async () => undefined as void;
  if (engine === 'postgresql') {
    // createTestDatabaseUrl reads DATABASE_URL; set it only for this call so nothing else sees it.
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = pgUrl;
    try {
      ({ url, drop } = await createTestDatabaseUrl());
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL; else process.env.DATABASE_URL = saved;
    }
  }
  const config = { ...loadConfig({}), databaseUrl: url, dataDir: 'memory://', sessionIdleMinutes: 30 };
  let ctx: AppContext | undefined;
  try {
    ctx = await createContext(config);
    await createDemoCounty(ctx.db, '530125');
    await padOfficials(ctx.db, '530125', OFFICIALS);
    const counted = await ctx.db.selectFrom('officials').select((eb) => eb.fn.countAll<number>().as('n')).where('active', '=', true).executeTakeFirstOrThrow();
    const app = await buildApp(ctx);
    ctx.audit.start();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const c = ctx;
    return {
      engine, base: `http://127.0.0.1:${port}`, ctx, app, officials: Number(counted.n), setupMs: performance.now() - t0,
      async close() { await app.close(); await closeContext(c); await drop(); },
    };
  } catch (err) {
    if (ctx) await closeContext(ctx).catch(() => undefined);
    await drop().catch(() => undefined);
    throw err;
  }
}
