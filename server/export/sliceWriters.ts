// What the column readers do with each slice they read: write its nodes to the tracker (keeping
// each one's key by offset, which the relationships name their ends by) or its relationships.
// `keep` picks the wanted elements out of a slice; without it every element is written.

import type { ElementColumns } from './elementColumns.ts';
import type { OffsetSet } from './offsetSet.ts';
import type { Tracker } from './sources.ts';

type SliceHandler = Parameters<ElementColumns['forEachSlice']>[3];

/** Writes a slice's nodes of `label` (table number `table`) and keeps their keys in `keys`. */
export function nodeSliceWriter(
  tracker: Tracker,
  node: { table: number | string; label: string },
  keys: string[],
  keep?: OffsetSet,
): SliceHandler {
  return async (offsets, _ends, properties) => {
    for (let i = 0; i < offsets.length; i++) {
      const offset = offsets[i]!;
      if (keep && !keep.has(offset)) continue;
      const props = properties(i);
      const uid = props.uid;
      const key = typeof uid === 'string' && uid !== '' ? uid : `${node.table}:${offset}`;
      keys[offset] = key;
      const wait = tracker.writeNodeOnce({ key, labels: [node.label], properties: props });
      if (wait) await wait;
    }
  };
}

/** Writes a slice's relationships, their ends named by the keys the nodes' slices kept. */
export function relationshipSliceWriter(
  tracker: Tracker,
  relationship: { table: number | string; type: string; from: string; to: string },
  keys: { sources: string[]; targets: string[] },
  keep?: (offset: number, source: number, target: number) => boolean,
): SliceHandler {
  const { table, type, from, to } = relationship;
  return async (offsets, ends, properties) => {
    for (let i = 0; i < offsets.length; i++) {
      if (keep && !keep(offsets[i]!, ends.a[i]!, ends.b[i]!)) continue;
      const source = keys.sources[ends.a[i]!];
      const target = keys.targets[ends.b[i]!];
      // An end outside the scope, or deleted since the ids were read: the relationship is left out.
      if (source === undefined || target === undefined) continue;
      const wait = tracker.writeResolvedEdge({
        key: `${table}:${offsets[i]}`,
        type,
        source,
        target,
        sourceLabel: from,
        targetLabel: to,
        properties: properties(i),
      });
      if (wait) await wait;
    }
  };
}
