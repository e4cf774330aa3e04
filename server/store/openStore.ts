// Chooses and opens the GraphStore the configuration asks for, and loads the article graph
// into an empty embedded database; or connects to Neo4j when NEO4J_URI is set.

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { unavailable } from '../errors.ts';
import type { Config } from '../config.ts';
import { seedIfEmpty } from '../seed.ts';
import { LadybugStore } from './ladybug/ladybugStore.ts';
import { Neo4jStore } from './neo4j/neo4jStore.ts';
import type { GraphStore } from './types.ts';

export interface OpenedStore {
  store: GraphStore;
  /** True when this start loaded the article graph into an empty database. */
  seeded: boolean;
}

/** Where the embedded database lives inside DATA_DIR. */
export const embeddedDatabasePath = (config: Pick<Config, 'DATA_DIR'>) =>
  path.resolve(config.DATA_DIR, 'lagebild.lbug');

export async function openEmbeddedStore(
  config: Pick<Config, 'DATA_DIR' | 'READ_ONLY' | 'QUERY_TIMEOUT_MS'> & Partial<Pick<Config, 'CACHE_MB'>>,
  cypherDir: string,
): Promise<OpenedStore> {
  await mkdir(config.DATA_DIR, { recursive: true }).catch((error: unknown) => {
    throw unavailable(`Cannot create the data directory ${config.DATA_DIR}: ${(error as Error).message}`);
  });
  const dbPath = embeddedDatabasePath(config);
  const open = (readOnly: boolean) =>
    LadybugStore.open({
      path: dbPath,
      readOnly,
      defaultTimeoutMs: config.QUERY_TIMEOUT_MS,
      ...(config.CACHE_MB ? { bufferPoolBytes: config.CACHE_MB * 2 ** 20 } : {}),
    });
  if (!config.READ_ONLY) {
    const store = await open(false);
    return { store, seeded: await seedIfEmpty(store, cypherDir) };
  }
  // A read-only start on a fresh directory still gets the article graph: load it, then reopen read-only.
  let seeded = false;
  if (!existsSync(dbPath)) {
    const writable = await open(false);
    seeded = await seedIfEmpty(writable, cypherDir);
    await writable.close();
  }
  return { store: await open(true), seeded };
}

/**
 * The Neo4j adapter for NEO4J_URI. It is returned at once, before Neo4j answers: the caller
 * waits for it with `waitUntilReachable`, and /api/health reports the problem meanwhile.
 */
export function openNeo4jStore(
  config: Pick<
    Config,
    'NEO4J_URI' | 'NEO4J_USER' | 'NEO4J_PASSWORD' | 'NEO4J_DATABASE' | 'READ_ONLY' | 'QUERY_TIMEOUT_MS'
  >,
): Neo4jStore {
  if (!config.NEO4J_URI) throw new Error('openNeo4jStore needs NEO4J_URI');
  return new Neo4jStore({
    uri: config.NEO4J_URI,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    ...(config.NEO4J_DATABASE ? { database: config.NEO4J_DATABASE } : {}),
    readOnly: config.READ_ONLY,
    defaultTimeoutMs: config.QUERY_TIMEOUT_MS,
  });
}
