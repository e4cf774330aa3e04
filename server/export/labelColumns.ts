// The labels scope on the embedded engine: each node table and each relationship table's label
// pair read whole, as columns (elementColumns.ts), nodes first. Each element is met once, so
// nodes and edges go straight to the writer.

import type { GraphSchema, GraphStore } from '../store/types.ts';
import { cypherName } from './cypherLiterals.ts';
import {
  ELEMENTS_PER_SLICE,
  ElementColumns,
  evenRanges,
  type ColumnReadContext,
  type ReadOne,
} from './elementColumns.ts';
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
  const options = { readOnly: true, signal: context.signal, timeoutMs: context.timeoutMs };
  const perStatement = context.elementsPerSlice ?? ELEMENTS_PER_SLICE;
  /** Every statement here answers one row (aggregates). */
  const firstRow: ReadOne = async (cypher, params = {}) =>
    (await store.query(cypher, params, options)).rows[0] ?? [];

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
      async (offsets, _ends, properties) => {
        for (let i = 0; i < offsets.length; i++) {
          const props = properties(i);
          const uid = props.uid;
          const key = typeof uid === 'string' && uid !== '' ? uid : `${table}:${offsets[i]}`;
          keys[offsets[i]!] = key;
          const wait = tracker.writeNodeOnce({ key, labels: [label.label], properties: props });
          if (wait) await wait;
        }
      },
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
        async (ids, ends, properties) => {
          for (let i = 0; i < ids.length; i++) {
            const source = sources[ends.a[i]!];
            const target = targets[ends.b[i]!];
            if (source === undefined || target === undefined) continue;
            const wait = tracker.writeResolvedEdge({
              key: `${table}:${ids[i]}`,
              type: type.type,
              source,
              target,
              sourceLabel: from,
              targetLabel: to,
              properties: properties(i),
            });
            if (wait) await wait;
          }
        },
      );
    }
  }
}
