// `npm run seed` loads the article graph into an empty database; `npm run seed -- --reset`
// deletes the embedded database first and rebuilds it on purpose; `npm run seed -- --neo4j` loads
// it into the empty Neo4j that NEO4J_URI (or --neo4j-uri) names. Other flags are the server's
// configuration (--data-dir, ...).

import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditLocalWrite, stderrLog } from '../audit/localWrites.ts';
import type { LogSink } from '../audit/writeAudit.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { LagebildError } from '../errors.ts';
import { seed, seedIfEmpty } from '../seed.ts';
import { embeddedDatabasePath, openEmbeddedStore, openNeo4jStore } from '../store/openStore.ts';

const cypherDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cypher');

/**
 * Runs `npm run seed` with these arguments; returns the report line. A load (or a failed attempt)
 * is written to `options.log` as one audit line (server/audit/writeAudit.ts).
 */
export async function runSeed(
  argv: string[],
  env: NodeJS.ProcessEnv,
  options: { log?: LogSink } = {},
): Promise<string> {
  const started = performance.now();
  const audit = (outcome: 'committed' | 'failed', description: string, error?: unknown) =>
    auditLocalWrite(options.log ?? (() => undefined), {
      via: 'cli',
      outcome,
      description,
      elapsedMs: performance.now() - started,
      error: error === undefined ? undefined : error instanceof LagebildError ? error.code : 'Internal',
    });
  try {
    const report = await seedWith(argv, env);
    if (report.loaded) audit('committed', `npm run seed: ${report.message}`);
    return report.message;
  } catch (error) {
    if (!(error instanceof ConfigError)) audit('failed', `npm run seed ${argv.join(' ')}`.trim(), error);
    throw error;
  }
}

async function seedWith(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ message: string; loaded: boolean }> {
  const reset = argv.includes('--reset');
  const neo4j = argv.includes('--neo4j');
  const config = loadConfig(
    env,
    argv.filter((arg) => arg !== '--reset' && arg !== '--neo4j'),
  );
  if (config.READ_ONLY) throw new ConfigError('Cannot seed with READ_ONLY=true; unset it for this command.');
  if (neo4j) {
    if (reset)
      throw new ConfigError(
        '--reset rebuilds the embedded database only; empty a Neo4j database with its own tools.',
      );
    return seedNeo4j(config);
  }
  const dbPath = embeddedDatabasePath(config);
  if (reset) await rm(dbPath, { recursive: true, force: true });
  const { store, seeded } = await openEmbeddedStore(config, cypherDir);
  try {
    if (!seeded && !(await seedIfEmpty(store, cypherDir))) {
      return {
        message: `The database at ${dbPath} already holds data; nothing was loaded. Use --reset to rebuild it.`,
        loaded: false,
      };
    }
    const schema = await store.schema();
    const nodes = schema.labels.reduce((sum, l) => sum + l.count, 0);
    const edges = schema.relationshipTypes.reduce((sum, t) => sum + t.count, 0);
    return {
      message: `Loaded the article graph into ${dbPath}: ${nodes} nodes, ${edges} relationships.`,
      loaded: true,
    };
  } finally {
    await store.close();
  }
}

/** Loads the article graph (constraints.neo4j.cypher, then cypher/data) into an empty Neo4j. */
async function seedNeo4j(
  config: ReturnType<typeof loadConfig>,
): Promise<{ message: string; loaded: boolean }> {
  if (!config.NEO4J_URI)
    throw new ConfigError('--neo4j needs NEO4J_URI (or --neo4j-uri), with NEO4J_USER and NEO4J_PASSWORD.');
  const store = openNeo4jStore(config);
  try {
    await store.verify();
    if (!(await store.isEmpty()))
      return {
        message: `Neo4j at ${config.NEO4J_URI} already holds data; nothing was loaded. Load the article graph into an empty database.`,
        loaded: false,
      };
    await seed(store, cypherDir);
    const [[nodes, edges]] = (
      await store.query('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n), count(r)')
    ).rows as [[number, number]];
    return {
      message: `Loaded the article graph into Neo4j at ${config.NEO4J_URI}: ${nodes} nodes, ${edges} relationships.`,
      loaded: true,
    };
  } finally {
    await store.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runSeed(process.argv.slice(2), process.env, { log: stderrLog }).then(
    (message) => console.log(message),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
