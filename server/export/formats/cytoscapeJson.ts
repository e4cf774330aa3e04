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

/** Dates become their ISO text; everything else stays as it is. */
function plainProperties(properties: Record<string, Value>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, value] of Object.entries(properties)) {
    const tagged = value !== null && typeof value === 'object' && !Array.isArray(value) && '$type' in value;
    out[key] = tagged ? scalarText(value) : value;
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

  async node(node: ExportNode): Promise<void> {
    const element: Record<string, unknown> = {
      data: {
        ...plainProperties(node.properties),
        id: node.key,
        name: caption(node),
        labels: node.labels.join(':'),
      },
      group: 'nodes',
    };
    if (node.position) element.position = node.position;
    if (node.style) element.style = node.style;
    await this.text.write(`${this.nodeCount++ ? ',\n' : ''}${jsonText(element)}`);
  }

  async edge(edge: ExportEdge): Promise<void> {
    if (!this.inEdges) await this.openEdges();
    const element: Record<string, unknown> = {
      data: {
        ...plainProperties(edge.properties),
        id: `edge-${this.edgeCount}`,
        source: edge.source,
        target: edge.target,
        interaction: edge.type,
        label: edge.type,
      },
      group: 'edges',
    };
    if (edge.style) element.style = edge.style;
    await this.text.write(`${this.edgeCount++ ? ',\n' : ''}${jsonText(element)}`);
  }

  private async openEdges(): Promise<void> {
    this.inEdges = true;
    await this.text.write('\n],\n"edges":[\n');
  }

  async end(): Promise<void> {
    if (!this.inEdges) await this.openEdges();
    await this.text.write('\n]}}\n');
    await this.text.end();
  }
}

export const cytoscapeJsonFormat: ExportFormat = {
  name: 'cytoscape-json',
  contentType: 'application/json; charset=utf-8',
  extension: 'cyjs',
  create: (out) => new CytoscapeJsonWriter(out),
};
