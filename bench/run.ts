// npm run bench [-- --data-dir DIR] [-- --smoke]
// Measures Lagebild's API on a big database beside the raw engine, the naive getAll() path
// and under concurrent load, then a load with writes on a fresh article graph (bench/lib/writeLoad.ts);
// writes bench/results/<time>-<mode>.json and prints a table.
// --smoke generates, imports and measures a small graph in well under two minutes (for CI).

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { readArticleModel } from '../scripts/generator/articleModel.ts';
import { generateGraph } from '../scripts/generator/syntheticGraph.ts';
import { runImport } from '../server/cli/import.ts';
import { expandCase, largeResultCase, schemaCase, searchCase, type CaseResult } from './lib/cases.ts';
import { closeClient, requestOk } from './lib/httpClient.ts';
import { runLoad, type LoadRequest, type LoadResult } from './lib/load.ts';
import { runWriteLoad } from './lib/writeLoad.ts';
import { RawEngine } from './lib/rawEngine.ts';
import { buildClient } from '../scripts/buildClient.ts';
import { explorerTable, runExplorerBench, type ExplorerBenchResult } from './browser/explorerBench.ts';
import { renderBenchOptions, renderTable, runRenderBench, type RenderResult } from './browser/renderBench.ts';
import { startServer } from './lib/serverProcess.ts';
import { chooseWorkload, type Workload } from './lib/workload.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const argsSchema = z
  .object({
    smoke: z.boolean().default(false),
    'data-dir': z.string().optional(),
    seconds: z.coerce.number().positive().optional(),
    clients: z.coerce.number().int().positive().default(32),
    runs: z.coerce.number().int().positive().optional(),
    /** Seconds of the load with writes on a fresh article graph (0 skips it). */
    'write-load-seconds': z.coerce.number().min(0).optional(),
    'write-load-clients': z.coerce.number().int().positive().optional(),
    /** Skip the headless-Chromium rendering part. */
    'no-browser': z.boolean().default(false),
  })
  .strict();

function parseArgs(argv: string[]) {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--'))
      throw new Error(`Unexpected argument "${arg}"; options look like --data-dir DIR.`);
    const key = arg.slice(2);
    if (key === 'smoke' || key === 'no-browser') raw[key] = true;
    else raw[key] = argv[++i] ?? '';
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `Invalid option: ${parsed.error.issues[0]!.path.join('.')} ${parsed.error.issues[0]!.message}`,
    );
  return parsed.data;
}

/** Smoke mode: a small generated graph, imported with the real import. */
async function prepareSmokeDatabase(dir: string) {
  const model = readArticleModel(path.join(ROOT, 'cypher'));
  const nodes: string[] = [];
  const relationships: string[] = [];
  generateGraph(
    model,
    { nodes: 20_000, relationships: 100_000, seed: 1 },
    {
      nodes: { write: (t) => nodes.push(t) },
      relationships: { write: (t) => relationships.push(t) },
    },
  );
  writeFileSync(path.join(dir, 'nodes.csv'), nodes.join(''));
  writeFileSync(path.join(dir, 'relationships.csv'), relationships.join(''));
  const dataDir = path.join(dir, 'data');
  const report = await runImport({
    nodesFile: path.join(dir, 'nodes.csv'),
    relationshipsFile: path.join(dir, 'relationships.csv'),
    dataDir,
  });
  return { dataDir, import: report };
}

function loadMix(workload: Workload): (client: number, n: number) => LoadRequest {
  return (client, n) => {
    const k = (client * 7919 + n * 104_729) % 100;
    if (k < 35) {
      const node = workload.typical[(client + n) % workload.typical.length]!;
      return { kind: 'expand', path: `/api/nodes/${node.id}/neighbors?limit=100` };
    }
    if (k < 40) {
      const node = workload.hubs[(client + n) % workload.hubs.length]!;
      return { kind: 'expand hub', path: `/api/nodes/${node.id}/neighbors?limit=100` };
    }
    if (k < 70) {
      const term = workload.searchTerms[(client * 3 + n) % workload.searchTerms.length]!;
      return { kind: 'search', path: `/api/search?q=${encodeURIComponent(term)}&limit=20` };
    }
    const node = workload.typical[(client * 5 + n) % workload.typical.length]!;
    return {
      kind: 'query',
      path: '/api/query',
      body: {
        cypher: `MATCH (n:\`${workload.bigLabel}\`)-[r]-(m) WHERE n.uid = $uid RETURN n, r, m LIMIT 25`,
        params: { uid: node.uid },
      },
    };
  };
}

/** Says on stderr which part runs now: a full run takes a quarter of an hour and prints its table at the end. */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  console.error(`  ${what} …`);
  const result = await run();
  console.error(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const fmt = (v: number, unit: string) =>
  unit === 'rows/s' ? `${Math.round(v).toLocaleString('en')} rows/s` : `${v.toFixed(2)} ms`;

/** The README table: one line per case, Lagebild beside its reference. */
function table(cases: CaseResult[], load: LoadResult): string {
  const lines = [
    '| case | Lagebild p50 | Lagebild p99 | reference | reference p50 | ratio |',
    '|---|---:|---:|---|---:|---:|',
  ];
  for (const c of cases) {
    const p99 = c.lagebild.p99 === undefined ? '' : fmt(c.lagebild.p99, c.unit);
    lines.push(
      `| ${c.name} | ${fmt(c.lagebild.p50, c.unit)} | ${p99} | ${c.reference.name} | ${fmt(c.reference.p50, c.unit)} | ${c.ratio.toFixed(2)} |`,
    );
  }
  for (const c of cases) {
    const first = (c.extra as { firstExpansionMs?: number[] } | undefined)?.firstExpansionMs;
    if (first?.length)
      lines.push(
        `\n${c.name}: first expansion of each node (a big node's counts are then kept until a write; hubs of 10,000 or more were counted ahead): ${first.map((ms) => `${ms} ms`).join(', ')}.`,
      );
  }
  lines.push('');
  lines.push(
    `Concurrent load: ${load.clients} clients for ${load.seconds} s: ${load.requestsPerSecond} requests/s, p50 ${load.all.p50} ms, p99 ${load.all.p99} ms, errors ${load.errors} (${load.requests} requests).`,
  );
  for (const [kind, l] of Object.entries(load.byKind))
    lines.push(`- ${kind}: p50 ${l.p50} ms, p99 ${l.p99} ms (${l.runs})`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const smoke = args.smoke;
  const runs = args.runs ?? (smoke ? 20 : 200);
  const seconds = args.seconds ?? (smoke ? 3 : 60);
  const started = Date.now();
  // Other work on the machine skews every figure; the results record how busy it was.
  const loadBefore = os.loadavg()[0]!;
  let tempDir: string | undefined;
  let dataDir = args['data-dir'] ?? process.env.DATA_DIR;
  let importReport: unknown;
  if (smoke && !args['data-dir']) {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'lagebild-bench-'));
    const prepared = await prepareSmokeDatabase(tempDir);
    dataDir = prepared.dataDir;
    importReport = prepared.import;
  }
  if (!dataDir || !existsSync(path.join(dataDir, 'lagebild.lbug')))
    throw new Error(
      'Give the database to measure: --data-dir DIR (holding lagebild.lbug, e.g. from npm run import), or --smoke.',
    );

  const browserParts = !args['no-browser'] && existsSync('/usr/bin/chromium');
  // The explorer part drives the server's own client, built from the current sources.
  if (browserParts) await buildClient();
  const serverStarted = performance.now();
  const server = await startServer({
    DATA_DIR: dataDir,
    READ_ONLY: 'true',
    // No Bolt endpoint: the benchmark measures HTTP, and 7687 may be taken.
    BOLT_PORT: '0',
    MAX_ROWS: '200000',
    QUERY_TIMEOUT_MS: '120000',
  });
  let raw: RawEngine | undefined;
  try {
    await requestOk(server.url, '/api/health');
    const serverStartMs = Math.round(performance.now() - serverStarted);
    // Search answers from memory once the index is built (in the background after start on a
    // big graph, after the first search on a small one).
    await requestOk(server.url, '/api/search?q=a&limit=1');
    const health = async () => JSON.parse((await requestOk(server.url, '/api/health')).body);
    while ((await health()).searchIndex === 'building')
      await new Promise((resolve) => setTimeout(resolve, 200));
    const searchIndexReadyMs = Math.round(performance.now() - serverStarted);
    // Then the hubs are counted ahead (hubCounts.ts): the hub case's first expansions come after.
    while ((await health()).hubCounts === 'counting')
      await new Promise((resolve) => setTimeout(resolve, 200));
    const hubCountsReadyMs = Math.round(performance.now() - serverStarted);
    // A const of its own: the closures below cannot see `raw` narrowed.
    const engine = await RawEngine.open(path.join(dataDir, 'lagebild.lbug'));
    raw = engine;
    const workload = await chooseWorkload(engine);
    console.error(
      `Measuring ${dataDir}: hubs ${workload.hubs.map((h) => `${h.uid} (${h.degree})`).join(', ')}; ${runs} runs per case, load ${seconds} s.`,
    );
    const cases: CaseResult[] = [];
    cases.push(
      await step('expand (ordinary nodes)', () =>
        expandCase(server.url, engine, '1-hop expand, budget 100 (ordinary node)', workload.typical, runs),
      ),
    );
    cases.push(
      await step('expand (hubs)', () =>
        expandCase(
          server.url,
          engine,
          '1-hop expand, budget 100 (hub)',
          workload.hubs,
          Math.max(10, runs / 4),
        ),
      ),
    );
    cases.push(await step('search', () => searchCase(server.url, engine, workload.searchTerms, runs)));
    const bigRuns = smoke ? 3 : 7;
    for (const returnNodes of [false, true])
      cases.push(
        ...(await step(`100,000-row result (${returnNodes ? 'nodes' : 'scalar columns'})`, () =>
          largeResultCase(server.url, engine, workload, { rows: 100_000, runs: bigRuns, returnNodes }),
        )),
      );
    cases.push(await step('schema', () => schemaCase(server.url, engine, runs)));
    const load = await step(`concurrent load, ${args.clients} clients`, () =>
      runLoad(server.url, { clients: args.clients, seconds, next: loadMix(workload) }),
    );
    let rendering: RenderResult[] = [];
    let explorer: ExplorerBenchResult | undefined;
    if (browserParts)
      explorer = await step('the explorer in Chromium', () =>
        runExplorerBench(server.url, {
          hubUid: workload.hubs[0]!.uid,
          // About 10,000 elements on the 1M graph: more than the display cap, drawn in steps.
          bigQuery: `MATCH (a:\`${workload.bigLabel}\`)-[r]->(b) RETURN a, r, b LIMIT 6700`,
          dragSeconds: smoke ? 1 : 3,
        }),
      );
    if (browserParts)
      rendering = await step('canvases in Chromium', () =>
        runRenderBench({
          ...renderBenchOptions(smoke),
          onCase: (line) => console.error(`    ${line}`),
        }),
      );

    const writeLoadSeconds = args['write-load-seconds'] ?? (smoke ? 5 : 300);
    const writeLoad =
      writeLoadSeconds > 0
        ? await step('load with writes', () =>
            runWriteLoad({
              seconds: writeLoadSeconds,
              clients: args['write-load-clients'] ?? (smoke ? 16 : 64),
              writeShare: 0.2,
            }),
          )
        : undefined;

    const result = {
      mode: smoke ? 'smoke' : 'full',
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      dataDir,
      serverStartMs,
      loadAverage: { before: loadBefore, after: os.loadavg()[0] },
      searchIndexReadyMs,
      hubCountsReadyMs,
      import: importReport,
      workload: {
        hubs: workload.hubs,
        typical: workload.typical.length,
        searchTerms: workload.searchTerms.length,
        bigLabel: workload.bigLabel,
      },
      cases,
      load,
      writeLoad,
      rendering,
      explorer,
      durationS: Math.round((Date.now() - started) / 1000),
    };
    const resultsDir = path.join(ROOT, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(
      resultsDir,
      `${result.date.replaceAll(':', '-').slice(0, 19)}-${result.mode}.json`,
    );
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(table(cases, load));
    if (writeLoad)
      console.log(
        `\nLoad with writes (fresh article graph, 20 % writes): ${writeLoad.clients} clients for ${writeLoad.seconds} s: ${writeLoad.requestsPerSecond} requests/s, p50 ${writeLoad.p50Ms} ms, p99 ${writeLoad.p99Ms} ms, errors ${writeLoad.errors}, writes acknowledged ${writeLoad.writesAcknowledged}, lost ${writeLoad.writesLost}, server RSS ${writeLoad.rssMb.first} → ${writeLoad.rssMb.last} MB (max ${writeLoad.rssMb.max}).`,
      );
    if (explorer)
      console.log(`\nThe explorer in headless Chromium on this database:\n${explorerTable(explorer)}`);
    if (rendering.length)
      console.log(
        `\nRendering in headless Chromium (1280x800, no GPU; WebGL in software):\n${renderTable(rendering)}`,
      );
    console.log(
      `\nServer start (open + schema): ${serverStartMs} ms; search index ready after ${searchIndexReadyMs} ms, hubs counted after ${hubCountsReadyMs} ms. Load average (1 min) before/after: ${loadBefore.toFixed(1)}/${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores.\nResults: ${path.relative(ROOT, file)} (${result.durationS} s)`,
    );
    if (load.errors > 0) {
      console.error(`Errors under load: ${load.firstErrors.join('\n')}`);
      process.exitCode = 1;
    }
    if (writeLoad && (writeLoad.errors > 0 || writeLoad.writesLost > 0)) {
      console.error(
        `Load with writes: ${writeLoad.errors} errors, ${writeLoad.writesLost} acknowledged writes lost. ${writeLoad.firstErrors.join('\n')}`,
      );
      process.exitCode = 1;
    }
  } finally {
    closeClient();
    await raw?.close();
    await server.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
