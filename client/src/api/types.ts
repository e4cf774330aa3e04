// The shapes the Lagebild HTTP API sends to the explorer (mirrors server/store/types.ts as
// plain JSON, with exact big integers parsed to bigint by api/exactJson.ts).

/** A node as the API sends it. */
export interface ApiNode {
  id: string;
  labels: string[];
  properties: Record<string, Value>;
}

/** A relationship as the API sends it; `source` and `target` are node ids. */
export interface ApiEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, Value>;
}

/** Nodes and relationships to draw. */
export interface GraphData {
  nodes: ApiNode[];
  edges: ApiEdge[];
}

/** A value in a result row or a property; tagged objects keep their type in `$type`. */
export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | Value[]
  | ({ $type: 'node' } & ApiNode)
  | ({ $type: 'relationship' } & ApiEdge)
  | { $type: 'path'; nodes: ApiNode[]; edges: ApiEdge[] }
  | { $type: string; value?: string; [key: string]: Value | undefined }
  | { [key: string]: Value };

export interface QueryResponse {
  columns: string[];
  rows: Value[][];
  graph: GraphData;
  summary: {
    elapsedMs: number;
    rowCount: number;
    totalRows: number;
    truncated: boolean;
    /** The statement writes: Undo on the canvas does not take that back. */
    wrote?: boolean;
  };
}

export interface PropertyInfo {
  key: string;
  type: string;
}

export interface SchemaResponse {
  labels: { label: string; count: number; properties: PropertyInfo[] }[];
  relationshipTypes: {
    type: string;
    count: number;
    properties: PropertyInfo[];
    connections: { from: string; to: string }[];
  }[];
}

export interface SearchHit {
  node: ApiNode;
  matched: string;
  score: number;
}

export interface NeighborCount {
  type: string;
  direction: 'out' | 'in';
  count: number;
}

export interface NeighborsResponse {
  node: ApiNode;
  nodes: ApiNode[];
  edges: ApiEdge[];
  counts: NeighborCount[];
  total: number;
  returned: number;
  remaining: number;
}

export interface SavedQuery {
  id: string;
  title: string;
  description: string;
  cypher: string;
  params: Record<string, Value>;
}

export interface HealthResponse {
  status: string;
  backend: string;
  readOnly: boolean;
  version: string;
}
