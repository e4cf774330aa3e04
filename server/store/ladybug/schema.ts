// Reads labels, relationship types, their property keys and counts from the engine's catalog.

import type { GraphSchema, LabelInfo, PropertyInfo, RelationshipTypeInfo, Value } from '../types.ts';

type Read = (cypher: string) => Promise<Value[][]>;

/** Catalog names are quoted with backticks; a backtick inside is doubled. */
export const quoteName = (name: string) => `\`${name.replaceAll('`', '``')}\``;
const quoteString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

export async function readSchema(read: Read): Promise<GraphSchema> {
  const tables = await read('CALL show_tables() RETURN name, type');
  const labels: LabelInfo[] = [];
  const relationshipTypes: RelationshipTypeInfo[] = [];
  const unreadable: string[] = [];
  for (const [name, type] of tables as [string, string][]) {
    // The engine accepts a table name with a dot but then reads it as "database.table" and
    // cannot describe or query it; one such table must not take the whole schema down.
    try {
      await readTable(read, name, type, labels, relationshipTypes);
    } catch {
      unreadable.push(name);
    }
  }
  labels.sort((a, b) => a.label.localeCompare(b.label));
  relationshipTypes.sort((a, b) => a.type.localeCompare(b.type));
  return { labels, relationshipTypes, ...(unreadable.length ? { unreadable } : {}) };
}

async function readTable(
  read: Read,
  name: string,
  type: string,
  labels: LabelInfo[],
  relationshipTypes: RelationshipTypeInfo[],
): Promise<void> {
  const properties = await readProperties(read, name);
  if (type === 'NODE') {
    const [[count]] = (await read(`MATCH (n:${quoteName(name)}) RETURN count(n)`)) as [[number]];
    labels.push({ label: name, count: Number(count), properties });
  } else if (type === 'REL') {
    const connections = (await read(`CALL show_connection(${quoteString(name)}) RETURN *`)).map((row) => ({
      from: String(row[0]),
      to: String(row[1]),
    }));
    // Counted per label pair: with both end labels named the engine counts 2-4 times faster
    // than with open ends (0.2 s instead of 0.5-1.3 s for 900k relationships in 12 pairs).
    let count = 0;
    for (const { from, to } of connections) {
      const [[n]] = (await read(
        `MATCH (:${quoteName(from)})-[r:${quoteName(name)}]->(:${quoteName(to)}) RETURN count(r)`,
      )) as [[number]];
      count += Number(n);
    }
    relationshipTypes.push({ type: name, count, properties, connections });
  }
}

async function readProperties(read: Read, table: string): Promise<PropertyInfo[]> {
  const rows = await read(`CALL table_info(${quoteString(table)}) RETURN name, type`);
  return rows.map(([key, type]) => ({ key: String(key), type: String(type) }));
}
