// The "labels" scope: every node of some labels (all when none are named) and every relationship
// between them (of some types, all when none are named), read table by table with the properties
// as plain columns. Reading columns instead of node and relationship objects is several times
// faster in the embedded engine (docs/export.md), and each element is met once, so nodes and edges
// go straight to the writer without the de-duplication and spool a query's result needs. The
// embedded engine reads whole slices of columns at once (labelColumns.ts); Neo4j a row per element.

import { invalidRequest } from '../errors.ts';
import type { GraphSchema, GraphStore, Value } from '../store/types.ts';
import { cypherName } from './cypherLiterals.ts';
import { exportLabelsByColumns } from './labelColumns.ts';
import { Tracker, type SourceContext } from './sources.ts';

export interface LabelScope {
  labels?: string[];
  types?: string[];
}

const ROWS_PER_BATCH = 2000;

/** The labels and relationship types the scope names, checked against the schema (400 when unknown). */
export function resolveLabelScope(schema: GraphSchema, scope: LabelScope) {
  const unknown = (asked: string[] | undefined, known: string[], what: string) => {
    const missing = (asked ?? []).filter((name) => !known.includes(name));
    if (missing.length > 0)
      throw invalidRequest(
        `No ${what} ${missing.map((m) => `"${m}"`).join(', ')} in this database. Known ${what}s: ${known.join(', ') || 'none'}.`,
      );
  };
  unknown(
    scope.labels,
    schema.labels.map((l) => l.label),
    'label',
  );
  unknown(
    scope.types,
    schema.relationshipTypes.map((t) => t.type),
    'relationship type',
  );
  const labels = schema.labels.filter((l) => !scope.labels?.length || scope.labels.includes(l.label));
  const wanted = new Set(labels.map((l) => l.label));
  const types = schema.relationshipTypes.filter((t) => !scope.types?.length || scope.types.includes(t.type));
  return { labels, types, wanted };
}

/** Properties of one row, from column `first` on, named by `keys`; nulls left out. */
function propertiesOf(row: Value[], keys: string[], first: number): Record<string, Value> {
  const properties: Record<string, Value> = {};
  for (let i = 0; i < keys.length; i++) {
    const value = row[first + i];
    if (value !== null && value !== undefined) properties[keys[i]!] = value;
  }
  return properties;
}

/** Streams the scope to the writer: all nodes first, then the relationships among them. */
export async function exportLabels(
  store: GraphStore,
  scope: LabelScope,
  context: SourceContext & { timeoutMs?: number; elementsPerSlice?: number },
): Promise<void> {
  const { labels, types, wanted } = resolveLabelScope(await store.schema(), scope);
  // Both engines name elements by these ids; elementId() is a macro only in the article schema.
  const idOf = store.backend === 'neo4j' ? 'elementId' : 'id';
  const tracker = new Tracker(context);
  try {
    if (store.backend === 'ladybug')
      await exportLabelsByColumns(store, { labels, types, wanted }, tracker, context);
    else await streamScope(tracker);
    tracker.report(true);
  } finally {
    await tracker.spool.dispose();
  }

  async function streamScope(tracker: Tracker): Promise<void> {
    const each = async (cypher: string, handle: (row: Value[]) => Promise<void>) => {
      const cursor = await store.open(
        cypher,
        {},
        {
          readOnly: true,
          signal: context.signal,
          timeoutMs: context.timeoutMs,
        },
      );
      try {
        for (
          let rows = await cursor.next(ROWS_PER_BATCH);
          rows.length > 0;
          rows = await cursor.next(ROWS_PER_BATCH)
        ) {
          context.signal?.throwIfAborted();
          for (const row of rows) await handle(row);
        }
      } finally {
        await cursor.close();
      }
    };

    for (const label of labels) {
      const keys = label.properties.map((p) => p.key);
      const columns = keys.map((key) => `, n.${cypherName(key)}`).join('');
      await each(`MATCH (n:${cypherName(label.label)}) RETURN ${idOf}(n)${columns}`, async (row) => {
        await tracker.node({
          id: String(row[0]),
          labels: [label.label],
          properties: propertiesOf(row, keys, 1),
        });
      });
    }
    for (const type of types) {
      const keys = type.properties.map((p) => p.key);
      const columns = keys.map((key) => `, r.${cypherName(key)}`).join('');
      // Both end labels named where the catalog lists the pairs (2-4 times faster in the embedded
      // engine); open ends otherwise, with edges to nodes outside the scope left out.
      const pairs = type.connections.length
        ? type.connections.filter((c) => wanted.has(c.from) && wanted.has(c.to))
        : [{ from: '', to: '' }];
      for (const { from, to } of pairs) {
        const a = from ? `(a:${cypherName(from)})` : '(a)';
        const b = to ? `(b:${cypherName(to)})` : '(b)';
        await each(
          `MATCH ${a}-[r:${cypherName(type.type)}]->${b} RETURN ${idOf}(r), ${idOf}(a), ${idOf}(b)${columns}`,
          async (row) => {
            await tracker.writeEdge({
              id: String(row[0]),
              type: type.type,
              source: String(row[1]),
              target: String(row[2]),
              properties: propertiesOf(row, keys, 3),
            });
          },
        );
      }
    }
  }
}
