// What names a node for search: the same properties, in the same order, for every adapter.

import type { GraphNode, SearchHit, Value } from '../store/types.ts';

/** Properties that name a node, in order of importance. */
export const NAME_KEYS = ['name', 'name_en', 'title', 'aliases'] as const;

/**
 * A hit for a node whose uid is the search text, as typed (case and all): the key the inspector
 * shows, by which a generated graph's nodes are often known. Matched whole only, not as part of
 * a name: an index of a million uids would cost about 100 MB.
 */
export function uidHit(node: GraphNode): SearchHit {
  return { node, matched: String(node.properties.uid), score: 100 };
}

/** Puts the uid hits first (each node once) and cuts to the limit. */
export function withUidHits(hits: SearchHit[], byUid: SearchHit[], limit: number): SearchHit[] {
  const ids = new Set(byUid.map((hit) => hit.node.id));
  return [...byUid, ...hits.filter((hit) => !ids.has(hit.node.id))].slice(0, limit);
}

/** The node's names: each name property's text, and each text of a list (aliases). */
export function namesOf(properties: Record<string, Value>): string[] {
  const names: string[] = [];
  for (const key of NAME_KEYS) {
    const value = properties[key];
    if (typeof value === 'string') names.push(value);
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') names.push(item);
  }
  return names;
}
