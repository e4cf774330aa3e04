// Turns API values into short text for captions, table cells and the inspector.

import type { ApiEdge, ApiNode, Value } from '../api/types.ts';
import { stringifyExactJson } from '../api/exactJson.ts';

/** A label or relationship type as a Cypher name: in backticks, with backticks inside doubled. */
export const cypherName = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/** A count as people read it: 430,564 (the same grouping everywhere in the explorer). */
export const formatCount = (n: number): string => n.toLocaleString('en');

/** Properties tried, in order, for a node's caption. */
const CAPTION_KEYS = ['name', 'title', 'uid', 'text'];

/** The text a node is known by: its name, else title or uid, else its label and id. */
export function nodeCaption(node: Pick<ApiNode, 'labels' | 'properties' | 'id'>): string {
  for (const key of CAPTION_KEYS) {
    const value = node.properties[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return `${node.labels[0] ?? 'Node'} ${node.id}`;
}

type Tagged = { $type: string; [key: string]: unknown };

function isTagged(value: unknown): value is Tagged {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && '$type' in value;
}

/** Compact text of any value: nodes as (:Label name), relationships as [:TYPE], dates as their ISO text. */
export function formatValue(value: Value | undefined, names?: (id: string) => string | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => formatValue(item, names)).join(', ')}]`;
  if (isTagged(value)) {
    switch (value.$type) {
      case 'node': {
        const node = value as unknown as ApiNode;
        return `(:${node.labels.join(':')} ${nodeCaption(node)})`;
      }
      case 'relationship': {
        const edge = value as unknown as ApiEdge;
        const from = names?.(edge.source) ?? edge.source;
        const to = names?.(edge.target) ?? edge.target;
        return `(${from})-[:${edge.type}]->(${to})`;
      }
      case 'path': {
        const path = value as unknown as { nodes: ApiNode[]; edges: ApiEdge[] };
        // Each step points the way its relationship does: a path may walk one against its direction.
        return path.nodes
          .map((node, i) => {
            const edge = path.edges[i];
            if (!edge) return `(${nodeCaption(node)})`;
            return edge.source === node.id
              ? `(${nodeCaption(node)})-[:${edge.type}]->`
              : `(${nodeCaption(node)})<-[:${edge.type}]-`;
          })
          .join('');
      }
      case 'point':
        return stringifyExactJson(value, '');
      default: {
        const text = (value as { value?: unknown }).value;
        return typeof text === 'string' ? text : stringifyExactJson(value, '');
      }
    }
  }
  return stringifyExactJson(value, '');
}
