// Command line export: the same formats and scopes as POST /api/export, written to a file with
// a progress bar on a terminal. Opens the embedded database read-only.
//
//   npm run export -- --format graphml --query "MATCH (n)-[r]->(m) RETURN n, r, m" --out graph.graphml
//   npm run export -- --format gexf --node nordkorea --depth 2 --types SUPPORTS,SUPPLIES
//   npm run export -- --format graphml --labels Country,Person   (or --all: the whole graph)

import { createWriteStream, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LagebildError } from '../errors.ts';
import { fromZod } from '../http/errorHandler.ts';
import { FORMAT_NAMES } from '../export/formats/index.ts';
import { exportRequestSchema, type ExportRequest } from '../export/request.schema.ts';
import { prepareExport } from '../export/runExport.ts';
import type { ExportProgress } from '../export/sources.ts';
import { LadybugStore } from '../store/ladybug/ladybugStore.ts';
import { configSchema } from '../config.ts';

const USAGE = `Usage: npm run export -- --format <${FORMAT_NAMES.join('|')}> <scope> [--out FILE] [--data-dir DIR]
Scope (one of):
  --query "MATCH ..."        the result of a read-only Cypher query (--params '{"x": 1}' for parameters)
  --node <uid or id> ...     the neighbourhood of these nodes (repeat --node), with
     --depth N               hops to follow (default 1) and
     --types A,B             only these relationship types
  --labels A,B               every node of these labels and the relationships among them
     --types A,B             only these relationship types
  --all                      the whole graph (every label and relationship type)
Options:
  --out FILE                 where to write (default: a name that says what and when, in this directory)
  --title TEXT               words for the file's title
  --data-dir DIR             the database directory (default: $DATA_DIR or ./data)
Environment:
  CACHE_MB                   the engine's page cache in MiB, as for the server (default: the engine's)`;

const cliSchema = z
  .object({
    format: z.enum(FORMAT_NAMES, { message: `--format must be one of ${FORMAT_NAMES.join(', ')}` }),
    query: z.string().optional(),
    params: z.string().optional(),
    node: z.array(z.string()).optional(),
    depth: z.coerce.number().int().min(0).max(10).optional(),
    types: z.string().optional(),
    labels: z.string().optional(),
    all: z.boolean().optional(),
    out: z.string().optional(),
    title: z.string().optional(),
    'data-dir': z.string().optional(),
  })
  .refine(
    (o) =>
      [Boolean(o.query), Boolean(o.node?.length), Boolean(o.labels), Boolean(o.all)].filter(Boolean)
        .length === 1,
    {
      message: 'give exactly one scope: --query, --node (one or more), --labels or --all',
    },
  );

const list = (text: string | undefined) =>
  text
    ? text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    : undefined;

/** Turns the command line into an export request, checked by the same schema as the HTTP API. */
export function requestFromArgs(argv: string[]): { request: ExportRequest; out?: string; dataDir: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string' },
      query: { type: 'string' },
      params: { type: 'string' },
      node: { type: 'string', multiple: true },
      depth: { type: 'string' },
      types: { type: 'string' },
      labels: { type: 'string' },
      all: { type: 'boolean' },
      out: { type: 'string' },
      title: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    strict: true,
  });
  const parsed = cliSchema.safeParse(values);
  if (!parsed.success) throw fromZod(parsed.error, 'options');
  const o = parsed.data;
  const types = list(o.types);
  const scope = o.query
    ? { kind: 'query', cypher: o.query, ...(o.params ? { params: JSON.parse(o.params) as unknown } : {}) }
    : o.labels || o.all
      ? { kind: 'labels', ...(o.labels ? { labels: list(o.labels) } : {}), ...(types ? { types } : {}) }
      : { kind: 'neighbourhood', nodes: o.node, depth: o.depth ?? 1, ...(types ? { types } : {}) };
  const request = exportRequestSchema.safeParse({
    format: o.format,
    scope,
    ...(o.title ? { title: o.title } : {}),
  });
  if (!request.success) throw fromZod(request.error, 'options');
  return { request: request.data, out: o.out, dataDir: o['data-dir'] ?? process.env.DATA_DIR ?? './data' };
}

/** One line on stderr, redrawn in place: a bar when the total is known, counts always. */
function progressLine(progress: ExportProgress, bytes: number): string {
  const mb = (bytes / 1e6).toFixed(1);
  const counts = `${progress.nodes.toLocaleString('en')} nodes, ${progress.edges.toLocaleString('en')} edges, ${mb} MB`;
  const bar = (done: number, total: number, what: string) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% ${what}  ${counts}`;
  };
  // Two phases: nodes while the result is read (rows of the known total), then the edges.
  if (progress.edgesTotal !== undefined) return bar(progress.edges, progress.edgesTotal, 'edges');
  if (progress.totalRows && progress.rowsRead !== undefined)
    return bar(progress.rowsRead, progress.totalRows, 'rows read');
  return counts;
}

/** The engine's page cache from CACHE_MB, checked as the server checks it; undefined when unset. */
export function cacheBytesFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  if (env.CACHE_MB === undefined || env.CACHE_MB === '') return undefined;
  const parsed = configSchema.shape.CACHE_MB.safeParse(env.CACHE_MB);
  if (!parsed.success)
    throw new LagebildError(
      'InvalidRequest',
      `CACHE_MB=${JSON.stringify(env.CACHE_MB)} ${parsed.error.issues[0]!.message}; unset it to let the engine choose.`,
    );
  return parsed.data === undefined ? undefined : parsed.data * 2 ** 20;
}

async function main(): Promise<void> {
  const { request, out, dataDir } = requestFromArgs(process.argv.slice(2));
  const bufferPoolBytes = cacheBytesFromEnv(process.env);
  const dbPath = path.resolve(dataDir, 'lagebild.lbug');
  if (!existsSync(dbPath))
    throw new LagebildError(
      'NotFound',
      `No database at ${dbPath}. Start Lagebild once (npm start) or pass --data-dir.`,
    );
  // No search index or hub counts ahead: an export needs neither, and they would share its cores.
  const store = await LadybugStore.open({
    path: dbPath,
    readOnly: true,
    defaultTimeoutMs: 60 * 60 * 1000,
    prepareForExplorer: false,
    ...(bufferPoolBytes ? { bufferPoolBytes } : {}),
  });
  try {
    const job = await prepareExport(store, request);
    const file = out ?? job.fileName;
    const stream = createWriteStream(file);
    const tty = process.stderr.isTTY;
    let last: ExportProgress = { nodes: 0, edges: 0 };
    const draw = () => tty && process.stderr.write(`\r\u001b[2K${progressLine(last, stream.bytesWritten)}`);
    const timer = setInterval(draw, 200);
    const started = performance.now();
    try {
      await job.run(stream, { onProgress: (p) => (last = p) });
    } finally {
      clearInterval(timer);
    }
    draw();
    if (tty) process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `Wrote ${file}: ${last.nodes} nodes, ${last.edges} edges, ${(stream.bytesWritten / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s.\n`,
    );
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `export: ${message}\n\n${error instanceof LagebildError && error.code === 'InvalidRequest' ? USAGE + '\n' : ''}`,
    );
    process.exit(1);
  });
}
