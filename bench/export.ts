// Export throughput and peak memory on a synthetic graph (100k nodes, 300k relationships by
// default), one child process per format so that each peak RSS is its own, beside the naive
// way (read everything, JSON.stringify it). Run: npm run bench:export [-- --nodes 100000 --edges 300000]
// [--formats graphml@labels,...] [--cache-mb N] [--heap-mb N] [--repeat N]

import lbug from '@ladybugdb/core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { FORMAT_NAMES } from '../server/export/formats/index.ts';
import { exportRequestSchema } from '../server/export/request.schema.ts';
import { prepareExport } from '../server/export/runExport.ts';
import { collectGraph } from '../server/store/collectGraph.ts';
import { LadybugStore } from '../server/store/ladybug/ladybugStore.ts';
import { stringifyJson } from '../server/util/json.ts';

const QUERY = 'MATCH (a:Item)-[r:LINKS]->(b:Item) RETURN a, r, b';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    edges: { type: 'string', default: '300000' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'lagebild-bench-export') },
    child: { type: 'string' },
    /** The engine's page cache in MiB (CACHE_MB); the engine's default when absent. */
    'cache-mb': { type: 'string' },
    /** A cap on each child's V8 heap in MiB (--max-old-space-size), which makes it collect sooner. */
    'heap-mb': { type: 'string' },
    /** Comma-separated formats to measure (default: all, and JSON.stringify). */
    formats: { type: 'string' },
    /** Runs per format; the run with the median time is reported (the spread beside it). */
    repeat: { type: 'string', default: '1' },
  },
});
const nodes = Number(values.nodes);
const edges = Number(values.edges);
const dir = values.dir!;
const dbPath = path.join(dir, `synthetic-v3-${nodes}-${edges}.lbug`);

/** Creates the synthetic graph once, through COPY from CSV files (the engine's bulk path). */
async function setUp(): Promise<void> {
  if (existsSync(dbPath)) return;
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const nodeFile = path.join(dir, 'items.csv');
  const edgeFile = path.join(dir, 'links.csv');
  const nodeLines = ['uid,name,score,n'];
  for (let i = 0; i < nodes; i++)
    nodeLines.push(`item-${i},"Knoten Nr. ${i} – Größe ""groß""",${i * 0.5},${i}`);
  writeFileSync(nodeFile, `${nodeLines.join('\n')}\n`);
  const edgeLines = ['from,to,w,note'];
  for (let j = 0; j < edges; j++)
    edgeLines.push(
      // Each node gets three relationships to three different nodes, so neighbourhoods grow.
      `item-${j % nodes},item-${(j * 7 + 13 + Math.floor(j / nodes) * 31337) % nodes},${j / 10},"Kante <${j}> & mehr, mit Komma"`,
    );
  writeFileSync(edgeFile, `${edgeLines.join('\n')}\n`);
  // Straight through the engine: the store refuses COPY, which reads server files.
  const database = new lbug.Database(dbPath);
  const connection = new lbug.Connection(database);
  for (const statement of [
    'CREATE NODE TABLE Item(uid STRING PRIMARY KEY, name STRING, score DOUBLE, n INT64)',
    'CREATE REL TABLE LINKS(FROM Item TO Item, w DOUBLE, note STRING)',
    `COPY Item FROM '${nodeFile}' (header=true)`,
    `COPY LINKS FROM '${edgeFile}' (header=true)`,
  ])
    await connection.query(statement);
  await connection.close();
  await database.close();
  console.error(`created ${dbPath} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A sink that only counts bytes, so the numbers are the exporter's and not the disk's. */
class CountingSink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.bytes += chunk.length;
    done();
  }
}

/**
 * This process's peak RSS. Linux's maxRSS counts the parent's RSS at the fork that made this child
 * (after creating the test graph, that parent held 435 MB), VmHWM only this process's own pages.
 */
function peakRssMB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: fall back to maxRSS
  }
  return process.resourceUsage().maxRSS / 1024;
}

async function runChild(format: string): Promise<void> {
  const store = await LadybugStore.open({
    path: dbPath,
    readOnly: true,
    defaultTimeoutMs: 3_600_000,
    ...(values['cache-mb'] ? { bufferPoolBytes: Number(values['cache-mb']) * 2 ** 20 } : {}),
  });
  // A server builds its search index and counts its hubs once at start; here they would compete
  // with the export for the cores (the hub count is a scan of every relationship).
  await store.searchIndex.whenIdle();
  await store.hubCounts.whenIdle();
  // What the process holds before the export starts (mostly the engine's page cache, which the
  // search index build filled): the export's own memory is the peak above it.
  const baseRssMB = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  let bytes: number;
  let counts = { nodes: 0, edges: 0 };
  if (format === 'read only' || format === 'warm-up') {
    // The floor: the engine runs the query and every row is read and converted, nothing is kept or written.
    const cursor = await store.open(QUERY, {}, { readOnly: true });
    let rows = 0;
    for (let batch = await cursor.next(2000); batch.length > 0; batch = await cursor.next(2000))
      rows += batch.length;
    await cursor.close();
    bytes = 0;
    counts = { nodes: 0, edges: rows };
  } else if (format === 'JSON.stringify') {
    const result = await store.query(QUERY, {}, { readOnly: true });
    const graph = collectGraph(result.rows);
    bytes = Buffer.byteLength(stringifyJson(graph));
    counts = { nodes: graph.nodes.length, edges: graph.edges.length };
  } else {
    // "graphml@neighbourhood": the neighbourhood of one node to depth 10 instead of the query;
    // "graphml@labels": every node and relationship, read as columns (the labels scope).
    const [name, scopeName] = format.split('@');
    const scope =
      scopeName === 'neighbourhood'
        ? { kind: 'neighbourhood', nodes: ['item-0'], depth: 10 }
        : scopeName === 'labels'
          ? { kind: 'labels' }
          : { kind: 'query', cypher: QUERY };
    const request = exportRequestSchema.parse({ format: name, scope });
    const job = await prepareExport(store, request, { timeoutMs: 3_600_000 });
    const sink = new CountingSink();
    await job.run(sink, { onProgress: (p) => (counts = { nodes: p.nodes, edges: p.edges }) });
    bytes = sink.bytes;
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  const maxRssMB = peakRssMB();
  console.log(
    JSON.stringify({
      format,
      ...counts,
      MB: bytes / 1e6,
      seconds,
      MBps: bytes / 1e6 / seconds,
      baseRssMB,
      maxRssMB,
    }),
  );
}

const repeat = Math.max(1, Math.floor(Number(values.repeat)) || 1);

/** One child process measuring `args`; a failure (a small --cache-mb, say) is a row too. */
function runOnce(args: string[]): Record<string, unknown> {
  try {
    const heapCap = values['heap-mb'] ? [`--max-old-space-size=${Number(values['heap-mb'])}`] : [];
    const output = execFileSync(
      process.execPath,
      [...heapCap, ...process.execArgv, process.argv[1]!, ...args],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return JSON.parse(output.trim().split('\n').pop()!) as Record<string, unknown>;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? error);
    return { format: args.at(-1), failed: (/(\w*Error: .*)/.exec(stderr)?.[1] ?? stderr).slice(0, 160) };
  }
}

/** The run with the median time; a failed run counts as the slowest. */
function medianRun(runs: Record<string, unknown>[]): Record<string, unknown> {
  const seconds = (r: Record<string, unknown>) => (r.failed ? Infinity : Number(r.seconds));
  const sorted = [...runs].sort((a, b) => seconds(a) - seconds(b));
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]! };
}

async function main(): Promise<void> {
  if (values.child) return runChild(values.child);
  await setUp();
  const rows: Record<string, unknown>[] = [];
  // The first run warms the file cache; it is not reported.
  const only = values.formats?.split(',');
  for (const format of ['warm-up', 'read only', ...(only ?? [...FORMAT_NAMES, 'JSON.stringify'])]) {
    const args = ['--nodes', String(nodes), '--edges', String(edges), '--dir', dir, '--child', format];
    if (values['cache-mb']) args.push('--cache-mb', values['cache-mb']);
    const runs: Record<string, unknown>[] = [];
    // The warm-up and the floor are read once; the formats `repeat` times.
    const times = format === 'warm-up' || format === 'read only' ? 1 : repeat;
    for (let run = 0; run < times; run++) runs.push(runOnce(args));
    const row = medianRun(runs);
    if (runs.length > 1 && !row.failed)
      row.spread = runs.map((r) => (r.failed ? 'failed' : Number(r.MBps).toFixed(1))).join('/');
    console.error(JSON.stringify(row));
    if (format !== 'warm-up') rows.push(row);
  }
  console.log(
    `Export of "${QUERY}" on ${nodes} nodes / ${edges} relationships (node ${process.version}, ${os.cpus().length} cores` +
      `${values['cache-mb'] ? `, CACHE_MB ${values['cache-mb']}` : ''}${values['heap-mb'] ? `, heap cap ${values['heap-mb']} MiB` : ''})`,
  );
  console.log('| format | nodes | edges | MB | s | MB/s | RSS before MB | peak RSS MB | MB/s of each run |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const n = (v: unknown, digits = 1) => Number(v).toFixed(digits);
  for (const r of rows)
    if (r.failed) console.log(`| ${r.format} | failed: ${String(r.failed)} |`);
    else
      console.log(
        `| ${r.format} | ${r.nodes} | ${r.edges} | ${n(r.MB)} | ${n(r.seconds)} | ${n(r.MBps)} | ${n(r.baseRssMB, 0)} | ${n(r.maxRssMB, 0)} | ${String(r.spread ?? '')} |`,
      );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
