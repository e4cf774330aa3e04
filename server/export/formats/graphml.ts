// GraphML (yEd, Gephi, networkx, igraph, Cytoscape): every property gets a typed <key>
// (attr.type string, int, long, double or boolean). The property's own name stands in
// attr.name, so names that are not valid XML names need no mangling; key ids are generated.
// Lists, dates and maps are written as text: lists as JSON, dates as ISO 8601. Each key's
// <desc> names the engine type ("lagebild-type: STRING[]") so that the importer restores it.

import type { Writable } from 'node:stream';
import type { Value } from '../../store/types.ts';
import { edgePropertyTypes, kindOf, nodePropertyTypes, scalarText } from '../propertyTypes.ts';
import { TextOut } from '../textOut.ts';
import type { ExportEdge, ExportFormat, ExportHeader, ExportNode, GraphWriter } from '../types.ts';
import { xmlAttr, xmlText } from '../xml.ts';

/** Key ids of the two structural attributes: node labels and relationship type. */
export const GRAPHML_LABELS_KEY = 'labels';
export const GRAPHML_TYPE_KEY = 'label';

const ATTR_TYPE: Record<string, string> = { int: 'int', long: 'long', double: 'double', boolean: 'boolean' };

interface Key {
  id: string;
  name: string;
  type: string;
}

class GraphmlWriter implements GraphWriter {
  private readonly text: TextOut;
  private nodeKeys: Key[] = [];
  private edgeKeys: Key[] = [];
  private edgeCount = 0;

  constructor(out: Writable) {
    this.text = new TextOut(out);
  }

  async begin(header: ExportHeader): Promise<void> {
    this.nodeKeys = [...nodePropertyTypes(header.schema)].map(([name, type], i) => ({
      id: `n${i}`,
      name,
      type,
    }));
    this.edgeKeys = [...edgePropertyTypes(header.schema)].map(([name, type], i) => ({
      id: `e${i}`,
      name,
      type,
    }));
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
      `  <desc>${xmlText(`Lagebild export: ${header.title} (${header.exportedAt.toISOString()}). Lists are JSON text; see each key's desc.`)}</desc>`,
      `  <key id="${GRAPHML_LABELS_KEY}" for="node" attr.name="labels" attr.type="string"><desc>node labels, joined by ":"</desc></key>`,
      ...this.nodeKeys.map((key) => keyLine(key, 'node')),
      `  <key id="${GRAPHML_TYPE_KEY}" for="edge" attr.name="label" attr.type="string"><desc>relationship type</desc></key>`,
      ...this.edgeKeys.map((key) => keyLine(key, 'edge')),
      '  <graph id="G" edgedefault="directed">',
      '',
    ];
    await this.text.write(lines.join('\n'));
  }

  node(node: ExportNode): Promise<void> | undefined {
    let line = `    <node id="${xmlAttr(node.key)}"><data key="${GRAPHML_LABELS_KEY}">${xmlText(node.labels.join(':'))}</data>`;
    line += dataElements(this.nodeKeys, node.properties);
    return this.text.write(`${line}</node>\n`);
  }

  edge(edge: ExportEdge): Promise<void> | undefined {
    let line = `    <edge id="e${this.edgeCount++}" source="${xmlAttr(edge.source)}" target="${xmlAttr(edge.target)}"><data key="${GRAPHML_TYPE_KEY}">${xmlText(edge.type)}</data>`;
    line += dataElements(this.edgeKeys, edge.properties);
    return this.text.write(`${line}</edge>\n`);
  }

  async end(): Promise<void> {
    await this.text.write('  </graph>\n</graphml>\n');
    await this.text.end();
  }
}

function keyLine(key: Key, scope: 'node' | 'edge'): string {
  const attrType = ATTR_TYPE[kindOf(key.type)] ?? 'string';
  return `  <key id="${key.id}" for="${scope}" attr.name="${xmlAttr(key.name)}" attr.type="${attrType}"><desc>lagebild-type: ${xmlText(key.type)}</desc></key>`;
}

function dataElements(keys: Key[], properties: Record<string, Value>): string {
  let out = '';
  for (const key of keys) {
    const value = properties[key.name];
    if (value === undefined || value === null) continue;
    out += `<data key="${key.id}">${xmlText(scalarText(value))}</data>`;
  }
  return out;
}

export const graphmlFormat: ExportFormat = {
  name: 'graphml',
  contentType: 'application/graphml+xml; charset=utf-8',
  extension: 'graphml',
  create: (out) => new GraphmlWriter(out),
};
