// Reads labels, relationship types, their properties, counts and connections from Neo4j's
// own procedures (db.labels(), db.schema.*), which the Bolt endpoint answers as well.

import { neo4jTypeToEngine } from '../propertyTypes.ts';
import type {
  EdgeValue,
  GraphSchema,
  LabelInfo,
  NodeValue,
  PropertyInfo,
  RelationshipTypeInfo,
  Value,
} from '../types.ts';

type Read = (cypher: string, params?: Record<string, Value>) => Promise<Value[][]>;

/** A label or relationship type as a Cypher name, in backticks. */
export const quoteName = (name: string) => `\`${name.replaceAll('`', '``')}\``;

export async function readNeo4jSchema(read: Read): Promise<GraphSchema> {
  const labelNames = (await read('CALL db.labels() YIELD label')).map(([l]) => String(l));
  const typeNames = (await read('CALL db.relationshipTypes() YIELD relationshipType')).map(([t]) =>
    String(t),
  );

  const nodeProperties = new Map<string, PropertyInfo[]>();
  for (const [, labels, key, types] of await read('CALL db.schema.nodeTypeProperties()')) {
    if (key === null || !Array.isArray(labels)) continue;
    for (const label of labels) addProperty(nodeProperties, String(label), String(key), types);
  }
  const relProperties = new Map<string, PropertyInfo[]>();
  for (const [relType, key, types] of await read('CALL db.schema.relTypeProperties()')) {
    if (key === null) continue;
    addProperty(relProperties, unquoteType(String(relType)), String(key), types);
  }

  const labels: LabelInfo[] = [];
  for (const label of labelNames) {
    const [[count]] = (await read(`MATCH (n:${quoteName(label)}) RETURN count(n)`)) as [[number]];
    labels.push({ label, count: Number(count), properties: nodeProperties.get(label) ?? [] });
  }
  const connections = await readConnections(read);
  const relationshipTypes: RelationshipTypeInfo[] = [];
  for (const type of typeNames) {
    const [[count]] = (await read(`MATCH ()-[r:${quoteName(type)}]->() RETURN count(r)`)) as [[number]];
    relationshipTypes.push({
      type,
      count: Number(count),
      properties: relProperties.get(type) ?? [],
      connections: connections.get(type) ?? [],
    });
  }
  labels.sort((a, b) => a.label.localeCompare(b.label));
  relationshipTypes.sort((a, b) => a.type.localeCompare(b.type));
  return { labels, relationshipTypes };
}

function addProperty(map: Map<string, PropertyInfo[]>, owner: string, key: string, types: Value): void {
  const list = map.get(owner) ?? [];
  if (list.some((p) => p.key === key)) return;
  const first = Array.isArray(types) && typeof types[0] === 'string' ? types[0] : 'ANY';
  list.push({ key, type: neo4jTypeToEngine(first) });
  map.set(owner, list);
}

/** ":`KNOWS`" -> "KNOWS". */
function unquoteType(text: string): string {
  const bare = text.startsWith(':') ? text.slice(1) : text;
  return bare.startsWith('`') && bare.endsWith('`') ? bare.slice(1, -1).replaceAll('``', '`') : bare;
}

/** Which labels each relationship type connects, from db.schema.visualization(). */
async function readConnections(read: Read): Promise<Map<string, { from: string; to: string }[]>> {
  const out = new Map<string, { from: string; to: string }[]>();
  const [row] = await read('CALL db.schema.visualization()');
  if (!row) return out;
  const [nodes, relationships] = row as [NodeValue[], EdgeValue[]];
  const labelOf = new Map(nodes.map((n) => [n.id, n.labels[0] ?? String(n.properties.name ?? '')]));
  for (const rel of relationships) {
    const from = labelOf.get(rel.source);
    const to = labelOf.get(rel.target);
    if (from === undefined || to === undefined) continue;
    const list = out.get(rel.type) ?? [];
    if (!list.some((c) => c.from === from && c.to === to)) list.push({ from, to });
    out.set(rel.type, list);
  }
  return out;
}
