// Gathers every node, relationship and path found anywhere in result rows (inside lists and
// maps too) into one graph, each element once. Shared by every adapter and the HTTP layer.

import type { GraphEdge, GraphNode, Value } from './types.ts';

export interface CollectedGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function collectGraph(rows: Value[][]): CollectedGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const visit = (value: Value): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const tag = (value as { $type?: unknown }).$type;
    if (tag === 'node') {
      const { $type: _t, ...node } = value as GraphNode & { $type: 'node' };
      if (!nodes.has(node.id)) nodes.set(node.id, node);
      return;
    }
    if (tag === 'relationship') {
      const { $type: _t, ...edge } = value as GraphEdge & { $type: 'relationship' };
      if (!edges.has(edge.id)) edges.set(edge.id, edge);
      return;
    }
    if (tag === 'path') {
      const path = value as unknown as { nodes: GraphNode[]; edges: GraphEdge[] };
      for (const node of path.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
      for (const edge of path.edges) if (!edges.has(edge.id)) edges.set(edge.id, edge);
      return;
    }
    if (typeof tag === 'string') return;
    for (const item of Object.values(value)) visit(item as Value);
  };
  for (const row of rows) for (const cell of row) visit(cell);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
