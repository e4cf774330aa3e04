// The neighbourhood walked over ids and read as columns (neighbourhoodColumns.ts) against the walk
// over node and relationship objects: the same nodes, relationships, properties and directions,
// on the article graph, on data made to trip a column reader (columnProbes.ts), and on a table
// big enough that frontiers are read by ranges and by lists of offsets.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNeighbourhood, resolveStartNodes } from '../../server/export/sources.ts';
import { addColumnProbes, collector } from '../_helpers/columnProbes.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
  await addColumnProbes(lb.store);
  await lb.store.runScript([
    'CREATE NODE TABLE Ring(uid STRING, i INT64, PRIMARY KEY (uid))',
    'CREATE REL TABLE NEXT_TO(FROM Ring TO Ring, step INT64)',
    "UNWIND range(0, 2499) AS i CREATE (:Ring {uid: 'ring-' + string(i), i: i})",
    // Each ring node links to the next and to one far away, so frontiers grow and spread.
    ...['(i + 1) % 2500', '(i * 7 + 13) % 2500'].map(
      (far) => `UNWIND range(0, 2499) AS i
       MATCH (a:Ring {uid: 'ring-' + string(i)}), (b:Ring {uid: 'ring-' + string(${far})})
       CREATE (a)-[:NEXT_TO {step: b.i - a.i}]->(b)`,
    ),
  ]);
});
afterAll(() => lb.dispose());

async function walk(refs: string[], depth: number, readColumns: boolean, types?: string[]) {
  const out = collector();
  const start = await resolveStartNodes(lb.store, refs);
  await exportNeighbourhood(lb.store, start, { depth, types }, { writer: out.writer, readColumns });
  return out;
}

describe('the neighbourhood walked over ids', () => {
  it.each([
    ['Nordkorea, one hop', ['nordkorea'], 1, undefined],
    ['Nordkorea, three hops', ['nordkorea'], 3, undefined],
    ['Russland and Iran along SUPPLIES and SUPPORTS', ['russland', 'iran'], 4, ['SUPPLIES', 'SUPPORTS']],
    ['Lawrow, no hops', ['lawrow'], 0, undefined],
    ['the probes around a hub, through nodes without a uid', ['probe-0', 'probe-1'], 2, undefined],
    ['a ring node, far', ['ring-0'], 8, undefined],
    [
      'ring nodes spread over the table',
      ['ring-0', 'ring-600', 'ring-1200', 'ring-1800', 'ring-2499'],
      2,
      undefined,
    ],
  ])('%s: the same as the walk over objects', async (_name, refs, depth, types) => {
    const columns = await walk(refs, depth, true, types);
    const objects = await walk(refs, depth, false, types);
    expect(columns.nodes.length).toBeGreaterThanOrEqual(refs.length);
    expect(columns.sorted()).toEqual(objects.sorted());
  });

  it('follows relationships both ways and keeps their direction', async () => {
    const { edges, nodes } = await walk(['russland'], 1, true);
    const [[outgoing, incoming]] = (
      await lb.store.query(
        "MATCH (a {uid: 'russland'}) RETURN COUNT { MATCH (a)-[]->() }, COUNT { MATCH (a)<-[]-() }",
      )
    ).rows;
    expect(edges.filter((e) => e.source === 'russland')).toHaveLength(Number(outgoing));
    expect(edges.filter((e) => e.target === 'russland')).toHaveLength(Number(incoming));
    // Every relationship's ends are written as nodes.
    const keys = new Set(nodes.map((n) => n.key));
    expect(edges.every((e) => keys.has(e.source) && keys.has(e.target))).toBe(true);
  });

  it('reaches the whole ring, each node and relationship once', async () => {
    const { nodes, edges } = await walk(['ring-17'], 10, true);
    expect(new Set(nodes.map((n) => n.key)).size).toBe(nodes.length);
    expect(new Set(edges.map((e) => e.key)).size).toBe(edges.length);
    expect(nodes.length).toBeGreaterThan(100);
  });
});
