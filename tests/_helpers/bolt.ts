// Test fixtures for the Bolt endpoint: a fresh embedded database loaded with the article graph,
// served over Bolt on a free port, and the Neo4j adapter connected to it.

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { startBoltServer, type RunningBoltServer } from '../../server/bolt/boltServer.ts';
import { openEmbeddedStore } from '../../server/store/openStore.ts';
import { Neo4jStore } from '../../server/store/neo4j/neo4jStore.ts';
import type { GraphStore } from '../../server/store/types.ts';
import { CYPHER_DIR, makeDataDir } from './lagebild.ts';

export interface EmbeddedOverBolt {
  store: GraphStore;
  bolt: RunningBoltServer;
  url: string;
  dispose(): Promise<void>;
}

/** A fresh embedded database with the article graph, served over Bolt on 127.0.0.1. */
export async function startEmbeddedOverBolt(
  options: { timeoutMs?: number; readOnly?: boolean; password?: string } = {},
): Promise<EmbeddedOverBolt> {
  const dataDir = await makeDataDir();
  const { store } = await openEmbeddedStore(
    {
      DATA_DIR: dataDir,
      READ_ONLY: options.readOnly ?? false,
      QUERY_TIMEOUT_MS: options.timeoutMs ?? 30_000,
    },
    CYPHER_DIR,
  );
  const bolt = await startBoltServer({
    store,
    host: '127.0.0.1',
    port: 0,
    timeoutMs: options.timeoutMs ?? 30_000,
    version: 'test',
    ...(options.password ? { password: options.password } : {}),
  });
  return {
    store,
    bolt,
    url: `bolt://127.0.0.1:${bolt.port}`,
    dispose: async () => {
      await bolt.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The Neo4j adapter pointed at a Bolt endpoint. */
export function neo4jAdapter(
  uri: string,
  options: { timeoutMs?: number; readOnly?: boolean; password?: string } = {},
): Neo4jStore {
  return new Neo4jStore({
    uri,
    user: 'neo4j',
    password: options.password ?? 'unused',
    readOnly: options.readOnly ?? false,
    defaultTimeoutMs: options.timeoutMs ?? 30_000,
  });
}

export const ROOT_CYPHER = path.resolve(CYPHER_DIR);
