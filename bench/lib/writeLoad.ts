// Load with writes: a real Lagebild process on a fresh copy of the article graph, N concurrent
// clients for a while mixing reads (search, neighbours, small queries, schema) with a stream of
// writes. Reports p50/p99 per kind, errors, lost writes (every acknowledged write is read back at
// the end) and the server's RSS over time. Used by bench/load.ts and by npm run bench.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './serverProcess.ts';

export interface WriteLoadOptions {
  seconds: number;
  clients: number;
  /** Share of requests that write, 0..1. */
  writeShare: number;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

/** Every uid the load's writes left in the database, read in pages so no answer is cut at the row cap. */
async function readBackWrites(
  post: (cypher: string, params?: Record<string, unknown>) => Promise<Response>,
): Promise<Set<string>> {
  const found = new Set<string>();
  const page = 5000;
  for (let skip = 0; ; skip += page) {
    const response = await post(
      "MATCH (n:Country {name: 'load'})-[:SUPPORTS]->() RETURN n.uid ORDER BY n.uid SKIP $skip LIMIT $page",
      { skip, page },
    );
    const body = (await response.json()) as { rows?: string[][] };
    if (response.status !== 200 || !body.rows) throw new Error(`read-back answered ${response.status}`);
    for (const [uid] of body.rows) found.add(uid!);
    if (body.rows.length < page) return found;
  }
}

export type WriteLoadKind = 'search' | 'neighbors' | 'query' | 'schema' | 'write';

/** Runs the load and returns its summary; `errors` and `writesLost` must both be 0. */
export async function runWriteLoad(options: WriteLoadOptions) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lagebild-load-'));
  const server = await startServer({ BOLT_PORT: '0', DATA_DIR: dataDir });
  const { url } = server;
  const child = server.process;
  const post = (cypher: string, params: Record<string, unknown> = {}) =>
    fetch(`${url}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cypher, params }),
    });
  const ids = ((await (await post('MATCH (n) RETURN id(n) AS id')).json()) as { rows: string[][] }).rows.map(
    (r) => r[0]!,
  );
  const words = ['iran', 'russ', 'nord', 'nato', 'lawrow', 'korea', 'drohn', 'ukrain'];

  const latencies: Record<WriteLoadKind, number[]> = {
    search: [],
    neighbors: [],
    query: [],
    schema: [],
    write: [],
  };
  const errors: string[] = [];
  let errorCount = 0;
  const acknowledged: string[] = [];
  const rss: { second: number; mb: number }[] = [];
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const sampler = setInterval(() => {
    rss.push({ second: Math.round((performance.now() - started) / 1000), mb: rssMb(child.pid!) });
  }, 5000);
  rss.push({ second: 0, mb: rssMb(child.pid!) });

  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  async function client(index: number): Promise<void> {
    for (let seq = 0; performance.now() < deadline; seq++) {
      const roll = Math.random();
      const kind: WriteLoadKind =
        roll < options.writeShare
          ? 'write'
          : pick(['search', 'search', 'neighbors', 'neighbors', 'query', 'schema'] as WriteLoadKind[]);
      const uid = `load-${index}-${seq}`;
      const begin = performance.now();
      try {
        const response =
          kind === 'write'
            ? await post(
                `MATCH (t:Country {uid: 'iran'}) CREATE (n:Country {uid: $uid, name: 'load'})-[:SUPPORTS {sentence: $uid}]->(t)`,
                { uid },
              )
            : kind === 'search'
              ? await fetch(`${url}/api/search?q=${pick(words)}`)
              : kind === 'neighbors'
                ? await fetch(`${url}/api/nodes/${encodeURIComponent(pick(ids))}/neighbors?limit=25`)
                : kind === 'schema'
                  ? await fetch(`${url}/api/schema`)
                  : await post('MATCH (a:Country)-[r]->(b) RETURN a.name, label(r), b.name LIMIT 50');
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${kind} answered ${response.status}`);
        latencies[kind].push(performance.now() - begin);
        if (kind === 'write') acknowledged.push(uid);
      } catch (error) {
        errorCount++;
        if (errors.length < 10) errors.push(String(error));
      }
    }
  }
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  clearInterval(sampler);
  rss.push({ second: Math.round((performance.now() - started) / 1000), mb: rssMb(child.pid!) });

  const found = await readBackWrites(post);
  const lost = acknowledged.filter((uid) => !found.has(uid));
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const all = Object.values(latencies)
    .flat()
    .sort((a, b) => a - b);
  const summary = {
    when: new Date().toISOString(),
    seconds: options.seconds,
    clients: options.clients,
    cpus: os.availableParallelism(),
    requests: all.length + errorCount,
    requestsPerSecond: Math.round(all.length / options.seconds),
    p50Ms: Math.round(percentile(all, 50) * 10) / 10,
    p99Ms: Math.round(percentile(all, 99) * 10) / 10,
    perKind: Object.fromEntries(
      Object.entries(latencies).map(([kind, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return [
          kind,
          {
            count: list.length,
            p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
            p99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
          },
        ];
      }),
    ),
    errors: errorCount,
    firstErrors: errors,
    writesAcknowledged: acknowledged.length,
    writesLost: lost.length,
    rssMb: { first: rss[0]?.mb, max: Math.max(...rss.map((r) => r.mb)), last: rss.at(-1)?.mb, samples: rss },
  };
  return summary;
}
