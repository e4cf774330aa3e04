// Big results of nodes and relationships read as flat columns (flatElements.ts) against the same
// query read as the binding's objects: the same rows, elements, properties, nulls, exact
// integers and relationship ends, whatever the shape of the final RETURN; and the shapes that
// must keep the objects' way.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.ts';
import type { Value } from '../../server/store/types.ts';
import { addColumnProbes, addRing } from '../_helpers/columnProbes.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
let store: LadybugStore;
beforeAll(async () => {
  lb = await startLagebild();
  store = lb.store as LadybugStore;
  await addColumnProbes(store);
  await addRing(store);
});
afterAll(() => lb.dispose());

/** The query's rows read as objects, then as flat columns, and whether the flat way was taken. */
async function bothWays(cypher: string, params: Record<string, Value> = {}) {
  store.flatElementsFromRows = Infinity;
  const byObjects = await store.query(cypher, params);
  const readFlat = vi.spyOn(store as unknown as { readFlat: () => Promise<unknown> }, 'readFlat');
  store.flatElementsFromRows = 0;
  try {
    const byColumns = await store.query(cypher, params);
    // The first call is the query's own (exact integers read afterwards make more).
    const flat = (await readFlat.mock.results[0]?.value) as { toRow?: unknown } | undefined;
    return { byObjects, byColumns, flatTaken: flat?.toRow !== undefined };
  } finally {
    readFlat.mockRestore();
  }
}

const sorted = (rows: Value[][]) =>
  rows.map((row) => JSON.stringify(row, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))).sort();

describe('big results read as flat columns', () => {
  it.each([
    ['every node of the article and the probes, from many tables', 'MATCH (n) RETURN n'],
    ['paths as their three columns', 'MATCH (a)-[r]->(b) RETURN a, r, b'],
    ['undirected relationships (the ends stay each one its own)', 'MATCH (a:Probe)-[r:TOUCHES]-(b) RETURN r'],
    ['a scalar beside the node', 'MATCH (n:Probe) WHERE n.score > 3 RETURN n.name, n'],
    [
      'nulls from OPTIONAL MATCH, DISTINCT',
      'MATCH (n) OPTIONAL MATCH (n)-[r:TOUCHES]->() RETURN DISTINCT n, r',
    ],
    [
      'a null relationship made by an expression',
      'MATCH (a:Probe)-[r]->() RETURN CASE WHEN r.weight = 7 THEN r ELSE NULL END AS s, a',
    ],
    ['grouped by the node', 'MATCH (n:Probe)-[r]-() RETURN n, count(r) AS degree'],
    ['integers beyond 2^53, dates, lists', 'MATCH (n:Probe) RETURN n, n.big AS big'],
    [
      'an element the WITH before made',
      'MATCH (a:Ring)-[r]->(b) WITH b AS far, r WHERE r.step > 0 RETURN far, r',
    ],
    ['parameters', 'MATCH (n:Ring) WHERE n.i < $max RETURN n', { max: 1200 }],
    ['nodes of two tables', 'MATCH (n:Probe:Ring) RETURN n'],
  ] as [string, string, Record<string, Value>?][])('%s: %s', async (_name, cypher, params = {}) => {
    const { byObjects, byColumns, flatTaken } = await bothWays(cypher, params);
    expect(flatTaken).toBe(true);
    expect(byColumns.columns).toEqual(byObjects.columns);
    expect(byColumns.rows.length).toBeGreaterThan(0);
    expect(sorted(byColumns.rows)).toEqual(sorted(byObjects.rows));
  });

  it.each([
    ['ORDER BY', 'MATCH (n:Probe) RETURN n ORDER BY n.uid DESC'],
    [
      'ORDER BY an alias, SKIP and LIMIT',
      'MATCH (n:Ring) RETURN n AS ring ORDER BY ring.i DESC SKIP 5 LIMIT 2000',
    ],
    ['ORDER BY what the RETURN leaves out', 'MATCH (a:Ring)-[r]->(b) RETURN r ORDER BY a.i, b.i'],
  ])('keeps the order: %s', async (_name, cypher) => {
    const { byObjects, byColumns, flatTaken } = await bothWays(cypher);
    expect(flatTaken).toBe(true);
    expect(byColumns.rows).toEqual(byObjects.rows);
  });

  it('gives a null that an expression made as null, whichever way it is read', async () => {
    // The probe cannot name the tables of such a node, so it may well be read as objects.
    const { byObjects, byColumns } = await bothWays(
      'MATCH (n:Probe) RETURN CASE WHEN n.score > 3 THEN n ELSE NULL END AS m',
    );
    expect(byColumns.rows.filter(([m]) => m === null).length).toBeGreaterThan(0);
    expect(sorted(byColumns.rows)).toEqual(sorted(byObjects.rows));
  });

  it('puts together the same node as the binding does, property by property', async () => {
    const { byColumns } = await bothWays("MATCH (n:Probe {uid: 'probe-14'}) RETURN n");
    const [[node]] = byColumns.rows as [
      [{ id: string; labels: string[]; properties: Record<string, Value> }],
    ];
    expect(node.labels).toEqual(['Probe']);
    expect(node.id).toMatch(/^\d+:\d+$/);
    // probe-14: no name (14 % 3 = 2 has one), born (14 % 4 = 2: none), tags ['a', 'b'] (14 % 5 = 4: none)...
    expect(node.properties).toEqual({
      uid: 'probe-14',
      name: 'Sonde 14 <&>',
      score: 7,
      big: 9007199254741007n,
    });
  });

  it.each([
    ['paths', 'MATCH p = (a:Probe)-[:TOUCHES]->(b) RETURN p'],
    ['lists of nodes', 'MATCH (a:Probe)-[:TOUCHES]->(b) RETURN a, collect(b) AS bs'],
    ['scalars alone', 'MATCH (n:Probe) RETURN n.uid, n.born'],
    ['RETURN *', 'MATCH (n:Probe) RETURN *'],
    ['UNION', 'MATCH (n:Probe) RETURN n UNION MATCH (n:Probe)-[]->() RETURN n'],
  ])('reads %s as they are', async (_name, cypher) => {
    const { byObjects, byColumns, flatTaken } = await bothWays(cypher);
    expect(flatTaken).toBe(false);
    expect(sorted(byColumns.rows)).toEqual(sorted(byObjects.rows));
  });

  it('leaves reads inside a transaction to the objects: a refused flat statement would end the transaction', async () => {
    store.flatElementsFromRows = 0;
    const readFlat = vi.spyOn(store as unknown as { readFlat: () => Promise<unknown> }, 'readFlat');
    const transaction = await store.beginTransaction();
    try {
      await (await transaction.run("CREATE (:Ring {uid: 'ring-in-tx', i: -1})")).close();
      const rows = async (cypher: string) => {
        const cursor = await transaction.run(cypher);
        const out = await cursor.next(100_000);
        await cursor.close();
        return out;
      };
      const ring = await rows('MATCH (n:Ring) RETURN n');
      expect(ring.some(([n]) => (n as { properties: { uid: string } }).properties.uid === 'ring-in-tx')).toBe(
        true,
      );
      // Read flat, this one would have its flat statements refused (the probe cannot name the tables).
      const made = await rows('MATCH (n:Probe) RETURN CASE WHEN n.score > 3 THEN n ELSE NULL END AS m');
      expect(made.length).toBeGreaterThan(0);
      await (await transaction.run("CREATE (:Ring {uid: 'ring-in-tx-2', i: -2})")).close();
      await transaction.commit();
      expect(readFlat).not.toHaveBeenCalled();
    } catch (error) {
      await transaction.rollback().catch(() => undefined);
      throw error;
    } finally {
      readFlat.mockRestore();
    }
    const { rows } = await store.query(
      "MATCH (n:Ring) WHERE n.uid STARTS WITH 'ring-in-tx' RETURN n.uid ORDER BY n.uid",
    );
    expect(rows).toEqual([['ring-in-tx'], ['ring-in-tx-2']]);
    await store.runScript(["MATCH (n:Ring) WHERE n.uid STARTS WITH 'ring-in-tx' DELETE n"]);
  });

  it('leaves small results to the objects', async () => {
    store.flatElementsFromRows = 5000;
    const readFlat = vi.spyOn(store as unknown as { readFlat: () => Promise<unknown> }, 'readFlat');
    try {
      await store.query('MATCH (n:Probe) RETURN n');
      expect(await readFlat.mock.results[0]?.value).toBeUndefined();
      const big = await store.query('MATCH (a:Ring)-[r]->(b) RETURN a, r, b');
      expect(big.rows).toHaveLength(5000);
      expect(await readFlat.mock.results.at(-1)?.value).toHaveProperty('toRow');
    } finally {
      readFlat.mockRestore();
    }
  });
});
