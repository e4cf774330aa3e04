// Finds nodes whose names or aliases contain the text, case-insensitively, best matches first.

import type { NodeValue, SearchHit, Value } from '../types.ts';
import { NAME_KEYS, namesOf } from '../../search/names.ts';
import { compareHits, rankMatch } from '../../search/rank.ts';
import { stripTag } from './values.ts';

/** How many candidates the engine hands over for ranking. */
const CANDIDATES = 500;

interface Reader {
  read(cypher: string, params?: Record<string, Value>): Promise<Value[][]>;
  /** Every property key of any node table (from the catalog; no counting). */
  nodePropertyKeys(): Promise<Set<string>>;
}

export async function searchNodes(store: Reader, text: string, limit: number): Promise<SearchHit[]> {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  const present = await store.nodePropertyKeys();
  const conditions = NAME_KEYS.filter((key) => present.has(key)).map((key) =>
    key === 'aliases' ? `lower(list_to_string('|', n.aliases)) CONTAINS $q` : `lower(n.${key}) CONTAINS $q`,
  );
  if (conditions.length === 0) return [];
  const rows = await store.read(`MATCH (n) WHERE ${conditions.join(' OR ')} RETURN n LIMIT ${CANDIDATES}`, {
    q: needle,
  });
  const hits: SearchHit[] = [];
  for (const [value] of rows) {
    const node = stripTag(value as NodeValue);
    const best = rankMatch(needle, namesOf(node.properties));
    if (best) hits.push({ node, matched: best.name, score: best.score });
  }
  hits.sort(compareHits);
  return hits.slice(0, limit);
}
