// Finds nodes whose names or aliases contain the text, in Neo4j Cypher; ranking is shared
// with the embedded adapter (server/search/rank.ts), so both order hits the same way.

import { NAME_KEYS, namesOf, uidHit, withUidHits } from '../../search/names.ts';
import { compareHits, rankMatch } from '../../search/rank.ts';
import type { GraphSchema, NodeValue, SearchHit, Value } from '../types.ts';

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
  // A node whose uid is the text as typed is found too (as on the embedded engine).
  const uid = text.trim();
  if (present.has('uid') && !/\s/.test(uid)) conditions.push('n.uid = $uid');
  if (conditions.length === 0) return [];
  const rows = await store.read(
    `WITH $q AS q MATCH (n) WHERE ${conditions.join(' OR ')} RETURN n LIMIT ${CANDIDATES}`,
    { q: needle, uid },
  );
  const hits: SearchHit[] = [];
  const byUid: SearchHit[] = [];
  for (const [value] of rows) {
    const { $type: _tag, ...node } = value as NodeValue;
    if (node.properties.uid === uid) byUid.push(uidHit(node));
    const best = rankMatch(needle, namesOf(node.properties));
    if (best) hits.push({ node, matched: best.name, score: best.score });
  }
  hits.sort(compareHits);
  return withUidHits(hits, byUid, limit);
}
