// The neighbourhood walked over ids and read as columns (neighbourhoodColumns.ts) against the walk
// over node and relationship objects: the same nodes, relationships, properties and directions,
// on the article graph, on data made to trip a column reader (columnProbes.ts), and on a table
// big enough that frontiers are read by ranges and by lists of offsets.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planNeighbourhoodColumns } from '../../server/export/neighbourhoodColumns.ts';
import { exportNeighbourhood, resolveStartNodes } from '../../server/export/sources.ts';
import { addColumnProbes, addRing, collector, expectBothDirections } from '../_helpers/columnProbes.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';

let lb: RunningLagebild;
beforeAll(async () => {
  lb = await startLagebild();
  await addColumnProbes(lb.store);
  await addRing(lb.store);
});
afterAll(() => lb.dispose());

async function walk(refs: string[], depth: number, readColumns: boolean, types?: string[]) {
  const out = collector();
  const start = await resolveStartNodes(lb.store, refs);
  // Three elements per statement, so that tables are read in many narrow ranges, and never thin.
  const columns = { elementsPerSlice: 3, readPerWanted: Infinity };
  // The column way must be the one taken, or the comparison would be of the object walk with itself.
  if (readColumns)
    expect(await planNeighbourhoodColumns(lb.store, start, { depth, types }, columns)).toBeDefined();
  await exportNeighbourhood(
    lb.store,
    start,
    { depth, types },
    { writer: out.writer, readColumns, ...columns },
  );
  return out;
}

describe('the neighbourhood walked over ids', () => {
  it.each([
    ['Nordkorea, one hop', ['nordkorea'], 1, undefined, true],
    ['Nordkorea, three hops', ['nordkorea'], 3, undefined, true],
    [
      'Russland and Iran along SUPPLIES and SUPPORTS',
      ['russland', 'iran'],
      4,
      ['SUPPLIES', 'SUPPORTS'],
      true,
    ],
    ['Lawrow, no hops', ['lawrow'], 0, undefined, true],
    ['the probes around a hub, through nodes without a uid', ['probe-0', 'probe-1'], 2, undefined, true],
    [
      'a ring node, one hop (some relationships come from far along the ring)',
      ['ring-0'],
      1,
      undefined,
      false,
    ],
    ['a ring node, far', ['ring-0'], 8, undefined, true],
    // Thin: a few dozen elements spread over the ring's table; read as objects.
    [
      'ring nodes spread over the table',
      ['ring-0', 'ring-600', 'ring-1200', 'ring-1800', 'ring-2499'],
      2,
      undefined,
      false,
    ],
  ])('%s: the same as the walk over objects', async (_name, refs, depth, types, planned) => {
    const start = await resolveStartNodes(lb.store, refs);
    // As the export plans it, with slices of the default size.
    const plan = await planNeighbourhoodColumns(lb.store, start, { depth, types }, {});
    expect(plan !== undefined).toBe(planned);
    const columns = await walk(refs, depth, true, types);
    const objects = await walk(refs, depth, false, types);
    expect(columns.nodes.length).toBeGreaterThanOrEqual(refs.length);
    expect(columns.sorted()).toEqual(objects.sorted());
  });

  it('follows relationships both ways and keeps their direction', async () => {
    const { edges, nodes } = await walk(['russland'], 1, true);
    await expectBothDirections(lb.store, edges, 'russland');
    // Every relationship's ends are written as nodes.
    const keys = new Set(nodes.map((n) => n.key));
    expect(edges.every((e) => keys.has(e.source) && keys.has(e.target))).toBe(true);
  });

  it('reaches as far along the ring as the object walk, each node and relationship once', async () => {
    const { nodes, edges } = await walk(['ring-17'], 10, true);
    const objects = await walk(['ring-17'], 10, false);
    expect(new Set(nodes.map((n) => n.key)).size).toBe(nodes.length);
    expect(new Set(edges.map((e) => e.key)).size).toBe(edges.length);
    expect(nodes).toHaveLength(objects.nodes.length);
    expect(edges).toHaveLength(objects.edges.length);
    expect(nodes.length).toBeGreaterThan(100);
  });
});
