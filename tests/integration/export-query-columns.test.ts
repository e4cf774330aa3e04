// The query scope read from the engine's columns (queryColumns.ts) against the same query read row
// by row, on data made to trip a column reader (columnProbes.ts) and on the article graph: the
// same nodes, relationships and properties, and each relationship's ends, whatever the shape of
// the query's final RETURN. And the cases where the column way must step aside.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openQueryColumns, type QueryColumnsOptions } from '../../server/export/queryColumns.ts';
import { addColumnProbes, addRing, exportViaQuery, expectBothDirections } from '../_helpers/columnProbes.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
  await addColumnProbes(lb.store);
  await addRing(lb.store);
  await lb.store.runScript([
    'CREATE NODE TABLE Many(uid STRING, i INT64, PRIMARY KEY (uid))',
    "UNWIND range(0, 4999) AS i CREATE (:Many {uid: 'many-' + string(i), i: i})",
  ]);
});
afterAll(() => lb.dispose());

const byColumns = { columnsFromRows: 0, elementsPerSlice: 3, readPerWanted: Infinity };
const byRows = { columnsFromRows: Infinity };

/** The plan the column way makes for a query, or undefined where it steps aside. */
async function planOf(cypher: string, options: QueryColumnsOptions = byColumns) {
  const source = await openQueryColumns(lb.store, { cypher, params: {} }, options);
  await source?.cursor?.close();
  return source?.plan;
}

describe('the query scope read as columns', () => {
  it.each([
    ['a path of the probes', 'MATCH (a:Probe)-[r:TOUCHES]->(b) RETURN a, r, b'],
    ['relationships alone, undirected (the ends come with them)', 'MATCH (a:Probe)-[r:TOUCHES]-(b) RETURN r'],
    ['a scalar beside the node', 'MATCH (n:Probe) WHERE n.score > 3 RETURN n.name, n'],
    ['ORDER BY', 'MATCH (n:Probe) RETURN n ORDER BY n.uid DESC'],
    [
      'OPTIONAL MATCH with nulls, DISTINCT',
      'MATCH (n) OPTIONAL MATCH (n)-[r:TOUCHES]->() RETURN DISTINCT n, r',
    ],
    ['aliases, nodes without a uid', 'MATCH (a:Probe)-[r]->(b:Nameless) RETURN a AS source, r AS link'],
    [
      'relationships of paths',
      'MATCH p = (a:Probe)-[:TOUCHES*1..2]-(b) UNWIND rels(p) AS r RETURN DISTINCT r',
    ],
    [
      "a ring node's relationships, some from far along the table",
      "MATCH (a:Ring {uid: 'ring-0'})-[r]-(b) RETURN r",
    ],
    [
      'a node that an expression may make null',
      'MATCH (n:Probe) RETURN CASE WHEN n.score > 3 THEN n ELSE NULL END AS m',
    ],
    ['the whole article graph', 'MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN n, r, m'],
    [
      'two relationship columns, one statement each, their middle node not returned',
      'MATCH (a:Ring)-[r]->(b)-[s]->(c) WHERE a.i < 100 AND s.step > 0 RETURN a, r, s, c',
    ],
    ['the article: who supplies whom', 'MATCH (a)-[r:SUPPLIES]->(b) RETURN a.name AS supplier, r, b'],
  ])('%s: the same as row by row', async (_name, cypher) => {
    expect(await planOf(cypher)).toBeDefined();
    const columns = await exportViaQuery(lb.store, cypher, byColumns);
    const rows = await exportViaQuery(lb.store, cypher, byRows);
    expect(columns.nodes.length).toBeGreaterThan(0);
    expect(columns.sorted()).toEqual(rows.sorted());
  });

  it('keeps the direction of relationships found by an undirected pattern', async () => {
    const { edges } = await exportViaQuery(
      lb.store,
      "MATCH (a {uid: 'russland'})-[r]-(b) RETURN r",
      byColumns,
    );
    await expectBothDirections(lb.store, edges, 'russland');
  });

  it('reads a small result row by row from its capped run, in the order the query gives', async () => {
    const cypher = 'MATCH (n:Country) RETURN n ORDER BY n.name DESC';
    const source = await openQueryColumns(lb.store, { cypher, params: {} }, {});
    expect(source?.cursor).toBeDefined();
    await source?.cursor?.close();
    const { nodes } = await exportViaQuery(lb.store, cypher);
    const names = (await lb.store.query(cypher, {}, { readOnly: true })).rows.map(
      ([n]) => (n as { properties: { uid: string } }).properties.uid,
    );
    expect(nodes.map((n) => n.key)).toEqual(names);
    expect(names.length).toBeGreaterThan(3);
  });

  it('keeps the rows an ordered WITH with LIMIT picked', async () => {
    const { nodes } = await exportViaQuery(
      lb.store,
      'MATCH (n:Ring) WITH n ORDER BY n.i DESC LIMIT 3 RETURN n',
      byColumns,
    );
    expect(nodes.map((n) => n.key).sort()).toEqual(['ring-2497', 'ring-2498', 'ring-2499']);
  });

  it('takes the query parameters', async () => {
    const params = { uids: ['probe-1', 'probe-2', 'nordkorea'] };
    const cypher = 'MATCH (n) WHERE n.uid IN $uids RETURN n';
    const columns = await exportViaQuery(lb.store, cypher, byColumns, params);
    expect(columns.nodes.map((n) => n.key).sort()).toEqual(['nordkorea', 'probe-1', 'probe-2']);
  });

  it.each([
    ['a path', 'MATCH p = (a:Probe)-[:TOUCHES]->(b) RETURN p'],
    ['a list of nodes', 'MATCH (n:Probe) RETURN collect(n)'],
    ['a map holding a node', 'MATCH (n:Probe) RETURN {node: n}'],
    ['scalars only', 'MATCH (n:Probe) RETURN n.name'],
    ['UNION', 'MATCH (n:Probe) WHERE n.score > 3 RETURN n UNION MATCH (n:Probe) WHERE n.score < 2 RETURN n'],
    ['RETURN *', 'MATCH (n:Probe) RETURN *'],
    // The engine would drop the ORDER BY before the LIMIT in the rewritten statement.
    ['ORDER BY with LIMIT', 'MATCH (n:Probe) RETURN n ORDER BY n.uid DESC LIMIT 5'],
    ['SKIP', 'MATCH (n:Probe) RETURN n SKIP 30'],
    // Also an earlier WITH: its ORDER BY would be dropped before the collect() of the ids.
    [
      'an ordered WITH with LIMIT before the RETURN',
      'MATCH (n:Ring) WITH n ORDER BY n.i DESC LIMIT 3 RETURN n',
    ],
  ])('steps aside for %s, and the export is still whole', async (_name, cypher) => {
    expect(await planOf(cypher)).toBeUndefined();
    const columns = await exportViaQuery(lb.store, cypher, byColumns);
    expect(columns.sorted()).toEqual((await exportViaQuery(lb.store, cypher, byRows)).sorted());
  });

  it('steps aside when the wanted nodes lie thinly spread over a big table', async () => {
    const bigSlices = { columnsFromRows: 0 };
    expect(await planOf('MATCH (n:Many) WHERE n.i % 1000 = 7 RETURN n', bigSlices)).toBeUndefined();
    // Most of the table, or one part of it, is read as columns.
    expect(await planOf('MATCH (n:Many) WHERE n.i % 3 <> 0 RETURN n', bigSlices)).toBeDefined();
    expect(await planOf('MATCH (n:Many) WHERE n.i >= 2100 AND n.i < 2400 RETURN n', bigSlices)).toBeDefined();
    const cypher = 'MATCH (n:Many) WHERE n.i % 1000 = 7 RETURN n';
    const { nodes } = await exportViaQuery(lb.store, cypher, byColumns);
    expect(nodes.map((n) => Number(n.properties.i)).sort((a, b) => a - b)).toEqual([
      7, 1007, 2007, 3007, 4007,
    ]);
  });

  it('steps aside for a RETURN the engine does not take as a WITH', async () => {
    // A RETURN may name a column twice, a WITH may not: the rewritten statement fails, the rows are read.
    const cypher = 'MATCH (n:Probe) RETURN n, n';
    expect(await planOf(cypher)).toBeUndefined();
    const columns = await exportViaQuery(lb.store, cypher, byColumns);
    expect(columns.sorted()).toEqual((await exportViaQuery(lb.store, cypher, byRows)).sorted());
    expect(columns.nodes.length).toBeGreaterThan(3);
  });
});
