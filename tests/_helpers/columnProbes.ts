// Data made to trip a column reader: properties null in some elements and not in others
// (collect() leaves nulls out), deleted nodes (gaps in the offsets), nodes without a uid, dates,
// lists, integers beyond 2^53 and a hub; and a writer that keeps what it is given.

import type { QueryColumnsOptions } from '../../server/export/queryColumns.ts';
import { exportQuery, openQuerySource } from '../../server/export/sources.ts';
import { expect } from 'vitest';
import type { ExportEdge, ExportNode, GraphWriter } from '../../server/export/types.ts';
import type { GraphStore, Value } from '../../server/store/types.ts';

/** Adds the Probe and Nameless tables and the TOUCHES relationships between them. */
export async function addColumnProbes(store: GraphStore): Promise<void> {
  await store.runScript([
    'CREATE NODE TABLE Probe(uid STRING, name STRING, born DATE, tags STRING[], score DOUBLE, big INT64, PRIMARY KEY (uid))',
    'CREATE NODE TABLE Nameless(id SERIAL, note STRING, PRIMARY KEY (id))',
    'CREATE REL TABLE TOUCHES(FROM Probe TO Probe, FROM Probe TO Nameless, weight INT64, sentence STRING)',
    `UNWIND range(0, 40) AS i
     CREATE (:Probe {uid: 'probe-' + string(i),
       name: CASE WHEN i % 3 = 0 THEN NULL ELSE 'Sonde ' + string(i) + ' <&>' END,
       born: CASE WHEN i % 4 = 1 THEN date('2024-11-18') ELSE NULL END,
       tags: CASE WHEN i % 5 = 2 THEN ['a', 'b'] WHEN i % 5 = 3 THEN CAST([], 'STRING[]') ELSE NULL END,
       score: CASE WHEN i % 2 = 0 THEN i * 0.5 ELSE NULL END,
       big: CASE WHEN i % 7 = 0 THEN 9007199254740993 + i WHEN i % 7 = 1 THEN i ELSE NULL END})`,
    "UNWIND range(0, 9) AS i CREATE (:Nameless {note: CASE WHEN i % 2 = 0 THEN 'ohne uid ' + string(i) ELSE NULL END})",
    "MATCH (p:Probe) WHERE p.uid IN ['probe-4', 'probe-5', 'probe-17', 'probe-40'] DETACH DELETE p",
    `MATCH (a:Probe), (b:Probe) WHERE a.uid = 'probe-0' OR (a.uid < b.uid AND size(a.uid) = size(b.uid) AND b.uid ENDS WITH '1')
     CREATE (a)-[:TOUCHES {weight: CASE WHEN size(b.uid) % 2 = 0 THEN 7 ELSE NULL END,
       sentence: CASE WHEN b.uid ENDS WITH '1' THEN 'Laut Artikel: ' + a.uid ELSE NULL END}]->(b)`,
    "MATCH (a:Probe), (b:Nameless) WHERE a.uid IN ['probe-1', 'probe-2'] CREATE (a)-[:TOUCHES {weight: 1}]->(b)",
  ]);
}

/** A writer that keeps what it is given. */
export function collector() {
  const nodes: ExportNode[] = [];
  const edges: ExportEdge[] = [];
  const writer: GraphWriter = {
    begin: async () => undefined,
    node: async (node) => void nodes.push(node),
    edge: async (edge) => void edges.push(edge),
    end: async () => undefined,
  };
  const sorted = () => ({
    nodes: [...nodes].sort((a, b) => a.key.localeCompare(b.key)),
    edges: [...edges].sort((a, b) => a.key.localeCompare(b.key)),
  });
  return { writer, nodes, edges, sorted };
}

/**
 * Adds 2,500 Ring nodes, each linked to the next and to one far away: frontiers grow and spread,
 * and a node's relationships come from far along its table.
 */
export async function addRing(store: GraphStore): Promise<void> {
  await store.runScript([
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
}

/** Exports a query's result into a collector; `options` chooses the way (columnsFromRows, elementsPerSlice). */
export async function exportViaQuery(
  store: GraphStore,
  cypher: string,
  options: QueryColumnsOptions = {},
  params: Record<string, Value> = {},
) {
  const out = collector();
  await exportQuery(store, await openQuerySource(store, { cypher, params }, options), { writer: out.writer });
  return out;
}

/** Checks that `edges` hold every relationship of node `uid`, each with its own direction. */
export async function expectBothDirections(
  store: GraphStore,
  edges: ExportEdge[],
  uid: string,
): Promise<void> {
  const [[outgoing, incoming]] = (
    await store.query('MATCH (a {uid: $uid}) RETURN COUNT { MATCH (a)-[]->() }, COUNT { MATCH (a)<-[]-() }', {
      uid,
    })
  ).rows as [[unknown, unknown]];
  expect(edges.filter((e) => e.source === uid)).toHaveLength(Number(outgoing));
  expect(edges.filter((e) => e.target === uid)).toHaveLength(Number(incoming));
  expect(Number(incoming)).toBeGreaterThan(0);
}
