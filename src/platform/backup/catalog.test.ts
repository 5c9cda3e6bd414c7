import { describe, expect, it } from 'vitest';
import { foreignKeyOrder, parentsFirst, type ForeignKey } from './catalog';

const fk = (table: string, refTable: string, columns = ['ref_id'], refColumns = ['id']): ForeignKey => ({ table, refTable, columns, refColumns });

describe('foreignKeyOrder', () => {
  it('puts referenced tables first and ignores self-references and unknown tables', () => {
    const order = foreignKeyOrder(['user_roles', 'users', 'units', 'roles', 'audit_log'], [
      fk('users', 'units'), fk('user_roles', 'users'), fk('user_roles', 'roles'), fk('units', 'units'), fk('users', 'not_backed_up'),
    ]);
    expect(order).toEqual(['audit_log', 'roles', 'units', 'users', 'user_roles']);
  });

  it('names the tables of a cycle', () => {
    expect(() => foreignKeyOrder(['a', 'b', 'c'], [fk('a', 'b'), fk('b', 'a')])).toThrow(/cycle between tables: a, b/);
  });
});

describe('parentsFirst', () => {
  // Primary-key order of random ids puts children before their parents; a later INSERT batch would then
  // reference a parent that is not there yet.
  const rows = [
    { id: 'c', parent_id: 'b', name: 'village' },
    { id: 'a', parent_id: null, name: 'county' },
    { id: 'd', parent_id: 'a', name: 'department' },
    { id: 'b', parent_id: 'a', name: 'township' },
  ];
  const self = [fk('units', 'units', ['parent_id'], ['id'])];

  it('orders every row after its parent and keeps all rows', () => {
    const out = parentsFirst(rows, self);
    expect(out).toHaveLength(rows.length);
    const at = new Map(out.map((r, i) => [r.id, i]));
    for (const r of out) if (r.parent_id) expect(at.get(r.parent_id)!).toBeLessThan(at.get(r.id)!);
  });

  it('leaves rows alone without a self-reference, and refuses a cycle', () => {
    expect(parentsFirst(rows, [])).toBe(rows);
    expect(() => parentsFirst([{ id: 'x', parent_id: 'y' }, { id: 'y', parent_id: 'x' }], self)).toThrow(/cycle/);
  });

  it('accepts a row that references itself', () => {
    expect(parentsFirst([{ id: 'x', parent_id: 'x' }], self)).toEqual([{ id: 'x', parent_id: 'x' }]);
  });
});
