// The shapes every export format works on: nodes keyed by their uid, edges that name their
// endpoints by those keys, the property types of the subgraph, and the one writer interface.

import type { Writable } from 'node:stream';
import type { Value } from '../store/types.ts';

/** A node as the writers see it: `key` is its uid (the id every format uses for it). */
export interface ExportNode {
  key: string;
  labels: string[];
  properties: Record<string, Value>;
  /** Canvas position, when the export comes from the explorer's canvas. */
  position?: { x: number; y: number };
  /** Canvas style (colour, size, ...), when the export comes from the canvas. */
  style?: Record<string, string | number>;
}

/** A relationship; `source` and `target` are node keys (uids), never engine ids. */
export interface ExportEdge {
  /** A stable id for the edge within this export. */
  key: string;
  type: string;
  source: string;
  target: string;
  /** The endpoints' first labels (the Cypher writer needs them to MATCH the endpoints). */
  sourceLabel: string;
  targetLabel: string;
  properties: Record<string, Value>;
  style?: Record<string, string | number>;
}

/**
 * Property types by label and by relationship type, in the engine's type names
 * (STRING, INT64, DOUBLE, BOOLEAN, DATE, TIMESTAMP, STRING[], ...). Known before the first
 * element is written, because GraphML, GEXF and CSV declare their columns up front.
 */
export interface ExportSchema {
  nodes: Map<string, Map<string, string>>;
  edges: Map<string, { properties: Map<string, string>; connections: [string, string][] }>;
}

export interface ExportHeader {
  /** What was exported, in words ("query MATCH ...", "neighbourhood of iran, depth 2"). */
  title: string;
  exportedAt: Date;
  schema: ExportSchema;
}

/**
 * One export format. The exporter calls begin, then node for every node, then edge for every
 * edge (all nodes come before any edge), then end. node and edge return a promise only when the
 * caller must wait (the output stream is full), which it must then await before the next call,
 * so memory stays flat however large the graph; most calls return nothing, which saves a
 * promise and a turn of the event loop per element.
 */
export interface GraphWriter {
  begin(header: ExportHeader): Promise<void>;
  node(node: ExportNode): Promise<void> | undefined;
  edge(edge: ExportEdge): Promise<void> | undefined;
  /** Finishes the document and ends the output stream. */
  end(): Promise<void>;
}

/** What a format is called and how it is delivered, and how to make its writer. */
export interface ExportFormat {
  name: string;
  contentType: string;
  extension: string;
  create(out: Writable): GraphWriter;
}
