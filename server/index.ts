// Starts Lagebild: reads the configuration, opens the database (loading the article graph
// on first start) or connects to Neo4j, serves the API and the explorer, serves the embedded
// database over Bolt, and shuts down cleanly on SIGTERM/SIGINT.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { auditLocalWrite } from './audit/localWrites.ts';
import { ConfigError, loadConfig } from './config.ts';
import { answerClientErrors } from './http/clientErrors.ts';
import { assertSafeExposure, securityOptionsFrom } from './http/security.ts';
import { loadSavedQueries } from './savedQueries.ts';
import { prepareDataDir } from './dataDir.ts';
import { startBoltServer, type RunningBoltServer } from './bolt/boltServer.ts';
import { openEmbeddedStore, openNeo4jStore } from './store/openStore.ts';
import type { GraphStore } from './store/types.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (entry: Record<string, unknown>) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  assertSafeExposure(config);
  let store: GraphStore;
  if (config.NEO4J_URI) {
    const neo4jStore = openNeo4jStore(config);
    store = neo4jStore;
    // Serve at once; /api/health says what is wrong until Neo4j answers.
    void neo4jStore
      .waitUntilReachable({
        onRetry: (message, delayMs) =>
          log({ level: 'error', msg: `${message} Retrying in ${Math.round(delayMs / 1000)} s.` }),
      })
      .then(
        () => log({ level: 'info', msg: `connected to Neo4j at ${config.NEO4J_URI}` }),
        // Only a shutdown ends the waiting early.
        () => undefined,
      );
  } else {
    prepareDataDir(config.DATA_DIR, { readOnly: config.READ_ONLY });
    const openedAt = performance.now();
    const opened = await openEmbeddedStore(config, path.join(root, 'cypher'));
    store = opened.store;
    if (opened.seeded)
      auditLocalWrite(log, {
        via: 'startup',
        outcome: 'committed',
        description: `loaded the article graph (cypher/) into the empty database in ${config.DATA_DIR}`,
        elapsedMs: performance.now() - openedAt,
      });
  }
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  const clientDir = path.join(root, 'client', 'dist');
  const app = createApp({
    store,
    savedQueries: await loadSavedQueries(path.join(root, 'cypher', 'queries')),
    version,
    maxRows: config.MAX_ROWS,
    timeoutMs: config.QUERY_TIMEOUT_MS,
    clientDir,
    log,
    security: securityOptionsFrom(config),
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    log({
      level: 'info',
      msg: `Lagebild listening on http://${config.HOST}:${port}/`,
      backend: store.backend,
      readOnly: store.readOnly,
    });
  });
  answerClientErrors(server);
  server.on('error', (error) => {
    console.error(`Cannot listen on ${config.HOST}:${config.PORT}: ${error.message}`);
    process.exit(1);
  });

  let bolt: RunningBoltServer | undefined;
  if (config.BOLT_PORT !== 0 && !config.NEO4J_URI) {
    bolt = await startBoltServer({
      store,
      host: config.HOST,
      port: config.BOLT_PORT,
      ...(config.BOLT_PASSWORD ? { password: config.BOLT_PASSWORD } : {}),
      timeoutMs: config.QUERY_TIMEOUT_MS,
      version,
      log,
    }).catch((error: unknown) => {
      console.error(
        `Cannot serve Bolt on ${config.HOST}:${config.BOLT_PORT}: ${error instanceof Error ? error.message : String(error)}. Choose another BOLT_PORT, or BOLT_PORT=0 to turn Bolt off.`,
      );
      process.exit(1);
    });
    const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
    log({
      level: 'info',
      msg: `Bolt endpoint for Neo4j drivers on bolt://${host}:${bolt.port} and neo4j://${host}:${bolt.port}`,
      auth: config.BOLT_PASSWORD ? 'basic (BOLT_PASSWORD)' : 'none',
    });
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ level: 'info', msg: `${signal}: finishing requests in flight, then closing the database` });
    server.close(async () => {
      await bolt?.close();
      store.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`Lagebild could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
