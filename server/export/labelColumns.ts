// The labels scope on the embedded engine: each node table and each relationship table's label
// pair read whole, as columns (elementColumns.ts), nodes first. Each element is met once, so
// nodes and edges go straight to the writer.

import type { GraphSchema, GraphStore } from '../store/types.ts';
import { cypherName } from './cypherLiterals.ts';
import {
  firstRowOf,
  ELEMENTS_PER_SLICE,
  ElementColumns,
  evenRanges,
  type ColumnReadContext,
} from './elementColumns.ts';
import { nodeSliceWriter, relationshipSliceWriter } from './sliceWriters.ts';
import type { Tracker } from './sources.ts';

type LabelInfo = GraphSchema['labels'][number];
type TypeInfo = GraphSchema['relationshipTypes'][number];

/** Node keys by label and offset: what relationships name their ends by, once the nodes are written. */
type KeysByOffset = Map<string, string[]>;

export async function exportLabelsByColumns(
  store: GraphStore,
  scope: { labels: LabelInfo[]; types: TypeInfo[]; wanted: Set<string> },
  tracker: Tracker,
  context: ColumnReadContext,
): Promise<void> {
  const firstRow = firstRowOf(store, context);
  const perStatement = context.elementsPerSlice ?? ELEMENTS_PER_SLICE;

  const keysByOffset: KeysByOffset = new Map();
  for (const label of scope.labels) {
    const name = cypherName(label.label);
    const keys: string[] = [];
    keysByOffset.set(label.label, keys);
    const element = new ElementColumns('n', `(n:${name})`, label.properties);
    const table = await element.plan(firstRow);
    if (!table) continue;
    await element.forEachSlice(
      firstRow,
      evenRanges(element.maxOffset, perStatement),
      context,
      nodeSliceWriter(tracker, { table, label: label.label }, keys),
    );
  }

  for (const type of scope.types) {
    for (const { from, to } of type.connections) {
      if (!scope.wanted.has(from) || !scope.wanted.has(to)) continue;
      const pattern = `(a:${cypherName(from)})-[r:${cypherName(type.type)}]->(b:${cypherName(to)})`;
      const element = new ElementColumns('r', pattern, type.properties);
      const table = await element.plan(firstRow);
      if (!table) continue;
      const sources = keysByOffset.get(from)!;
      const targets = keysByOffset.get(to)!;
      // Source nodes per slice from the average degree; a hub's relationships come in one slice.
      const perSlice = Math.max(1, Math.floor((perStatement * (element.maxOffset + 1)) / element.count));
      await element.forEachSlice(
        firstRow,
        evenRanges(element.maxOffset, perSlice),
        context,
        relationshipSliceWriter(tracker, { table, type: type.type, from, to }, { sources, targets }),
      );
    }
  }
}
