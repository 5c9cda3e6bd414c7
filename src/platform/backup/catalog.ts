import { sql, type Kysely } from 'kysely';

/**
 * What backup and restore learn from the live catalog instead of a hand-kept list, so a table added by a
 * future migration is backed up and restored in the right order without anyone remembering to say so.
 */
export interface ColumnInfo {
  name: string;
  /** format_type() text, used as an explicit cast on restore so every value goes through its type's input. */
  type: string;
  /** 'a' generated always as identity, 'd' by default, '' none. */
  identity: string;
}

export interface TableInfo { name: string; columns: ColumnInfo[]; primaryKey: string[] }

export interface ForeignKey { table: string; refTable: string; columns: string[]; refColumns: string[] }

/** Backup reads tables the application's types do not describe (a future migration's), so it works untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type UntypedDb = Kysely<any>;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Base tables of the public schema, except the migration ledger (migrations recreate it) and sessions:
 * a restored system starts with everyone signed out, so a backup file never carries live session keys.
 */
export async function listTables(db: UntypedDb): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('schema_migrations', 'sessions')
    order by table_name`.execute(db);
  // Generated columns are left out: they cannot be inserted and are recomputed from the others.
  const cols = await sql<{ table: string; name: string; type: string; identity: string }>`
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attidentity::text as identity
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  const pk = await sql<{ table: string; name: string }>`
    select c.relname as table, a.attname as name
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where i.indisprimary and n.nspname = 'public'
    order by c.relname, k.ord`.execute(db);
  return tables.rows.map(({ name }) => ({
    name,
    columns: cols.rows.filter((c) => c.table === name).map((c) => ({ name: c.name, type: c.type, identity: c.identity ?? '' })),
    primaryKey: pk.rows.filter((c) => c.table === name).map((c) => c.name),
  }));
}

export async function listForeignKeys(db: UntypedDb): Promise<ForeignKey[]> {
  const rows = await sql<{ conname: string; table: string; ref_table: string; col: string; ref_col: string }>`
    select con.conname, c.relname as table, r.relname as ref_table, a.attname as col, ra.attname as ref_col
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_class r on r.oid = con.confrelid
    cross join lateral unnest(con.conkey, con.confkey) with ordinality as k(attnum, ref_attnum, ord)
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
    join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = k.ref_attnum
    where con.contype = 'f' and n.nspname = 'public'
    order by c.relname, con.conname, k.ord`.execute(db);
  const byName = new Map<string, ForeignKey>();
  for (const r of rows.rows) {
    const key = `${r.table}.${r.conname}`;
    const fk = byName.get(key) ?? { table: r.table, refTable: r.ref_table, columns: [], refColumns: [] };
    fk.columns.push(r.col);
    fk.refColumns.push(r.ref_col);
    byName.set(key, fk);
  }
  return [...byName.values()];
}

/**
 * Tables ordered so every referenced table comes before the tables that reference it (Kahn's algorithm,
 * ties broken by name so the order is stable). Self-references are left to row ordering within the table.
 */
export function foreignKeyOrder(tables: string[], fks: ForeignKey[]): string[] {
  const known = new Set(tables);
  const deps = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const fk of fks) {
    if (fk.table !== fk.refTable && known.has(fk.table) && known.has(fk.refTable)) deps.get(fk.table)!.add(fk.refTable);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...deps.get(t)!].every((d) => done.has(d))).sort();
    if (ready.length === 0) {
      throw new Error(`Foreign keys form a cycle between tables: ${tables.filter((t) => !done.has(t)).join(', ')}`);
    }
    for (const t of ready) { order.push(t); done.add(t); }
  }
  return order;
}

type Row = Record<string, string | null>;

/** Rows of a self-referencing table, parents before children, so each INSERT batch finds its parents present. */
export function parentsFirst(rows: Row[], selfFks: ForeignKey[]): Row[] {
  if (selfFks.length === 0) return rows;
  const keyOf = (r: Row, cols: string[]) => (cols.some((c) => r[c] === null || r[c] === undefined) ? null : JSON.stringify(cols.map((c) => r[c])));
  const indexes = selfFks.map((fk) => new Map(rows.map((r, i) => [keyOf(r, fk.refColumns), i])));
  const parents = (i: number) => selfFks.flatMap((fk, f) => {
    const key = keyOf(rows[i], fk.columns);
    const j = key === null ? undefined : indexes[f].get(key);
    return j === undefined || j === i ? [] : [j];
  });
  const state = new Uint8Array(rows.length); // 0 new, 1 on the stack, 2 emitted
  const out: Row[] = [];
  for (let start = 0; start < rows.length; start++) {
    const stack = [start];
    while (stack.length > 0) {
      const i = stack[stack.length - 1];
      if (state[i] === 2) { stack.pop(); continue; }
      state[i] = 1;
      const waiting = parents(i).filter((j) => state[j] !== 2);
      if (waiting.some((j) => state[j] === 1)) throw new Error('Rows reference each other in a cycle; they cannot be inserted one by one');
      if (waiting.length > 0) { stack.push(...waiting); continue; }
      state[i] = 2;
      out.push(rows[i]);
      stack.pop();
    }
  }
  return out;
}

/** After rows arrive with their original ids, move identity and serial sequences past the highest id. */
export async function resetSequences(db: UntypedDb): Promise<void> {
  const seqs = await sql<{ seq: string; table: string; col: string }>`
    select s.relname as seq, c.relname as table, a.attname as col
    from pg_class s join pg_namespace n on n.oid = s.relnamespace
    join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
    join pg_class c on c.oid = d.refobjid join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
    where s.relkind = 'S' and n.nspname = 'public' and d.deptype in ('a', 'i')`.execute(db);
  for (const s of seqs.rows) {
    const seq = `public.${quoteIdent(s.seq)}`;
    await sql.raw(`select setval('${seq.replace(/'/g, "''")}'::regclass, coalesce((select max(${quoteIdent(s.col)}) from public.${quoteIdent(s.table)}), 0) + 1, false)`).execute(db);
  }
}
