// Loads the article graph from cypher/ into an empty database: the backend's schema or
// constraints first, then the data scripts, all in one transaction (all or nothing).

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { splitStatements } from './cypher/scan.ts';
import type { GraphStore } from './store/types.ts';

/** Schema file per backend: the embedded engine needs declared tables, Neo4j only constraints. */
const SCHEMA_FILE: Record<string, string> = {
  ladybug: 'schema.ladybug.cypher',
  neo4j: 'constraints.neo4j.cypher',
};

export async function seedStatements(
  cypherDir: string,
  backend: string,
): Promise<{ schema: string[]; data: string[] }> {
  const schemaFile = SCHEMA_FILE[backend];
  const schema = schemaFile ? splitStatements(await readFile(path.join(cypherDir, schemaFile), 'utf8')) : [];
  const dataDir = path.join(cypherDir, 'data');
  const files = (await readdir(dataDir)).filter((f) => f.endsWith('.cypher')).sort();
  const data: string[] = [];
  for (const file of files) data.push(...splitStatements(await readFile(path.join(dataDir, file), 'utf8')));
  return { schema, data };
}

/** Loads the article graph when the database holds no nodes; returns whether it loaded. */
export async function seedIfEmpty(store: GraphStore, cypherDir: string): Promise<boolean> {
  if (!(await store.isEmpty())) return false;
  await seed(store, cypherDir);
  return true;
}

export async function seed(store: GraphStore, cypherDir: string): Promise<void> {
  const { schema, data } = await seedStatements(cypherDir, store.backend);
  if (store.backend === 'neo4j') {
    // Neo4j does not mix schema changes and data in one transaction.
    for (const statement of schema) await store.runScript([statement]);
    await store.runScript(data);
  } else {
    await store.runScript([...schema, ...data]);
  }
}
