import { CompiledQuery } from 'kysely';
import type pg from 'pg';

/**
 * Server-side prepared statements for the few hot, fixed-shape statements (the public intake's one statement).
 * On PostgreSQL a statement sent as text is parsed, analysed and planned on every call; for the intake's
 * statement of four inserts that was the largest share of the server's work per submission. A text passed
 * through `preparedQuery` is sent under a name instead, so each pooled connection parses it once and then only
 * binds values. Plain text is still what runs on PGlite and in every other query.
 *
 * The registry is bounded: only a handful of shapes exist (with or without attachments and audit entry), and a
 * caller passing ever-changing text would otherwise grow every connection's statement cache without end.
 */
const MAX_STATEMENTS = 64;
const names = new Map<string, string>();

export function preparedQuery<R>(text: string, parameters: readonly unknown[]): CompiledQuery<R> {
  if (!names.has(text) && names.size < MAX_STATEMENTS) names.set(text, `lianjian_${names.size + 1}`);
  return CompiledQuery.raw(text, [...parameters]) as CompiledQuery<R>;
}

/** The statement's name when its text was registered through `preparedQuery`. */
export function preparedName(text: string): string | undefined {
  return names.get(text);
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Make a pooled client send registered texts as named statements (node-postgres prepares a name once per
 * connection and re-uses it). Kysely's PostgreSQL driver calls `client.query(text, values)`; other call forms
 * pass through unchanged.
 */
export function usePreparedStatements(client: pg.PoolClient): void {
  const original = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length === 2 ? preparedName(text) : undefined;
    return name ? original({ name, text, values }) : original(...args);
  };
}
