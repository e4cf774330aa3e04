// Imports a file the exporter wrote (Lagebild JSON, GraphML or the Cypher script) into the
// database in ONE transaction: missing tables and columns are declared inside it, then every
// node and relationship is MERGEd. Any error rolls everything back, the database stays as it was.

import { LagebildError, invalidRequest, readOnly } from '../errors.ts';
import { splitStatements } from '../cypher/scan.ts';
import { CypherScriptBuilder, EMBEDDED_ONLY_LINE } from '../export/formats/cypherScript.ts';
import type { GraphStore } from '../store/types.ts';
import { scriptStatements } from './cypherScript.ts';
import { parseGraphml } from './graphml.ts';
import type { ImportGraph } from './importGraph.ts';
import { parseLagebildJson } from './lagebildJson.ts';

export const IMPORT_FORMATS = ['lagebild-json', 'graphml', 'cypher'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportSummary {
  format: ImportFormat;
  /** Nodes and relationships in the file (null for a Cypher script, which is not parsed into elements). */
  nodes: number | null;
  edges: number | null;
  statements: number;
  elapsedMs: number;
}

/** Guesses the format from the first characters: "{" is JSON, "<" is GraphML, anything else Cypher. */
export function detectFormat(text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'lagebild-json';
  if (start.startsWith('<')) return 'graphml';
  return 'cypher';
}

/** The statements that MERGE a parsed graph, table declarations first (the exporter's own script). */
export async function graphStatements(graph: ImportGraph, backend: string): Promise<string[]> {
  let text = '';
  const builder = new CypherScriptBuilder((chunk) => {
    text += chunk;
    return undefined;
  });
  await builder.begin({ title: 'import', exportedAt: new Date(), schema: graph.schema });
  for (const node of graph.nodes) await builder.node(node);
  for (const edge of graph.edges) await builder.edge(edge);
  await builder.end();
  return splitStatements(text).filter((s) => backend === 'ladybug' || !EMBEDDED_ONLY_LINE.test(s));
}

/** Parses and imports `text`; throws InvalidRequest (400) naming where the file is wrong. */
export async function importFile(
  store: GraphStore,
  text: string,
  options: { format?: ImportFormat } = {},
): Promise<ImportSummary> {
  if (store.readOnly)
    throw readOnly(
      'This Lagebild runs read-only (READ_ONLY=true): imports are refused and nothing was changed.',
    );
  const started = performance.now();
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '')
    throw invalidRequest(
      'The import file is empty. Send a Lagebild JSON, GraphML or Cypher file written by the export.',
    );
  const format = options.format ?? detectFormat(body);
  let statements: string[];
  let lines: number[] | undefined;
  let counts: { nodes: number | null; edges: number | null } = { nodes: null, edges: null };
  if (format === 'cypher') {
    const parsed = scriptStatements(body, store.backend);
    statements = parsed.map((s) => s.text);
    lines = parsed.map((s) => s.line);
  } else {
    const graph = format === 'graphml' ? parseGraphml(body) : parseLagebildJson(body);
    statements = await graphStatements(graph, store.backend);
    counts = { nodes: graph.nodes.length, edges: graph.edges.length };
  }
  try {
    await store.runScript(statements);
  } catch (error) {
    throw explainFailure(error, lines);
  }
  return {
    format,
    ...counts,
    statements: statements.length,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** A failed statement becomes a 400 that says which line (for scripts) and that nothing was changed. */
function explainFailure(error: unknown, lines: number[] | undefined): LagebildError {
  if (!(error instanceof LagebildError)) throw error;
  if (error.code === 'ReadOnly' || error.code === 'Unavailable' || error.code === 'Timeout') return error;
  const match = /^Statement (\d+) failed/.exec(error.message);
  const line = match && lines ? lines[Number(match[1]) - 1] : undefined;
  const where = line ? `line ${line}: ` : '';
  return new LagebildError(
    'InvalidRequest',
    `The import was refused and nothing was changed (all or nothing): ${where}${error.message}`,
    { details: [{ path: line ? [`line ${line}`] : [], message: error.message }], cause: error },
  );
}
