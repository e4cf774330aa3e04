// The seam between Lagebild and a graph database: every adapter implements GraphStore,
// and every value that crosses it is plain data (no driver or engine objects).

/** A node as the API sees it: an opaque string id, its labels and its properties. */
export interface GraphNode {
  id: string;
  labels: string[];
  properties: Record<string, Value>;
}

/** A relationship as the API sees it; `source` and `target` are node ids. */
export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, Value>;
}

/** An alternating walk; `edges[i]` joins `nodes[i]` and `nodes[i + 1]`. */
export interface GraphPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type NodeValue = { $type: 'node' } & GraphNode;
export type EdgeValue = { $type: 'relationship' } & GraphEdge;
export type PathValue = { $type: 'path' } & GraphPath;

/**
 * Values that JSON has no type for keep their type in a `$type` tag, so that nothing is lost
 * between the engine and the client (an ISO string alone would not say it was a date).
 */
export type TemporalValue =
  | { $type: 'date'; value: string }
  | { $type: 'localtime' | 'time'; value: string }
  | { $type: 'localdatetime' | 'datetime'; value: string }
  | { $type: 'duration'; value: string };

export type PointValue = { $type: 'point'; srid: number; x: number; y: number; z?: number };

/** Integers beyond ±2^53 are bigints; the JSON writer prints their exact digits. */
export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | Value[]
  | NodeValue
  | EdgeValue
  | PathValue
  | TemporalValue
  | PointValue
  | { [key: string]: Value };

export interface QueryOptions {
  /** Refuse any write; enforced by the engine (a read-only transaction), never by reading the text. */
  readOnly?: boolean;
  /** Cancel the query after this many milliseconds. */
  timeoutMs?: number;
  /** Cancel the query when this signal aborts (a client went away). */
  signal?: AbortSignal;
  /**
   * Called once, before it runs, when the engine itself says the statement writes (and it was not
   * refused); the HTTP layer uses it for the audit log. Never decided by reading the text.
   */
  onWrite?: () => void;
}

/** A result being read; rows are handed out in batches so that large results never sit in JS memory whole. */
export interface Cursor {
  readonly columns: string[];
  /** Rows the engine produced in total, when it knows without reading them (embedded engine does). */
  readonly totalRows: number | undefined;
  /** The embedded engine's type of each column ("NODE", "REL", "STRING", "NODE[]", ...); Neo4j has none. */
  readonly engineTypes?: readonly string[];
  /** Up to `max` further rows; an empty array once the result is exhausted. */
  next(max: number): Promise<Value[][]>;
  close(): Promise<void>;
}

export interface QueryResult {
  columns: string[];
  rows: Value[][];
  /** True when the result had more rows than `maxRows` and was cut. */
  truncated: boolean;
  /** Rows in the whole result, when the engine knows it (for "showing N of M"). */
  totalRows: number | undefined;
  elapsedMs: number;
}

export interface LabelInfo {
  label: string;
  count: number;
  properties: PropertyInfo[];
}

export interface RelationshipTypeInfo {
  type: string;
  count: number;
  properties: PropertyInfo[];
  /** Which labels this type connects, each pair once. */
  connections: { from: string; to: string }[];
}

export interface PropertyInfo {
  key: string;
  /** Engine type name, e.g. STRING, INT64, STRING[], DATE. */
  type: string;
}

export interface GraphSchema {
  labels: LabelInfo[];
  relationshipTypes: RelationshipTypeInfo[];
  /** Tables the engine lists but cannot describe (e.g. a name with a dot); left out above. */
  unreadable?: string[];
}

export type Direction = 'out' | 'in';

export interface NeighborOptions {
  /** How many neighbouring edges to return at most (the budget). */
  limit: number;
  /** Skip this many before returning (for paging through a hub). */
  offset?: number;
  /** Only these relationship types; all when absent or empty. */
  types?: string[];
}

export interface NeighborCount {
  type: string;
  direction: Direction;
  count: number;
}

export interface Neighborhood {
  node: GraphNode;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Edges per relationship type and direction (all of them, not only those returned). */
  counts: NeighborCount[];
  /** Edges of the selected types in total, so a client can tell how many it has not been given. */
  total: number;
}

export interface SearchHit {
  node: GraphNode;
  /** Which name or alias matched. */
  matched: string;
  score: number;
}

export interface StoreHealth {
  ok: boolean;
  backend: string;
  readOnly: boolean;
  message?: string;
  /**
   * Whether search is answered from an in-memory index: 'building' and 'stale' (none yet, or
   * writes since; the next search starts a build) fall back to scanning or to the previous index.
   */
  searchIndex?: 'ready' | 'building' | 'stale';
  /** Whether the hubs' neighbour counts are being read in the background (a big graph, after opening or writes). */
  hubCounts?: 'ready' | 'counting';
}

/** A sequence of statements run in one transaction on behalf of the same client. */
export interface StoreTransaction {
  run(cypher: string, params?: Record<string, Value>, options?: QueryOptions): Promise<Cursor>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export interface TransactionOptions {
  readOnly?: boolean;
  timeoutMs?: number;
}

export interface GraphStore {
  /** Short name of the backend, e.g. "ladybug" or "neo4j". */
  readonly backend: string;
  /** True when the whole store refuses writes (READ_ONLY). */
  readonly readOnly: boolean;

  /** Opens a cursor on one auto-committed statement. */
  open(cypher: string, params?: Record<string, Value>, options?: QueryOptions): Promise<Cursor>;
  /** Runs one statement and reads at most `maxRows` rows. */
  query(
    cypher: string,
    params?: Record<string, Value>,
    options?: QueryOptions & { maxRows?: number },
  ): Promise<QueryResult>;
  /** Runs statements in one write transaction: all or nothing. */
  runScript(statements: string[], options?: { params?: Record<string, Value>[] }): Promise<void>;
  beginTransaction(options?: TransactionOptions): Promise<StoreTransaction>;

  schema(): Promise<GraphSchema>;
  neighbors(id: string, options: NeighborOptions): Promise<Neighborhood>;
  search(text: string, options: { limit: number }): Promise<SearchHit[]>;
  /** Nodes by id, in the given order; unknown ids are left out. */
  nodesById(ids: string[]): Promise<GraphNode[]>;
  /** True when the database holds no node at all (a fresh start). */
  isEmpty(): Promise<boolean>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
