// CSV for `neo4j-admin database import`: nodes.csv and relationships.csv with its header
// conventions (uid:ID, :LABEL, :START_ID, :END_ID, :TYPE, typed columns such as born:long and
// aliases:string[] with ";" between list elements), delivered together in a zip with a
// README.txt that gives the import command. Fields are RFC 4180 quoted; a missing value is an
// empty field, an empty string is "" (neo4j-admin keeps it). List elements cannot contain ";"
// in this format (neo4j-admin has no escape for the array delimiter).

import { PassThrough, type Writable } from 'node:stream';
import yazl from 'yazl';
import type { Value } from '../../store/types.ts';
import { edgePropertyTypes, kindOf, nodePropertyTypes, scalarText } from '../propertyTypes.ts';
import { TextOut } from '../textOut.ts';
import type { ExportEdge, ExportFormat, ExportHeader, ExportNode, GraphWriter } from '../types.ts';

export const ARRAY_DELIMITER = ';';

const ADMIN_TYPE: Record<string, string> = {
  string: 'string',
  int: 'int',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  other: 'string',
};

/** The neo4j-admin column type for an engine type: STRING[] is string[], INT64 is long. */
export function adminType(engineType: string): string {
  if (engineType.endsWith('[]')) return `${adminType(engineType.slice(0, -2))}[]`;
  return ADMIN_TYPE[kindOf(engineType)] ?? 'string';
}

/** One CSV field: quoted when it holds a delimiter, quote or line break (or is the empty string). */
export function csvField(text: string | undefined): string {
  if (text === undefined) return '';
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cell(value: Value | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => scalarText(item)).join(ARRAY_DELIMITER);
  return scalarText(value);
}

const README = (header: ExportHeader) => `Lagebild export for neo4j-admin: ${header.title}
Exported ${header.exportedAt.toISOString()}.

nodes.csv          uid:ID, :LABEL (labels joined by ";"), then one typed column per property
relationships.csv  :START_ID, :END_ID (node uids), :TYPE, then one typed column per property

List elements are separated by "${ARRAY_DELIMITER}" (the neo4j-admin default array delimiter).
Values may contain line breaks, so pass --multiline-fields=true. Import into an empty database:

  neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \\
    --multiline-fields=true --array-delimiter="${ARRAY_DELIMITER}" neo4j
`;

class CsvZipWriter implements GraphWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly finished: Promise<void>;
  private current: TextOut | undefined;
  private nodeColumns: [string, string][] = [];
  private edgeColumns: [string, string][] = [];
  private inEdges = false;

  constructor(out: Writable) {
    this.finished = new Promise((resolve, reject) => {
      out.once('finish', resolve);
      out.once('close', () => reject(new Error('The output stream was closed.')));
      out.once('error', reject);
      this.zip.outputStream.once('error', reject);
    });
    this.finished.catch(() => undefined);
    this.zip.outputStream.pipe(out);
  }

  private openEntry(name: string): TextOut {
    const stream = new PassThrough();
    this.zip.addReadStream(stream, name);
    return new TextOut(stream);
  }

  async begin(header: ExportHeader): Promise<void> {
    this.zip.addBuffer(Buffer.from(README(header), 'utf8'), 'README.txt');
    this.nodeColumns = [...nodePropertyTypes(header.schema)].filter(([name]) => name !== 'uid');
    this.edgeColumns = [...edgePropertyTypes(header.schema)];
    this.current = this.openEntry('nodes.csv');
    const columns = [
      'uid:ID',
      ':LABEL',
      ...this.nodeColumns.map(([name, type]) => `${name}:${adminType(type)}`),
    ];
    await this.current.write(`${columns.map(csvField).join(',')}\n`);
  }

  async node(node: ExportNode): Promise<void> {
    const fields = [
      node.key,
      node.labels.join(ARRAY_DELIMITER),
      ...this.nodeColumns.map(([name]) => cell(node.properties[name])),
    ];
    await this.current!.write(`${fields.map(csvField).join(',')}\n`);
  }

  async edge(edge: ExportEdge): Promise<void> {
    if (!this.inEdges) await this.openEdges();
    const fields = [
      edge.source,
      edge.target,
      edge.type,
      ...this.edgeColumns.map(([name]) => cell(edge.properties[name])),
    ];
    await this.current!.write(`${fields.map(csvField).join(',')}\n`);
  }

  private async openEdges(): Promise<void> {
    this.inEdges = true;
    await this.current!.end();
    this.current = this.openEntry('relationships.csv');
    const columns = [
      ':START_ID',
      ':END_ID',
      ':TYPE',
      ...this.edgeColumns.map(([name, type]) => `${name}:${adminType(type)}`),
    ];
    await this.current.write(`${columns.map(csvField).join(',')}\n`);
  }

  async end(): Promise<void> {
    if (!this.inEdges) await this.openEdges();
    await this.current!.end();
    this.zip.end();
    await this.finished;
  }
}

export const csvZipFormat: ExportFormat = {
  name: 'csv',
  contentType: 'application/zip',
  extension: 'csv.zip',
  create: (out) => new CsvZipWriter(out),
};
