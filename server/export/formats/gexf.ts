// GEXF 1.3 (Gephi): typed attribute declarations per class, node captions as labels, the
// relationship type as edge label and kind, and canvas positions as viz:position.
// Lists and maps are JSON text, dates ISO 8601 text (as in the GraphML writer).

import type { Writable } from 'node:stream';
import type { Value } from '../../store/types.ts';
import { edgePropertyTypes, kindOf, nodePropertyTypes, scalarText } from '../propertyTypes.ts';
import { TextOut } from '../textOut.ts';
import type { ExportEdge, ExportFormat, ExportHeader, ExportNode, GraphWriter } from '../types.ts';
import { xmlAttr, xmlText } from '../xml.ts';

const GEXF_TYPE: Record<string, string> = {
  int: 'integer',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
};

interface Attribute {
  id: string;
  name: string;
}

/** The text a node is shown with in Gephi: its name, else its uid. */
export function caption(node: ExportNode): string {
  const name = node.properties.name ?? node.properties.title;
  return typeof name === 'string' && name !== '' ? name : node.key;
}

class GexfWriter implements GraphWriter {
  private readonly text: TextOut;
  private nodeAttributes: Attribute[] = [];
  private edgeAttributes: Attribute[] = [];
  private edgeCount = 0;
  private inEdges = false;

  constructor(out: Writable) {
    this.text = new TextOut(out);
  }

  async begin(header: ExportHeader): Promise<void> {
    const nodeTypes = [...nodePropertyTypes(header.schema)];
    const edgeTypes = [...edgePropertyTypes(header.schema)];
    this.nodeAttributes = nodeTypes.map(([name], i) => ({ id: `n${i}`, name }));
    this.edgeAttributes = edgeTypes.map(([name], i) => ({ id: `e${i}`, name }));
    const declare = (id: string, name: string, type: string) =>
      `      <attribute id="${id}" title="${xmlAttr(name)}" type="${GEXF_TYPE[kindOf(type)] ?? 'string'}"/>`;
    const lines = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
      `  <meta lastmodifieddate="${header.exportedAt.toISOString().slice(0, 10)}">`,
      '    <creator>Lagebild</creator>',
      `    <description>${xmlText(header.title)}</description>`,
      '  </meta>',
      '  <graph defaultedgetype="directed" mode="static">',
      '    <attributes class="node" mode="static">',
      '      <attribute id="labels" title="labels" type="string"/>',
      ...nodeTypes.map(([name, type], i) => declare(`n${i}`, name, type)),
      '    </attributes>',
      '    <attributes class="edge" mode="static">',
      ...edgeTypes.map(([name, type], i) => declare(`e${i}`, name, type)),
      '    </attributes>',
      '    <nodes>',
      '',
    ];
    await this.text.write(lines.join('\n'));
  }

  node(node: ExportNode): Promise<void> | undefined {
    let line = `      <node id="${xmlAttr(node.key)}" label="${xmlAttr(caption(node))}"><attvalues><attvalue for="labels" value="${xmlAttr(node.labels.join(':'))}"/>`;
    line += attvalues(this.nodeAttributes, node.properties);
    line += '</attvalues>';
    if (node.position) line += `<viz:position x="${node.position.x}" y="${node.position.y}" z="0"/>`;
    return this.text.write(`${line}</node>\n`);
  }

  edge(edge: ExportEdge): Promise<void> | undefined {
    let line = `${this.openEdges()}      <edge id="${this.edgeCount++}" source="${xmlAttr(edge.source)}" target="${xmlAttr(edge.target)}" label="${xmlAttr(edge.type)}" kind="${xmlAttr(edge.type)}">`;
    const values = attvalues(this.edgeAttributes, edge.properties);
    if (values) line += `<attvalues>${values}</attvalues>`;
    return this.text.write(`${line}</edge>\n`);
  }

  /** What closes the nodes and opens the edges, the first time only: the edges' first line starts with it. */
  private openEdges(): string {
    if (this.inEdges) return '';
    this.inEdges = true;
    return '    </nodes>\n    <edges>\n';
  }

  async end(): Promise<void> {
    await this.text.write(`${this.openEdges()}    </edges>\n  </graph>\n</gexf>\n`);
    await this.text.end();
  }
}

function attvalues(attributes: Attribute[], properties: Record<string, Value>): string {
  let out = '';
  for (const attribute of attributes) {
    const value = properties[attribute.name];
    if (value === undefined || value === null) continue;
    out += `<attvalue for="${attribute.id}" value="${xmlAttr(scalarText(value))}"/>`;
  }
  return out;
}

export const gexfFormat: ExportFormat = {
  name: 'gexf',
  contentType: 'application/gexf+xml; charset=utf-8',
  extension: 'gexf',
  create: (out) => new GexfWriter(out),
};
