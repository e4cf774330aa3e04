// Runs one export: checks the request and prepares its source (so that a bad query or an
// unknown start node is a 4xx before the first byte), then streams it through a writer.

import { exportFileName } from './fileName.ts';
import type { Writable } from 'node:stream';
import type { GraphStore, Value } from '../store/types.ts';
import { schemaFromCatalog, schemaFromElements } from './exportSchema.ts';
import { EXPORT_FORMATS } from './formats/index.ts';
import { exportLabels, resolveLabelScope } from './labelScope.ts';
import type { ExportRequest } from './request.schema.ts';
import {
  elementsToExport,
  exportElements,
  exportNeighbourhood,
  exportQuery,
  openQuerySource,
  nodeKey,
  resolveStartNodes,
  type ExportProgress,
} from './sources.ts';
import type { ExportFormat, ExportHeader } from './types.ts';

export interface ExportJob {
  format: ExportFormat;
  /** Words saying what is exported, e.g. "neighbourhood of iran (depth 2)". */
  title: string;
  /** Short words for the file name, e.g. "neighbourhood-iran". */
  what: string;
  exportedAt: Date;
  /** A file name with what and when, e.g. "lagebild-query-2026-11-25-0412.graphml". */
  fileName: string;
  /** Writes the export to `out` and ends it. */
  run(out: Writable, options?: RunOptions): Promise<void>;
  /** Releases what prepare took (an open cursor) when the job is not run. */
  cancel(): Promise<void>;
}

export interface RunOptions {
  /** Stops the export (a client went away, the user cancelled). */
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

type Stream = (header: ExportHeader, out: Writable, options: RunOptions) => Promise<void>;

export interface PrepareOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Checks the scope against the database and returns a job ready to stream; throws 4xx errors. */
export async function prepareExport(
  store: GraphStore,
  request: ExportRequest,
  options: PrepareOptions = {},
): Promise<ExportJob> {
  const format = EXPORT_FORMATS[request.format];
  const exportedAt = new Date();
  const scope = request.scope;
  const make = (
    title: string,
    what: string,
    header: () => Promise<ExportHeader>,
    stream: Stream,
    cancel: () => Promise<void> = async () => undefined,
  ): ExportJob => ({
    format,
    title: request.title ?? title,
    what,
    exportedAt,
    fileName: exportFileName(request.title ?? what, exportedAt, format.extension),
    run: async (out, runOptions = {}) => stream(await header(), out, runOptions),
    cancel,
  });
  const catalogSchema = async () => schemaFromCatalog(await store.schema());

  if (scope.kind === 'elements') {
    const elements = elementsToExport(scope.nodes, scope.edges);
    const title = `${scope.what} (${elements.nodes.length} nodes, ${elements.edges.length} relationships)`;
    return make(
      title,
      scope.what,
      async () => ({
        title: request.title ?? title,
        exportedAt,
        schema: schemaFromElements(elements.nodes, elements.edges, await catalogSchema()),
      }),
      async (header, out, runOptions) => {
        const writer = format.create(out);
        await writer.begin(header);
        await exportElements(elements.nodes, elements.edges, { writer, ...runOptions });
        await writer.end();
      },
    );
  }

  if (scope.kind === 'query') {
    const source = await openQuerySource(
      store,
      { cypher: scope.cypher, params: (scope.params ?? {}) as Record<string, Value> },
      { signal: options.signal, timeoutMs: options.timeoutMs },
    );
    const title = `query ${scope.cypher.replace(/\s+/g, ' ').slice(0, 120)}`;
    return make(
      title,
      'query',
      async () => ({ title: request.title ?? title, exportedAt, schema: await catalogSchema() }),
      async (header, out, runOptions) => {
        const writer = format.create(out);
        await writer.begin(header);
        await exportQuery(store, source, { writer, ...runOptions });
        await writer.end();
      },
      async () => source.cursor?.close(),
    );
  }

  if (scope.kind === 'labels') {
    resolveLabelScope(await store.schema(), scope); // unknown names are a 400 before the first byte
    const named = [...(scope.labels ?? []), ...(scope.types ?? [])];
    const title = named.length ? `labels and types ${named.join(', ')}` : 'the whole graph';
    return make(
      title,
      named.length ? `labels-${named.slice(0, 3).join('-')}` : 'graph',
      async () => ({ title: request.title ?? title, exportedAt, schema: await catalogSchema() }),
      async (header, out, runOptions) => {
        const writer = format.create(out);
        await writer.begin(header);
        await exportLabels(store, scope, { writer, timeoutMs: options.timeoutMs, ...runOptions });
        await writer.end();
      },
    );
  }

  const start = await resolveStartNodes(store, scope.nodes);
  const names = start.slice(0, 3).map(nodeKey);
  const title = `neighbourhood of ${names.join(', ')}${start.length > 3 ? ` and ${start.length - 3} more` : ''} (depth ${scope.depth}${scope.types?.length ? `, ${scope.types.join('|')}` : ''})`;
  return make(
    title,
    `neighbourhood-${names[0]}`,
    async () => ({ title: request.title ?? title, exportedAt, schema: await catalogSchema() }),
    async (header, out, runOptions) => {
      const writer = format.create(out);
      await writer.begin(header);
      await exportNeighbourhood(
        store,
        start,
        { depth: scope.depth, types: scope.types },
        {
          writer,
          timeoutMs: options.timeoutMs,
          ...runOptions,
        },
      );
      await writer.end();
    },
  );
}
