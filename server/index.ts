// Starts Lagebild: reads the configuration, opens the database (loading the article graph
// on first start), serves the API and the explorer, and shuts down cleanly on SIGTERM/SIGINT.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { loadSavedQueries } from './savedQueries.ts';
import { openEmbeddedStore } from './store/openStore.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (entry: Record<string, unknown>) =>
  console.log(JSON.stringify({ time: new Date().toISOString(), ...entry }));

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  const { store, seeded } = await openEmbeddedStore(config, path.join(root, 'cypher'));
  if (seeded)
    log({ level: 'info', msg: 'loaded the article graph into the empty database', dataDir: config.DATA_DIR });
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
  server.on('error', (error) => {
    console.error(`Cannot listen on ${config.HOST}:${config.PORT}: ${error.message}`);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ level: 'info', msg: `${signal}: finishing requests in flight, then closing the database` });
    server.close(() => {
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
