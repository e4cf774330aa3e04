// Writes the Lagebild JSON format (see ../lagebildJson.schema.ts), streamed element by element.

import type { Writable } from 'node:stream';
import { jsonText } from '../propertyTypes.ts';
import { LAGEBILD_JSON_FORMAT, LAGEBILD_JSON_VERSION } from '../lagebildJson.schema.ts';
import { TextOut } from '../textOut.ts';
import type {
  ExportEdge,
  ExportFormat,
  ExportHeader,
  ExportNode,
  ExportSchema,
  GraphWriter,
} from '../types.ts';

/** The schema section as plain JSON objects. */
export function schemaJson(schema: ExportSchema) {
  return {
    nodes: Object.fromEntries([...schema.nodes].map(([label, props]) => [label, Object.fromEntries(props)])),
    edges: Object.fromEntries(
      [...schema.edges].map(([type, info]) => [
        type,
        { properties: Object.fromEntries(info.properties), connections: info.connections },
      ]),
    ),
  };
}

class LagebildJsonWriter implements GraphWriter {
  private readonly text: TextOut;
  private nodeCount = 0;
  private edgeCount = 0;
  private inEdges = false;

  constructor(out: Writable) {
    this.text = new TextOut(out);
  }

  async begin(header: ExportHeader): Promise<void> {
    const head = [
      `{"format":${JSON.stringify(LAGEBILD_JSON_FORMAT)},"version":${LAGEBILD_JSON_VERSION}`,
      `"title":${JSON.stringify(header.title)}`,
      `"exportedAt":${JSON.stringify(header.exportedAt.toISOString())}`,
      `"schema":${jsonText(schemaJson(header.schema))}`,
      '"nodes":[\n',
    ];
    await this.text.write(head.join(',\n'));
  }

  node(node: ExportNode): Promise<void> | undefined {
    const item = {
      key: node.key,
      labels: node.labels,
      properties: node.properties,
      position: node.position,
      style: node.style,
    };
    return this.text.write(`${this.nodeCount++ ? ',\n' : ''}${jsonText(item)}`);
  }

  edge(edge: ExportEdge): Promise<void> | undefined {
    const item = {
      key: edge.key,
      type: edge.type,
      source: edge.source,
      target: edge.target,
      properties: edge.properties,
      style: edge.style,
    };
    return this.text.write(`${this.openEdges()}${this.edgeCount++ ? ',\n' : ''}${jsonText(item)}`);
  }

  /** What closes the nodes and opens the edges, the first time only: the first edge starts with it. */
  private openEdges(): string {
    if (this.inEdges) return '';
    this.inEdges = true;
    return '\n],\n"edges":[\n';
  }

  async end(): Promise<void> {
    await this.text.write(`${this.openEdges()}\n]}\n`);
    await this.text.end();
  }
}

export const lagebildJsonFormat: ExportFormat = {
  name: 'lagebild-json',
  contentType: 'application/json; charset=utf-8',
  extension: 'lagebild.json',
  create: (out) => new LagebildJsonWriter(out),
};
