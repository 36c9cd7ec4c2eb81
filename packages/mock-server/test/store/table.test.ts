import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/store/journal.js';
import { ProjectTable, Table } from '../../src/store/table.js';

interface Row {
  id: string;
  group?: string;
  nested?: { value: number };
}

function table() {
  const journal = new Journal();
  return { journal, rows: new Table<Row>(journal, { group: (row) => row.group }) };
}

describe('Table', () => {
  it('freezes what it stores, deeply', () => {
    const { rows } = table();
    rows.set('a', { id: 'a', nested: { value: 1 } });
    const stored = rows.get('a') as Row;
    expect(() => {
      (stored.nested as { value: number }).value = 2;
    }).toThrow(TypeError);
  });

  it('keeps indexes in step with sets, replacements and deletes', () => {
    const { rows } = table();
    rows.set('a', { id: 'a', group: 'x' });
    rows.set('b', { id: 'b', group: 'x' });
    rows.set('c', { id: 'c', group: 'y' });
    expect(rows.findAll('group', 'x').map((r) => r.id)).toEqual(['a', 'b']);
    rows.set('a', { id: 'a', group: 'y' });
    expect(rows.findAll('group', 'x').map((r) => r.id)).toEqual(['b']);
    expect(rows.find('group', 'y')?.id).toBe('c');
    expect(rows.deleteAll('group', 'y')).toBe(2);
    expect([...rows.keys()]).toEqual(['b']);
    expect(() => rows.find('missing', 'x')).toThrow(/No index "missing"/);
  });

  it('counts the JSON size of what it holds', () => {
    const { journal, rows } = table();
    rows.set('a', { id: 'a' });
    expect(journal.bytes).toBe(JSON.stringify({ id: 'a' }).length);
    rows.set('a', { id: 'a', group: 'longer' });
    expect(journal.bytes).toBe(JSON.stringify({ id: 'a', group: 'longer' }).length);
    rows.delete('a');
    expect(journal.bytes).toBe(0);
  });

  it('undoes a transaction: values, order, indexes and size as they were', () => {
    const { journal, rows } = table();
    for (const id of ['a', 'b', 'c', 'd']) rows.set(id, { id, group: id < 'c' ? 'x' : 'y' });
    const bytes = journal.bytes;
    expect(() =>
      journal.atomically(() => {
        rows.delete('b');
        rows.set('a', { id: 'a', group: 'y' });
        rows.set('e', { id: 'e', group: 'x' });
        rows.delete('c');
        rows.set('c', { id: 'c', group: 'x' });
        rows.clear();
        throw new Error('undo all of it');
      }),
    ).toThrow('undo all of it');
    expect([...rows.entries()]).toEqual([
      ['a', { id: 'a', group: 'x' }],
      ['b', { id: 'b', group: 'x' }],
      ['c', { id: 'c', group: 'y' }],
      ['d', { id: 'd', group: 'y' }],
    ]);
    expect(rows.findAll('group', 'x').map((r) => r.id)).toEqual(['a', 'b']);
    expect(rows.findAll('group', 'y').map((r) => r.id)).toEqual(['c', 'd']);
    expect(journal.bytes).toBe(bytes);
  });

  it('keeps a committed transaction and refuses to nest one', () => {
    const { journal, rows } = table();
    journal.atomically(() => rows.set('a', { id: 'a' }));
    expect(rows.has('a')).toBe(true);
    journal.begin();
    expect(() => journal.begin()).toThrow(/already open/);
    journal.rollback();
    expect(journal.open).toBe(false);
  });
});

describe('ProjectTable', () => {
  it("gives each project a view of only its own rows, and drops a project's rows at once", () => {
    const journal = new Journal();
    const webhooks = new ProjectTable<Row>(journal);
    webhooks.in('proj_1').set('wh_1', { id: 'wh_1' });
    webhooks.in('proj_1').set('wh_2', { id: 'wh_2' });
    webhooks.in('proj_2').set('wh_1', { id: 'wh_1', group: 'other project' });
    expect([...webhooks.in('proj_1').values()].map((r) => r.id)).toEqual(['wh_1', 'wh_2']);
    expect(webhooks.in('proj_2').get('wh_1')?.group).toBe('other project');
    expect(webhooks.in('proj_3').size).toBe(0);
    expect(webhooks.deleteProject('proj_1')).toBe(2);
    expect([...webhooks.rows()]).toEqual([
      { projectId: 'proj_2', row: { id: 'wh_1', group: 'other project' } },
    ]);
  });
});
