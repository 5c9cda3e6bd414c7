import path from 'node:path';

/** Runtime configuration, read once from the environment. Every knob has a safe default for the embedded tier. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite engine runs in `dataDir`. */
  databaseUrl?: string;
  /** Connections per process to a PostgreSQL server (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  dataDir: string;
  /** Idle session timeout (等保 level 3 asks for one; 30 minutes unless configured). */
  sessionIdleMinutes: number;
  /** Set when served behind TLS so cookies get the Secure flag. */
  secureCookies: boolean;
  auditHash: 'sm3' | 'sha256';
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.LIANJIAN_DATA_DIR ?? 'data');
  return {
    port: intOr(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: intOr(env.DATABASE_POOL_SIZE, 10),
    dataDir,
    sessionIdleMinutes: intOr(env.LIANJIAN_SESSION_IDLE_MINUTES, 30),
    secureCookies: env.LIANJIAN_SECURE_COOKIES === '1' || env.LIANJIAN_SECURE_COOKIES === 'true',
    auditHash: env.LIANJIAN_AUDIT_HASH === 'sha256' ? 'sha256' : 'sm3',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

function intOr(v: string | undefined, fallback: number): number {
  const n = v ? Number.parseInt(v, 10) : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Uploaded files live beside the database, never under the web root. */
export function filesDir(config: Config): string {
  return path.join(config.dataDir, 'files');
}
