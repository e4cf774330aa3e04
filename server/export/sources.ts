// Where exported elements come from: the explorer's elements, a read-only query streamed
// through a cursor, or the neighbourhood of start nodes expanded in batches on the server.
// Every source hands all nodes to the writer before any edge and each element once.

import { notFound } from '../errors.ts';
import type { EdgeValue, GraphEdge, GraphNode, GraphStore, NodeValue, Value } from '../store/types.ts';
import { parseId } from '../store/ladybug/values.ts';
import { cypherName } from './cypherLiterals.ts';
import { EdgeSpool } from './edgeSpool.ts';
import type { ElementEdge, ElementNode } from './request.schema.ts';
import type { ColumnReadContext } from './elementColumns.ts';
import { planNeighbourhoodColumns } from './neighbourhoodColumns.ts';
import { mustStop, openQueryColumns, type QueryColumnsOptions, type QuerySource } from './queryColumns.ts';
import type { ExportEdge, ExportNode, GraphWriter } from './types.ts';

/** Counts reported while an export runs. */
export interface ExportProgress {
  nodes: number;
  edges: number;
  /** Rows of the query read so far and in total (query scope only). */
  rowsRead?: number;
  totalRows?: number;
  /** Edges to write in total, known once all nodes are written (the second phase). */
  edgesTotal?: number;
}

export interface SourceContext {
  writer: GraphWriter;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

/** A node's key in every format: its uid, else its id. */
export function nodeKey(node: GraphNode): string {
  const uid = node.properties.uid;
  return typeof uid === 'string' && uid !== '' ? uid : node.id;
}

const toExportNode = (node: GraphNode): ExportNode => ({
  key: nodeKey(node),
  labels: node.labels,
  properties: node.properties,
});

interface Endpoint {
  key: string;
  label: string;
}

/** Keeps what is needed to write edges after the nodes: each node's key and label, and the edges seen. */
export class Tracker {
  readonly nodes = new Map<string, Endpoint>();
  readonly edgeIds = new Set<string>();
  readonly spool = new EdgeSpool();
  /** Endpoints not yet written when their edge was seen (most are written later). */
  private readonly unseenEndpoints = new Set<string>();
  readonly progress: ExportProgress = { nodes: 0, edges: 0 };
  private lastReport = 0;
  /** Elements since the clock was last read: reading it for every element cost 3% of an export. */
  private sinceClock = 0;

  constructor(private readonly context: SourceContext) {}

  async node(node: GraphNode): Promise<boolean> {
    if (this.nodes.has(node.id)) return false;
    this.nodes.set(node.id, { key: nodeKey(node), label: node.labels[0] ?? 'Node' });
    await this.writeNodeOnce(toExportNode(node));
    return true;
  }

  async edge(edge: GraphEdge): Promise<void> {
    if (this.edgeIds.has(edge.id)) return;
    this.edgeIds.add(edge.id);
    if (!this.nodes.has(edge.source)) this.unseenEndpoints.add(edge.source);
    if (!this.nodes.has(edge.target)) this.unseenEndpoints.add(edge.target);
    await this.spool.append(edge);
  }

  /** Endpoints of spooled edges that were never written as nodes. */
  missingEndpoints(): string[] {
    return [...this.unseenEndpoints].filter((id) => !this.nodes.has(id));
  }

  /** Writes the spooled edges (after every node). */
  async writeEdges(): Promise<void> {
    this.progress.edgesTotal = this.spool.count;
    for await (const edge of this.spool.edges()) {
      this.context.signal?.throwIfAborted();
      await this.writeEdge(edge);
    }
    this.report(true);
  }

  /**
   * Writes one edge now, without spooling or de-duplication: for sources that have written every
   * node already and meet each edge once. False when an endpoint was not written (left out).
   */
  async writeEdge(edge: GraphEdge): Promise<boolean> {
    const source = this.nodes.get(edge.source);
    const target = this.nodes.get(edge.target);
    if (!source || !target) return false;
    await this.writeResolvedEdge({
      key: edge.id,
      type: edge.type,
      source: source.key,
      target: target.key,
      sourceLabel: source.label,
      targetLabel: target.label,
      properties: edge.properties,
    });
    return true;
  }

  /** Writes a node met once by its source (no de-duplication) and counts it; see GraphWriter for the promise. */
  writeNodeOnce(node: ExportNode): Promise<void> | undefined {
    const wait = this.context.writer.node(node);
    this.progress.nodes++;
    this.report();
    return wait;
  }

  /** Writes an edge whose endpoints the source has resolved to keys itself, and counts it. */
  writeResolvedEdge(edge: ExportEdge): Promise<void> | undefined {
    const wait = this.context.writer.edge(edge);
    this.progress.edges++;
    this.report();
    return wait;
  }

  report(force = false): void {
    if (!force && ++this.sinceClock < 1024) return;
    this.sinceClock = 0;
    const now = Date.now();
    if (!force && now - this.lastReport < 100) return;
    this.lastReport = now;
    this.context.onProgress?.({ ...this.progress });
  }
}

/** Nodes and edges found anywhere in a row: in columns, lists, maps and paths. */
function visitValue(value: Value, found: { nodes: GraphNode[]; edges: GraphEdge[] }): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) visitValue(item, found);
    return;
  }
  const tag = (value as { $type?: unknown }).$type;
  if (tag === 'node') {
    const { $type: _t, ...node } = value as NodeValue;
    found.nodes.push(node);
  } else if (tag === 'relationship') {
    const { $type: _t, ...edge } = value as EdgeValue;
    found.edges.push(edge);
  } else if (tag === 'path') {
    const path = value as unknown as { nodes: GraphNode[]; edges: GraphEdge[] };
    found.nodes.push(...path.nodes);
    found.edges.push(...path.edges);
  } else if (typeof tag !== 'string') {
    for (const item of Object.values(value)) visitValue(item as Value, found);
  }
}

const ROWS_PER_BATCH = 2000;
const NODES_PER_LOOKUP = 1000;

/**
 * Opens a query for export (throws its errors, as 4xx): a big result of plain node and
 * relationship columns on the embedded engine is read from the tables' columns, any other as rows.
 */
export async function openQuerySource(
  store: GraphStore,
  query: { cypher: string; params: Record<string, Value> },
  options: QueryColumnsOptions = {},
): Promise<QuerySource> {
  const source = await openQueryColumns(store, query, options);
  if (source) return source;
  const cursor = await store.open(query.cypher, query.params, {
    readOnly: true,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  return { cursor };
}

/** Streams a query's result: nodes as they come, edges after, endpoints the query did not return fetched. */
export async function exportQuery(
  store: GraphStore,
  source: QuerySource,
  context: SourceContext,
): Promise<void> {
  const tracker = new Tracker(context);
  const { plan, cursor } = source;
  try {
    if (plan) {
      tracker.progress.rowsRead = tracker.progress.totalRows = plan.totalRows;
      tracker.progress.edgesTotal = plan.relationships;
      await plan.run(tracker);
      tracker.report(true);
      return;
    }
    tracker.progress.rowsRead = 0;
    tracker.progress.totalRows = cursor.totalRows;
    for (;;) {
      context.signal?.throwIfAborted();
      const rows = await cursor.next(ROWS_PER_BATCH);
      if (rows.length === 0) break;
      tracker.progress.rowsRead += rows.length;
      const found = { nodes: [] as GraphNode[], edges: [] as GraphEdge[] };
      for (const row of rows) for (const cell of row) visitValue(cell, found);
      for (const node of found.nodes) await tracker.node(node);
      for (const edge of found.edges) await tracker.edge(edge);
    }
    await cursor.close();
    // Edges whose endpoints the query did not return: fetch those nodes, so no edge dangles.
    const ids = tracker.missingEndpoints();
    for (let i = 0; i < ids.length; i += NODES_PER_LOOKUP) {
      context.signal?.throwIfAborted();
      for (const node of await store.nodesById(ids.slice(i, i + NODES_PER_LOOKUP))) await tracker.node(node);
    }
    await tracker.writeEdges();
  } finally {
    await cursor?.close();
    await tracker.spool.dispose();
  }
}

const START_LOOKUP = 500;
/** Frontier nodes per statement: 5,000 took 40 s for a 243,000-node neighbourhood, 1,000 took 56 s. */
export const FRONTIER_BATCH = 5000;
/** Start nodes by id ("3:17") or by uid; throws NotFound naming those that match nothing. */
export async function resolveStartNodes(store: GraphStore, refs: string[]): Promise<GraphNode[]> {
  const byId = await store.nodesById(refs);
  const foundIds = new Set(byId.map((n) => n.id));
  const uids = refs.filter((ref) => !foundIds.has(ref));
  const found = [...byId];
  for (let i = 0; i < uids.length; i += START_LOOKUP) {
    const result = await store.query(
      'MATCH (n) WHERE n.uid IN $uids RETURN n',
      { uids: uids.slice(i, i + START_LOOKUP) },
      { readOnly: true },
    );
    for (const [node] of result.rows) {
      const { $type: _t, ...plain } = node as NodeValue;
      found.push(plain);
    }
  }
  const matched = new Set(found.flatMap((n) => [n.id, nodeKey(n)]));
  const unknown = refs.filter((ref) => !matched.has(ref));
  if (unknown.length > 0)
    throw notFound(
      `No node has the id or uid ${unknown
        .slice(0, 5)
        .map((r) => `"${r}"`)
        .join(
          ', ',
        )}${unknown.length > 5 ? ` (and ${unknown.length - 5} more)` : ''}. Take ids from a query result or uids from /api/search.`,
    );
  return found;
}

/**
 * The neighbourhood of the start nodes to `depth` hops, optionally along some relationship
 * types only: breadth first, a frontier batch of nodes per query, so that it scales with the
 * subgraph and not with the canvas. Edges between two nodes at the outermost depth are not followed.
 */
export async function exportNeighbourhood(
  store: GraphStore,
  start: GraphNode[],
  options: { depth: number; types?: string[] },
  context: SourceContext &
    ColumnReadContext & {
      /** False walks over objects even on the embedded engine (tests compare both walks). */
      readColumns?: boolean;
    },
): Promise<void> {
  const tracker = new Tracker(context);
  try {
    const columns =
      store.backend === 'ladybug' && context.readColumns !== false
        ? await planNeighbourhoodColumns(store, start, options, context).catch((error: unknown) => {
            // A generated statement the engine refused: the walk over objects runs instead.
            if (mustStop(error, context)) throw error;
            return undefined;
          })
        : undefined;
    if (columns) {
      tracker.progress.edgesTotal = columns.relationships;
      await columns.run(tracker);
      tracker.report(true);
      return;
    }
    let frontier: GraphNode[] = [];
    for (const node of start) if (await tracker.node(node)) frontier.push(node);
    const typeFilter = options.types?.length ? `:${options.types.map(cypherName).join('|')}` : '';
    const frontierStatement = store.backend === 'ladybug' ? byOffsets : byUids;
    for (let depth = 1; depth <= options.depth && frontier.length > 0; depth++) {
      const next: GraphNode[] = [];
      const byLabel = new Map<string, GraphNode[]>();
      for (const node of frontier) {
        const label = node.labels[0] ?? '';
        if (!byLabel.has(label)) byLabel.set(label, []);
        byLabel.get(label)!.push(node);
      }
      for (const [label, nodes] of byLabel) {
        const labelled = label ? `:${cypherName(label)}` : '';
        for (let i = 0; i < nodes.length; i += FRONTIER_BATCH) {
          context.signal?.throwIfAborted();
          const { cypher, params } = frontierStatement(
            labelled,
            typeFilter,
            nodes.slice(i, i + FRONTIER_BATCH),
          );
          const cursor = await store.open(cypher, params, {
            readOnly: true,
            signal: context.signal,
            timeoutMs: context.timeoutMs,
          });
          try {
            for (
              let rows = await cursor.next(ROWS_PER_BATCH);
              rows.length > 0;
              rows = await cursor.next(ROWS_PER_BATCH)
            ) {
              context.signal?.throwIfAborted();
              for (const [edge, other] of rows) {
                const { $type: _n, ...node } = other as NodeValue;
                if (await tracker.node(node)) next.push(node);
                const { $type: _e, ...plainEdge } = edge as EdgeValue;
                await tracker.edge(plainEdge);
              }
            }
          } finally {
            await cursor.close();
          }
        }
      }
      frontier = next;
    }
    await tracker.writeEdges();
  } finally {
    await tracker.spool.dispose();
  }
}

/** `labelled` is the frontier's label as a pattern (":`Country`"), or empty. */
type FrontierStatement = (
  labelled: string,
  typeFilter: string,
  nodes: GraphNode[],
) => { cypher: string; params: Record<string, Value> };

/**
 * The embedded engine: the frontier by offset within its label's table. A uid lookup per key
 * (UNWIND $uids ... {uid: key}) took about a second per statement whatever the frontier's size
 * on a table of 750,000 relationships, the offsets 9 ms for one node and 260 ms for 1,000
 * (docs/export.md, "Neighbourhoods"); and a node without a uid is found too.
 */
const byOffsets: FrontierStatement = (labelled, typeFilter, nodes) => ({
  cypher: `MATCH (a${labelled})-[r${typeFilter}]-(b) WHERE offset(id(a)) IN $offsets RETURN r, b`,
  // Ids on this engine are always "table:offset" (formatId).
  params: { offsets: nodes.map((node) => parseId(node.id)!.offset) },
});

/** Neo4j: a uid lookup per key, which uses the uid index. */
const byUids: FrontierStatement = (labelled, typeFilter, nodes) => ({
  cypher: `UNWIND $uids AS key MATCH (a${labelled} {uid: key})-[r${typeFilter}]-(b) RETURN r, b`,
  params: { uids: nodes.map(nodeKey) },
});

/** Writes elements the explorer sent (canvas or selection); edges whose endpoints are missing are left out. */
export async function exportElements(
  nodes: ExportNode[],
  edges: ExportEdge[],
  context: SourceContext,
): Promise<void> {
  let count = 0;
  for (const node of nodes) {
    if (++count % 1000 === 0) context.signal?.throwIfAborted();
    await context.writer.node(node);
  }
  for (const edge of edges) {
    if (++count % 1000 === 0) context.signal?.throwIfAborted();
    await context.writer.edge(edge);
  }
  context.onProgress?.({ nodes: nodes.length, edges: edges.length });
}

/** The explorer's elements in export shape; edges name their endpoints by key. */
export function elementsToExport(
  nodes: ElementNode[],
  edges: ElementEdge[],
): { nodes: ExportNode[]; edges: ExportEdge[] } {
  const endpoints = new Map<string, Endpoint>();
  const exportNodes: ExportNode[] = [];
  for (const node of nodes) {
    if (endpoints.has(node.id)) continue;
    const plain = { id: node.id, labels: node.labels, properties: node.properties as Record<string, Value> };
    endpoints.set(node.id, { key: nodeKey(plain), label: node.labels[0] ?? 'Node' });
    exportNodes.push({ ...toExportNode(plain), position: node.position, style: node.style });
  }
  const exportEdges: ExportEdge[] = [];
  const seen = new Set<string>();
  for (const edge of edges) {
    const source = endpoints.get(edge.source);
    const target = endpoints.get(edge.target);
    if (!source || !target || seen.has(edge.id)) continue;
    seen.add(edge.id);
    exportEdges.push({
      key: edge.id,
      type: edge.type,
      source: source.key,
      target: target.key,
      sourceLabel: source.label,
      targetLabel: target.label,
      properties: edge.properties as Record<string, Value>,
      style: edge.style,
    });
  }
  return { nodes: exportNodes, edges: exportEdges };
}
