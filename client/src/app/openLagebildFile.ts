// Shows an imported Lagebild JSON file on the canvas as it was saved: its nodes (looked up in the
// database by uid, so expanding them works) at the saved positions, with the file's relationships.

import { runQuery } from '../api/client.ts';
import type { ApiEdge, ApiNode, GraphData } from '../api/types.ts';
import type { LagebildJsonDocument } from '../export/exportClient.ts';
import { MAX_DRAWN_NODES } from './explorer.ts';

/** The database's nodes and relationships for a file, with positions keyed by node id. */
export async function graphOfLagebildFile(
  document: LagebildJsonDocument,
): Promise<{ graph: GraphData; positions: Map<string, { x: number; y: number }>; omittedNodes: number }> {
  const fileNodes = document.nodes.slice(0, MAX_DRAWN_NODES);
  const uids = fileNodes.map((node) => node.key);
  const nodes = await runQuery('MATCH (n) WHERE n.uid IN $uids RETURN n', { uids });
  const edges = await runQuery('MATCH (a)-[r]->(b) WHERE a.uid IN $uids AND b.uid IN $uids RETURN r', {
    uids,
  });
  const uidOf = new Map(nodes.graph.nodes.map((node: ApiNode) => [node.id, String(node.properties.uid)]));
  const inFile = new Set(
    document.edges.map((edge) => `${edge.source}\u0000${edge.type}\u0000${edge.target}`),
  );
  const fileEdges = edges.graph.edges.filter((edge: ApiEdge) =>
    inFile.has(`${uidOf.get(edge.source)}\u0000${edge.type}\u0000${uidOf.get(edge.target)}`),
  );
  const savedPosition = new Map(
    fileNodes.flatMap((node) => (node.position ? [[node.key, node.position] as const] : [])),
  );
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of nodes.graph.nodes) {
    const position = savedPosition.get(String(node.properties.uid));
    if (position) positions.set(node.id, position);
  }
  return {
    graph: { nodes: nodes.graph.nodes, edges: fileEdges },
    positions,
    omittedNodes: document.nodes.length - fileNodes.length,
  };
}
