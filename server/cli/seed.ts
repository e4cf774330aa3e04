// `npm run seed` loads the article graph into an empty database; `npm run seed -- --reset`
// deletes the embedded database first and rebuilds it on purpose. Other flags are the server's
// configuration (--data-dir, ...).

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config.ts';
import { seedIfEmpty } from '../seed.ts';
import { embeddedDatabasePath, openEmbeddedStore } from '../store/openStore.ts';

const cypherDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');

export async function runSeed(argv: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const reset = argv.includes('--reset');
  const config = loadConfig(
    env,
    argv.filter((arg) => arg !== '--reset'),
  );
  if (config.READ_ONLY) throw new ConfigError('Cannot seed with READ_ONLY=true; unset it for this command.');
  const dbPath = embeddedDatabasePath(config);
  if (reset) await rm(dbPath, { recursive: true, force: true });
  const { store, seeded } = await openEmbeddedStore(config, cypherDir);
  try {
    if (!seeded && !(await seedIfEmpty(store, cypherDir))) {
      return `The database at ${dbPath} already holds data; nothing was loaded. Use --reset to rebuild it.`;
    }
    const schema = await store.schema();
    const nodes = schema.labels.reduce((sum, l) => sum + l.count, 0);
    const edges = schema.relationshipTypes.reduce((sum, t) => sum + t.count, 0);
    return `Loaded the article graph into ${dbPath}: ${nodes} nodes, ${edges} relationships.`;
  } finally {
    await store.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runSeed(process.argv.slice(2), process.env).then(
    (message) => console.log(message),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
