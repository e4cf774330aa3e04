// Reads labels, relationship types, their property keys and counts from the engine's catalog.

import type { GraphSchema, LabelInfo, PropertyInfo, RelationshipTypeInfo, Value } from '../types.ts';

/** Reads every row of one statement. */
export type ReadRows = (cypher: string, params?: Record<string, Value>) => Promise<Value[][]>;

/** Catalog names are quoted with backticks; a backtick inside is doubled. */
export const quoteName = (name: string) => `\`${name.replaceAll('`', '``')}\``;
const quoteString = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** Labels, relationship types, their properties and counts. */
export async function readSchema(read: ReadRows): Promise<GraphSchema> {
  return countElements(read, await readCatalog(read));
}

/**
 * The catalog part of the schema (names, properties, connections), with every count 0. It
 * changes only with data definition, so it is kept while data changes and only counted again.
 */
export async function readCatalog(read: ReadRows): Promise<GraphSchema> {
  const tables = await read('CALL show_tables() RETURN name, type');
  const labels: LabelInfo[] = [];
  const relationshipTypes: RelationshipTypeInfo[] = [];
  const unreadable: string[] = [];
  for (const [name, type] of tables as [string, string][]) {
    // The engine accepts a table name with a dot but then reads it as "database.table" and
    // cannot describe or query it; one such table must not take the whole schema down.
    try {
      const properties = await readProperties(read, name);
      if (type === 'NODE') labels.push({ label: name, count: 0, properties });
      else if (type === 'REL') {
        const connections = (await read(`CALL show_connection(${quoteString(name)}) RETURN *`)).map(
          (row) => ({ from: String(row[0]), to: String(row[1]) }),
        );
        relationshipTypes.push({ type: name, count: 0, properties, connections });
      }
    } catch {
      unreadable.push(name);
    }
  }
  labels.sort((a, b) => a.label.localeCompare(b.label));
  relationshipTypes.sort((a, b) => a.type.localeCompare(b.type));
  return { labels, relationshipTypes, ...(unreadable.length ? { unreadable } : {}) };
}

/** The catalog with every label and relationship type counted by the engine. */
export async function countElements(read: ReadRows, catalog: GraphSchema): Promise<GraphSchema> {
  const unreadable = [...(catalog.unreadable ?? [])];
  const counted = async (name: string, statements: string[]) => {
    try {
      let count = 0;
      for (const statement of statements) count += Number(((await read(statement)) as [[number]])[0][0]);
      return count;
    } catch {
      unreadable.push(name);
      return undefined;
    }
  };
  const labels: LabelInfo[] = [];
  for (const label of catalog.labels) {
    const count = await counted(label.label, [`MATCH (n:${quoteName(label.label)}) RETURN count(n)`]);
    if (count !== undefined) labels.push({ ...label, count });
  }
  const relationshipTypes: RelationshipTypeInfo[] = [];
  for (const type of catalog.relationshipTypes) {
    // Counted per label pair: with both end labels named the engine counts 2-4 times faster
    // than with open ends (0.2 s instead of 0.5-1.3 s for 900k relationships in 12 pairs).
    const count = await counted(
      type.type,
      type.connections.map(
        ({ from, to }) =>
          `MATCH (:${quoteName(from)})-[r:${quoteName(type.type)}]->(:${quoteName(to)}) RETURN count(r)`,
      ),
    );
    if (count !== undefined) relationshipTypes.push({ ...type, count });
  }
  return { labels, relationshipTypes, ...(unreadable.length ? { unreadable } : {}) };
}

async function readProperties(read: ReadRows, table: string): Promise<PropertyInfo[]> {
  const rows = await read(`CALL table_info(${quoteString(table)}) RETURN name, type`);
  return rows.map(([key, type]) => ({ key: String(key), type: String(type) }));
}
