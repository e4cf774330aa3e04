// The embedded engine's column reader for the labels scope (labelColumns.ts) against the row reader
// of a query export, on data made to trip it (columnProbes.ts), read in slices of a few elements
// so that every table is read in many statements.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLabels } from '../../server/export/labelScope.ts';
import { addColumnProbes, collector, exportViaQuery } from '../_helpers/columnProbes.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
  await addColumnProbes(lb.store);
});
afterAll(() => lb.dispose());

/** The row reader: a query export that never takes the column way. */
const viaQuery = (cypher: string) => exportViaQuery(lb.store, cypher, { columnsFromRows: Infinity });

describe('the column reader of the labels scope', () => {
  it('gives exactly what a query export gives, read three elements per statement', async () => {
    const columns = collector();
    await exportLabels(
      lb.store,
      { labels: ['Probe', 'Nameless'] },
      { writer: columns.writer, elementsPerSlice: 3 },
    );
    const rows = await viaQuery(
      "MATCH (n) WHERE label(n) IN ['Probe', 'Nameless'] OPTIONAL MATCH (n)-[r:TOUCHES]->() RETURN n, r",
    );
    expect(columns.nodes).toHaveLength(37 + 10);
    expect(columns.edges.length).toBeGreaterThan(20);
    expect(columns.sorted()).toEqual(rows.sorted());
    // Spot checks on what collect() would have shifted: a null name, a date, an empty list.
    const probe = (uid: string) => columns.nodes.find((n) => n.key === uid)!;
    expect(probe('probe-3').properties).not.toHaveProperty('name');
    expect(probe('probe-1').properties).toMatchObject({
      name: 'Sonde 1 <&>',
      born: { $type: 'date', value: '2024-11-18' },
    });
    expect(probe('probe-3').properties.tags).toEqual([]);
    // Beyond 2^53 the binding rounds integers, in lists too: they must come out exact.
    expect(probe('probe-7').properties.big).toBe(9007199254741000n);
    expect(probe('probe-8').properties.big).toBe(8);
    expect(
      columns.nodes.filter((n) => n.labels[0] === 'Nameless').every((n) => /^\d+:\d+$/.test(n.key)),
    ).toBe(true);
  });

  it('reads the same with one statement per table as with many', async () => {
    const many = collector();
    const one = collector();
    await exportLabels(lb.store, {}, { writer: many.writer, elementsPerSlice: 2 });
    await exportLabels(lb.store, {}, { writer: one.writer });
    expect(many.sorted()).toEqual(one.sorted());
    expect(one.nodes.length).toBeGreaterThan(47);
  });

  it('keeps strings that hold the separator the engine joins them with, empty strings and big integers', async () => {
    await lb.store.runScript([
      'CREATE NODE TABLE Quirk(uid STRING, text STRING, n INT64, PRIMARY KEY (uid))',
    ]);
    const texts = ['a\u001fb', '', '\u001f', null, 'plain', '\u001f\u001f', '', 'x,y', null, 'Zeile\nzwei'];
    const numbers = [-1, 0, 2 ** 53 + 2, null, -(2 ** 53) - 2, 42, null, 7, 8, 9];
    for (let i = 0; i < texts.length; i++)
      await lb.store.query('CREATE (:Quirk {uid: $uid, text: $text, n: $n})', {
        uid: `quirk-${i}`,
        text: texts[i]!,
        n: numbers[i] === null ? null : BigInt(numbers[i]!),
      });
    const rows = await viaQuery('MATCH (n:Quirk) RETURN n');
    for (const elementsPerSlice of [1, 3, 100]) {
      const columns = collector();
      await exportLabels(lb.store, { labels: ['Quirk'] }, { writer: columns.writer, elementsPerSlice });
      expect(columns.sorted()).toEqual(rows.sorted());
    }
    const byKey = new Map(rows.nodes.map((n) => [n.key, n.properties]));
    expect(byKey.get('quirk-0')!.text).toBe('a\u001fb');
    expect(byKey.get('quirk-1')!.text).toBe('');
    expect(byKey.get('quirk-3')).not.toHaveProperty('text');
    expect(byKey.get('quirk-2')!.n).toBe(BigInt(2 ** 53 + 2));
  });
});
