// The explorer's side of export and import, free of any UI framework and of cytoscape:
// build a request for a scope, download it with progress and cancel, save it under the name
// the server chose (what and when), and send a dropped file to POST /api/import.

import { authorizedFetch } from '../api/auth.ts';
import { exportFileName } from '../../../server/export/fileName.ts';
import type { ElementEdge, ElementNode, ExportRequest } from '../../../server/export/request.schema.ts';

export type { ExportRequest };
export type ExportFormatName = ExportRequest['format'];

/** Formats with the words a menu shows for them. */
export const EXPORT_FORMATS: { format: ExportFormatName; label: string; opensIn: string }[] = [
  { format: 'lagebild-json', label: 'Lagebild JSON', opensIn: 'Lagebild (drag it back onto the canvas)' },
  { format: 'graphml', label: 'GraphML', opensIn: 'yEd, Gephi, Cytoscape, networkx, igraph' },
  { format: 'gexf', label: 'GEXF 1.3', opensIn: 'Gephi' },
  { format: 'cytoscape-json', label: 'Cytoscape JSON', opensIn: 'Cytoscape desktop, cytoscape.js' },
  { format: 'csv', label: 'CSV (neo4j-admin, zip)', opensIn: 'neo4j-admin database import, spreadsheets' },
  { format: 'cypher', label: 'Cypher script', opensIn: 'Lagebild, Neo4j (cypher-shell)' },
];

/** A canvas element in the API's shape, with what the canvas adds (position, style). */
export type CanvasNode = ElementNode;
export type CanvasEdge = ElementEdge;

/** Everything on the canvas, or only the selection (`what` names the file accordingly). */
export function elementsRequest(
  format: ExportFormatName,
  elements: { nodes: CanvasNode[]; edges: CanvasEdge[] },
  what: 'canvas' | 'selection',
): ExportRequest {
  return { format, scope: { kind: 'elements', what, nodes: elements.nodes, edges: elements.edges } };
}

/** The full result of a query, computed on the server (not only what the canvas shows). */
export function queryRequest(
  format: ExportFormatName,
  cypher: string,
  params?: Record<string, unknown>,
): ExportRequest {
  return { format, scope: { kind: 'query', cypher, ...(params ? { params } : {}) } };
}

/** The neighbourhood of the selected nodes (ids or uids) to `depth`, optionally along some types only. */
export function neighbourhoodRequest(
  format: ExportFormatName,
  nodeIds: string[],
  depth: number,
  types?: string[],
): ExportRequest {
  return {
    format,
    scope: { kind: 'neighbourhood', nodes: nodeIds, depth, ...(types?.length ? { types } : {}) },
  };
}

/** Every node of these labels (all when empty) and the relationships among them (of these types). */
export function labelsRequest(format: ExportFormatName, labels: string[], types: string[]): ExportRequest {
  return {
    format,
    scope: { kind: 'labels', ...(labels.length ? { labels } : {}), ...(types.length ? { types } : {}) },
  };
}

/** Progress of a download: bytes so far (the server streams, so the total is not known in advance). */
export interface ExportProgress {
  receivedBytes: number;
}

/** An error the server reported, with its code and its message for the user. */
export class ExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

export interface DownloadOptions {
  /** Server origin; same origin when absent. */
  baseUrl?: string;
  /** Abort it to cancel: the server stops the export when the connection closes. */
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

/** JSON text in which bigints (exact integers from the API) stay exact digits. */
export function exactJsonText(value: unknown): string {
  const mark = '\u0000bigint:';
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${mark}${v}` : v)).replace(
    /"\\u0000bigint:(-?\d+)"/g,
    '$1',
  );
}

/** The file name from Content-Disposition, else a name made here. */
export function fileNameFrom(headers: Headers, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(headers.get('content-disposition') ?? '');
  return match ? match[1]! : fallback;
}

/** "lagebild-<what>-<YYYY-MM-DD-HHMM>.<ext>": the server's rule, for files made in the browser such as PNG. */
export function localFileName(what: string, extension: string, when = new Date()): string {
  return exportFileName(what, when, extension);
}

async function errorOf(response: Response): Promise<ExportError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ExportError(
      body.error?.code ?? 'Error',
      body.error?.message ?? `HTTP ${response.status}`,
      response.status,
    );
  } catch {
    return new ExportError('Error', `The server answered ${response.status}.`, response.status);
  }
}

/**
 * Runs an export on the server and reads the streamed file with progress. Rejects with an
 * ExportError (the server's message) or, when cancelled, with the signal's AbortError.
 */
export async function fetchExport(
  request: ExportRequest,
  options: DownloadOptions = {},
): Promise<{ blob: Blob; fileName: string }> {
  const response = await authorizedFetch(`${options.baseUrl ?? ''}/api/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: exactJsonText(request),
    signal: options.signal,
  });
  if (!response.ok) throw await errorOf(response);
  const chunks: Uint8Array[] = [];
  let receivedBytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    receivedBytes += value.byteLength;
    options.onProgress?.({ receivedBytes });
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return {
    blob: new Blob(chunks as BlobPart[], { type }),
    fileName: fileNameFrom(response.headers, 'lagebild-export'),
  };
}

/** Offers a blob to the user as a download under `fileName` (browser only). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Starts a download that can be cancelled; `done` resolves once the file is saved. */
export function startExport(
  request: ExportRequest,
  options: Omit<DownloadOptions, 'signal'> = {},
): { done: Promise<string>; cancel: () => void } {
  const controller = new AbortController();
  const done = fetchExport(request, { ...options, signal: controller.signal }).then(({ blob, fileName }) => {
    saveBlob(blob, fileName);
    return fileName;
  });
  return { done, cancel: () => controller.abort() };
}

/** What POST /api/import answers. */
export interface ImportSummary {
  format: 'lagebild-json' | 'graphml' | 'cypher';
  nodes: number | null;
  edges: number | null;
  statements: number;
  elapsedMs: number;
}

/** Sends a file (e.g. dropped on the canvas) to POST /api/import; rejects with the server's message. */
export async function importGraphFile(
  file: Blob,
  options: { baseUrl?: string; signal?: AbortSignal } = {},
): Promise<ImportSummary> {
  const response = await authorizedFetch(`${options.baseUrl ?? ''}/api/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
    signal: options.signal,
  });
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as ImportSummary;
}

/** A Lagebild JSON file as the canvas needs it (parse it with an exact JSON parser first). */
export interface LagebildJsonDocument {
  format: 'lagebild-graph';
  version: number;
  nodes: {
    key: string;
    labels: string[];
    properties: Record<string, unknown>;
    position?: { x: number; y: number };
    style?: Record<string, string | number>;
  }[];
  edges: { key: string; type: string; source: string; target: string; properties: Record<string, unknown> }[];
}

/**
 * The elements of a Lagebild JSON file in the API's shape, with positions and styles, so the
 * explorer can put them back on the canvas as they were. Node ids are the uids (the file's keys);
 * after importing the file, `GET /api/search` or a query by uid gives the database ids.
 */
export function lagebildJsonToElements(document: LagebildJsonDocument): {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
} {
  if (document.format !== 'lagebild-graph' || document.version !== 1)
    throw new ExportError('InvalidRequest', 'This is not a Lagebild JSON file of version 1.', 0);
  return {
    nodes: document.nodes.map((n) => ({
      id: n.key,
      labels: n.labels,
      properties: n.properties,
      ...(n.position ? { position: n.position } : {}),
      ...(n.style ? { style: n.style } : {}),
    })),
    edges: document.edges.map((e) => ({
      id: e.key,
      type: e.type,
      source: e.source,
      target: e.target,
      properties: e.properties,
    })),
  };
}
