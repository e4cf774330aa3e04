// The contract suite against a real Neo4j, when NEO4J_TEST_URI points at one holding the article
// graph (load it with `npm run seed -- --neo4j`); skipped otherwise. NEO4J_TEST_USER,
// NEO4J_TEST_PASSWORD and NEO4J_TEST_DATABASE complete the connection.

import { describe, it } from 'vitest';
import { Neo4jStore } from '../../server/store/neo4j/neo4jStore.ts';
import { runGraphStoreSpec } from './_spec.ts';

const uri = process.env.NEO4J_TEST_URI;

function realNeo4j(readOnly: boolean) {
  const store = new Neo4jStore({
    uri: uri!,
    user: process.env.NEO4J_TEST_USER ?? 'neo4j',
    password: process.env.NEO4J_TEST_PASSWORD,
    ...(process.env.NEO4J_TEST_DATABASE ? { database: process.env.NEO4J_TEST_DATABASE } : {}),
    readOnly,
    defaultTimeoutMs: 30_000,
  });
  return store.verify().then(() => ({ store, dispose: () => store.close() }));
}

if (uri) {
  runGraphStoreSpec(`real Neo4j at ${uri}`, {
    dialect: 'neo4j',
    makeStore: () => realNeo4j(false),
    makeReadOnlyStore: () => realNeo4j(true),
  });
} else {
  describe('GraphStore contract: real Neo4j', () => {
    it.skip('runs only when NEO4J_TEST_URI is set', () => undefined);
  });
}
