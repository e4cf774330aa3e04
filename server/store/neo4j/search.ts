// Finds nodes whose names or aliases contain the text, in Neo4j Cypher; ranking is shared
// with the embedded adapter (server/search/rank.ts), so both order hits the same way.

import { rankMatch } from '../../search/rank.ts';
import type { GraphNode, GraphSchema, NodeValue, SearchHit, Value } from '../types.ts';

/** Properties that name a node, in order of importance (the same as the embedded adapter's). */
const NAME_KEYS = ['name', 'name_en', 'title', 'aliases'] as const;
const CANDIDATES = 500;

interface Reader {
  schema(): Promise<GraphSchema>;
  read(cypher: string, params?: Record<string, Value>): Promise<Value[][]>;
}

export async function searchNeo4j(store: Reader, text: string, limit: number): Promise<SearchHit[]> {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  const schema = await store.schema();
  const present = new Set(schema.labels.flatMap((l) => l.properties.map((p) => p.key)));
  const conditions = NAME_KEYS.filter((key) => present.has(key)).map((key) =>
    key === 'aliases' ? 'any(a IN n.aliases WHERE toLower(a) CONTAINS q)' : `toLower(n.${key}) CONTAINS q`,
  );
  if (conditions.length === 0) return [];
  const rows = await store.read(
    `WITH $q AS q MATCH (n) WHERE ${conditions.join(' OR ')} RETURN n LIMIT ${CANDIDATES}`,
    { q: needle },
  );
  const hits: SearchHit[] = [];
  for (const [value] of rows) {
    const { $type: _tag, ...node } = value as NodeValue;
    const best = rankMatch(needle, namesOf(node));
    if (best) hits.push({ node, matched: best.name, score: best.score });
  }
  hits.sort((a, b) => b.score - a.score || a.matched.localeCompare(b.matched));
  return hits.slice(0, limit);
}

function namesOf(node: GraphNode): string[] {
  const names: string[] = [];
  for (const key of NAME_KEYS) {
    const value = node.properties[key];
    if (typeof value === 'string') names.push(value);
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') names.push(item);
  }
  return names;
}
