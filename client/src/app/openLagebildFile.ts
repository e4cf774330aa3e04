// Shows an imported Lagebild JSON file on the canvas as it was saved: its nodes (looked up in the
// database by uid, so expanding them works) at the saved positions, with the file's relationships.
// Every lookup names the label, so that the engine seeks each uid by its primary key: a MATCH
// without a label, or `uid IN $list`, scans whole tables (a second and more on a big graph), and
// matching every relationship among the file's nodes met tens of thousands of parallel ones there.

import { runQuery } from '../api/client.ts';
import type { ApiEdge, ApiNode, GraphData } from '../api/types.ts';
import type { LagebildJsonDocument } from '../export/exportClient.ts';
import { MAX_DRAWN_NODES } from './explorer.ts';
import { cypherName } from './format.ts';

/** Lookups sent at once: the server runs four statements at a time. */
const LOOKUPS_AT_ONCE = 4;

/** The database's nodes and relationships for a file, with positions keyed by node id. */
export async function graphOfLagebildFile(
  document: LagebildJsonDocument,
): Promise<{ graph: GraphData; positions: Map<string, { x: number; y: number }>; omittedNodes: number }> {
  const fileNodes = document.nodes.slice(0, MAX_DRAWN_NODES);
  const labelOf = new Map(fileNodes.map((node) => [node.key, node.labels[0] ?? '']));

  const uidsByLabel = groupBy(fileNodes, (node) => node.labels[0] ?? '');
  const nodeLookups = [...uidsByLabel].map(([label, group]) => {
    const uids = group.map((node) => node.key);
    return () =>
      label
        ? runQuery(`UNWIND $uids AS u MATCH (n:${cypherName(label)} {uid: u}) RETURN n`, { uids })
        : runQuery('MATCH (n) WHERE n.uid IN $uids RETURN n', { uids });
  });

  const drawnEdges = document.edges.filter((edge) => labelOf.get(edge.source) && labelOf.get(edge.target));
  const edgesByEnds = groupBy(
    drawnEdges,
    (edge) => `${edge.type}\u0000${labelOf.get(edge.source)}\u0000${labelOf.get(edge.target)}`,
  );
  const edgeLookups = [...edgesByEnds].map(([key, group]) => {
    const [type, from, to] = key.split('\u0000') as [string, string, string];
    const rows = group.map((edge) => ({ s: edge.source, t: edge.target }));
    return () =>
      runQuery(
        // One pattern: written as two MATCH clauses (a, then a's relationships) the engine paired
        // rows with the wrong far ends (@ladybugdb/core 0.19.1).
        `UNWIND $rows AS row MATCH (a:${cypherName(from)} {uid: row.s})-[r:${cypherName(type)}]->(b:${cypherName(to)}) ` +
          'WHERE b.uid = row.t RETURN DISTINCT r',
        { rows },
      );
  });

  const results = await inTurns([...nodeLookups, ...edgeLookups], LOOKUPS_AT_ONCE);
  const nodes = results.slice(0, nodeLookups.length).flatMap((result) => result.graph.nodes);
  const found = results.slice(nodeLookups.length).flatMap((result) => result.graph.edges);
  const uidOf = new Map(nodes.map((node: ApiNode) => [node.id, String(node.properties.uid)]));
  const edges = theFilesRelationships(document, found, uidOf);

  const savedPosition = new Map(
    fileNodes.flatMap((node) => (node.position ? [[node.key, node.position] as const] : [])),
  );
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes) {
    const position = savedPosition.get(String(node.properties.uid));
    if (position) positions.set(node.id, position);
  }
  return {
    graph: { nodes, edges },
    positions,
    omittedNodes: document.nodes.length - fileNodes.length,
  };
}

/**
 * Of the relationships found between the file's ends, as many per pair of ends and type as the
 * file has: those whose id is the file's key first (the file came from this database), then others.
 */
function theFilesRelationships(
  document: LagebildJsonDocument,
  found: ApiEdge[],
  uidOf: Map<string, string>,
): ApiEdge[] {
  const triple = (source: string | undefined, type: string, target: string | undefined) =>
    `${source}\u0000${type}\u0000${target}`;
  const wanted = new Map<string, number>();
  const keys = new Set<string>();
  for (const edge of document.edges) {
    const key = triple(edge.source, edge.type, edge.target);
    wanted.set(key, (wanted.get(key) ?? 0) + 1);
    keys.add(edge.key);
  }
  const byKeyFirst = [...found].sort((a, b) => Number(keys.has(b.id)) - Number(keys.has(a.id)));
  const taken: ApiEdge[] = [];
  for (const edge of byKeyFirst) {
    const key = triple(uidOf.get(edge.source), edge.type, uidOf.get(edge.target));
    const left = wanted.get(key) ?? 0;
    if (left === 0) continue;
    wanted.set(key, left - 1);
    taken.push(edge);
  }
  return taken;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Runs the tasks, at most `atOnce` at a time; the results in the tasks' order. */
async function inTurns<T>(tasks: (() => Promise<T>)[], atOnce: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, tasks.length) }, worker));
  return results;
}
