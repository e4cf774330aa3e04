// The neighbourhood scope on the embedded engine, found by the engine's own breadth-first search
// instead of a walk over node and relationship objects: one statement per start label,
// `(a)-[* SHORTEST 1..depth]-(b)`, gives every node within reach and its distance, joined into
// texts in the engine (0.3 s for 243,000 nodes at depth 10, 0.6 s for 447,000 at depth 2 on the
// 1M graph). The neighbourhood's relationships are those with an end nearer than the outermost
// depth; columnRead.ts reads the nodes and those relationships from their tables' columns.
// Walking over objects, one statement per 5,000 frontier nodes, took 40 s for 243,000 nodes, and a
// walk over ids per depth 4.5-5.5 s (docs/export.md, "Neighbourhoods").

import { parseId } from '../store/ladybug/values.ts';
import type { GraphNode, GraphSchema, GraphStore } from '../store/types.ts';
import { planColumnRead, WantedElements, type ColumnRead } from './columnRead.ts';
import { cypherName } from './cypherLiterals.ts';
import { ElementColumns, firstRowOf, type ColumnReadContext, type ReadOne } from './elementColumns.ts';
import { IdReader } from './idText.ts';
import { OffsetSets } from './offsetSet.ts';

const joined = (expression: string) => `list_to_string(',', collect(${expression}))`;

/**
 * Finds the neighbourhood of `start` to `depth` hops, then plans the column read of its nodes and
 * relationships; undefined when that read would cost more than reading objects (see planColumnRead).
 */
export async function planNeighbourhoodColumns(
  store: GraphStore,
  start: GraphNode[],
  scope: { depth: number; types?: string[] },
  context: ColumnReadContext,
): Promise<ColumnRead | undefined> {
  const firstRow = firstRowOf(store, context);
  const labels = await labelsByTable(await store.schema(), firstRow);
  const types = scope.types?.length ? `:${scope.types.map(cypherName).join('|')}` : '';

  const wanted = new WantedElements();
  /** Nodes nearer than the outermost depth: every relationship they have is in the neighbourhood. */
  const inner = new OffsetSets();
  const starts = new OffsetSets();
  for (const node of start) {
    const id = parseId(node.id);
    if (!id) return undefined;
    starts.of(id.table).add(id.offset);
    wanted.nodes.of(id.table).add(id.offset);
    if (scope.depth > 0) inner.of(id.table).add(id.offset);
  }
  if (scope.depth > 0)
    for (const [table, offsets] of starts) {
      const label = labels.get(table);
      if (label === undefined) return undefined;
      context.signal?.throwIfAborted();
      const [reached, distances] = await firstRow(
        `MATCH p = (a:${cypherName(label)})-[${types}* SHORTEST 1..${scope.depth}]-(b) WHERE offset(id(a)) IN $offsets ` +
          `WITH b, min(length(p)) AS d RETURN ${joined('id(b)')}, ${joined('d')}`,
        { offsets: offsets.toArray() },
      );
      const [b, d] = [new IdReader(reached), new IdReader(distances)];
      for (;;) {
        const more = b.next();
        if (d.next() !== more) return undefined;
        if (!more) break;
        wanted.nodes.of(b.table).add(b.offset);
        if (d.offset < scope.depth) inner.of(b.table).add(b.offset);
      }
      if (b.broken || d.broken) return undefined;
    }
  wanted.touching = { nodes: inner, types: scope.types };
  return planColumnRead(store, wanted, context);
}

/** Each node table's label by the engine's table number. */
async function labelsByTable(schema: GraphSchema, firstRow: ReadOne): Promise<Map<number, string>> {
  const labels = new Map<number, string>();
  for (const { label } of schema.labels) {
    const table = await new ElementColumns('n', `(n:${cypherName(label)})`, []).tableId(firstRow);
    if (table !== undefined) labels.set(table, label);
  }
  return labels;
}
