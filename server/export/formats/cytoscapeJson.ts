// Cytoscape.js JSON ({"elements": {"nodes": [...], "edges": [...]}}), which cytoscape.js
// (cy.json / cy.add) and Cytoscape desktop (File > Import > Network from File, .cyjs) read.
// Properties go into `data` beside the structural fields id, name, labels, source, target and
// interaction; a property with one of those names is overwritten by the structural field.

import type { Writable } from 'node:stream';
import { jsonText, scalarText } from '../propertyTypes.ts';
import { TextOut } from '../textOut.ts';
import type { ExportEdge, ExportFormat, ExportHeader, ExportNode, GraphWriter } from '../types.ts';
import type { Value } from '../../store/types.ts';
import { caption } from './gexf.ts';

/** Names the structural fields take; a property of the same name gives way to them. */
const NODE_FIELDS = new Set(['id', 'name', 'labels']);
const EDGE_FIELDS = new Set(['id', 'source', 'target', 'interaction', 'label']);

/** JSON text of each member name, kept: the same few names come back on every element. */
const memberNames = new Map<string, string>();
const memberName = (key: string) => {
  let text = memberNames.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (memberNames.size < 10_000) memberNames.set(key, text);
  }
  return text;
};

/**
 * The properties as JSON members ("key":value,...), each followed by a comma; dates become their
 * ISO text, nulls are left out. Written by hand: one JSON.stringify per element and the object
 * spread before it took 1.9 s of 7.3 s for 300,000 relationships (a CPU profile, docs/export.md).
 */
function propertyMembers(properties: Record<string, Value>, structural: Set<string>): string {
  let out = '';
  for (const key in properties) {
    const value = properties[key];
    if (value === null || value === undefined || structural.has(key)) continue;
    let text: string;
    switch (typeof value) {
      case 'string':
        text = JSON.stringify(value);
        break;
      case 'number':
        text = Number.isFinite(value) ? String(value) : 'null';
        break;
      case 'boolean':
      case 'bigint':
        text = String(value);
        break;
      default:
        text =
          !Array.isArray(value) && '$type' in value ? JSON.stringify(scalarText(value)) : jsonText(value);
    }
    out += `${memberName(key)}:${text},`;
  }
  return out;
}

class CytoscapeJsonWriter implements GraphWriter {
  private readonly text: TextOut;
  private nodeCount = 0;
  private edgeCount = 0;
  private inEdges = false;

  constructor(out: Writable) {
    this.text = new TextOut(out);
  }

  async begin(header: ExportHeader): Promise<void> {
    await this.text.write(
      `{"format_version":"1.0","generated_by":"Lagebild","target_cytoscapejs_version":"~3",` +
        `"data":{"name":${JSON.stringify(header.title)},"exportedAt":${JSON.stringify(header.exportedAt.toISOString())}},\n` +
        `"elements":{"nodes":[\n`,
    );
  }

  node(node: ExportNode): Promise<void> | undefined {
    let element = `{"data":{${propertyMembers(node.properties, NODE_FIELDS)}"id":${JSON.stringify(node.key)},"name":${JSON.stringify(caption(node))},"labels":${JSON.stringify(node.labels.join(':'))}},"group":"nodes"`;
    if (node.position) element += `,"position":${jsonText(node.position)}`;
    if (node.style) element += `,"style":${jsonText(node.style)}`;
    return this.text.write(`${this.nodeCount++ ? ',\n' : ''}${element}}`);
  }

  edge(edge: ExportEdge): Promise<void> | undefined {
    const type = JSON.stringify(edge.type);
    let element = `{"data":{${propertyMembers(edge.properties, EDGE_FIELDS)}"id":"edge-${this.edgeCount}","source":${JSON.stringify(edge.source)},"target":${JSON.stringify(edge.target)},"interaction":${type},"label":${type}},"group":"edges"`;
    if (edge.style) element += `,"style":${jsonText(edge.style)}`;
    return this.text.write(`${this.openEdges()}${this.edgeCount++ ? ',\n' : ''}${element}}`);
  }

  /** What closes the nodes and opens the edges, the first time only: the first edge starts with it. */
  private openEdges(): string {
    if (this.inEdges) return '';
    this.inEdges = true;
    return '\n],\n"edges":[\n';
  }

  async end(): Promise<void> {
    await this.text.write(`${this.openEdges()}\n]}}\n`);
    await this.text.end();
  }
}

export const cytoscapeJsonFormat: ExportFormat = {
  name: 'cytoscape-json',
  contentType: 'application/json; charset=utf-8',
  extension: 'cyjs',
  create: (out) => new CytoscapeJsonWriter(out),
};
