// Splits a user's two CSV files (nodes: uid,label,...; relationships: source,target,type,...)
// into one file per node table and per relationship table and label pair, with the columns
// in the table's order, so that the engine's COPY FROM can load each one at full speed.
// Everything is checked here, before the database is touched: a bad file changes nothing.

import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { forEachCsvLine, splitFields, fieldText, type CsvLine } from './csvLines.ts';

/** What the database already declares: columns per node table, columns and pairs per rel table. */
export interface ImportCatalog {
  nodeTables: Map<string, string[]>;
  relationshipTables: Map<string, { columns: string[]; pairs: { from: string; to: string }[] }>;
}

/** One file ready for COPY FROM, with its target table. */
export interface NodeCopy {
  label: string;
  file: string;
  rows: number;
}
export interface RelationshipCopy {
  type: string;
  from: string;
  to: string;
  file: string;
  rows: number;
}

/** Tables the import must create first (labels and types the database does not have yet). */
export interface NewTables {
  nodeTables: { label: string; columns: string[] }[];
  relationshipTables: { type: string; columns: string[]; pairs: { from: string; to: string }[] }[];
}

export class ImportError extends Error {
  override name = 'ImportError';
}

export type SplitProgress = (bytesRead: number, totalBytes: number) => void;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COMMA = Buffer.from(',');
const NEWLINE = Buffer.from('\n');

/** Copies slices into a large buffer per output file and writes it out when full. */
class SplitWriter {
  rows = 0;
  private readonly fd: number;
  private buffer = Buffer.allocUnsafe(8 << 20);
  private size = 0;
  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }
  push(chunk: Buffer, start = 0, end = chunk.length): void {
    if (this.size + end - start > this.buffer.length) {
      this.flush();
      if (end - start > this.buffer.length) this.buffer = Buffer.allocUnsafe((end - start) * 2);
    }
    this.size += chunk.copy(this.buffer, this.size, start, end);
  }
  endRow(): void {
    this.push(NEWLINE);
    this.rows++;
  }
  flush(): void {
    if (this.size > 0) writeSync(this.fd, this.buffer, 0, this.size);
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/**
 * How one table's row is built from a CSV line: for each table column, the CSV field index
 * (or -1 for an empty field). `tail` is set when the CSV columns from `tail.from` on are the
 * table's next columns in order, so the rest of the line can be copied as one slice.
 */
interface RowLayout {
  fields: number[];
  tail?: { from: number; tableColumn: number; padding: Buffer };
}

function layoutFor(tableColumns: string[], csvColumns: string[], fixed: number): RowLayout {
  const fields = tableColumns.map((column) => csvColumns.indexOf(column));
  const props = csvColumns.slice(fixed);
  const firstProp = tableColumns.indexOf(props[0] ?? '');
  const inOrder =
    props.length > 0 && firstProp >= 0 && props.every((column, i) => tableColumns[firstProp + i] === column);
  if (!inOrder) return { fields };
  const missingAfter = tableColumns.length - (firstProp + props.length);
  return {
    fields,
    tail: { from: fixed, tableColumn: firstProp, padding: Buffer.from(','.repeat(missingAfter)) },
  };
}

/** Writes one table row: the first `leadFields` CSV fields as they are, then the layout's columns. */
function writeRow(
  writer: SplitWriter,
  line: CsvLine,
  bounds: number[],
  layout: RowLayout,
  leadFields: number,
) {
  const { buffer } = line;
  for (let i = 0; i < leadFields; i++) {
    if (i > 0) writer.push(COMMA);
    writer.push(buffer, bounds[i * 2]!, bounds[i * 2 + 1]!);
  }
  const tail = layout.tail;
  const until = tail ? tail.tableColumn : layout.fields.length;
  for (let c = leadFields; c < until; c++) {
    writer.push(COMMA);
    const f = layout.fields[c]!;
    if (f >= 0 && f * 2 + 1 < bounds.length) writer.push(buffer, bounds[f * 2]!, bounds[f * 2 + 1]!);
  }
  if (tail) {
    writer.push(COMMA);
    const from = bounds[tail.from * 2];
    if (from !== undefined) writer.push(buffer, from, line.end);
    if (tail.padding.length) writer.push(tail.padding);
  }
  writer.endRow();
}

function readHeader(line: CsvLine): string[] {
  const bounds = splitFields(line);
  const names: string[] = [];
  for (let i = 0; i < bounds.length; i += 2)
    names.push(fieldText(line.buffer, bounds[i]!, bounds[i + 1]!).trim());
  return names;
}

function checkName(kind: string, name: string, where: string): void {
  if (!NAME.test(name))
    throw new ImportError(
      `${where}: ${kind} "${name}" is not a valid name; use letters, digits and _ and start with a letter.`,
    );
}

/** Result of splitting the nodes file: per-label files and the label of every uid. */
export interface NodeSplit {
  copies: NodeCopy[];
  newTables: NewTables['nodeTables'];
  labelOfUid: Map<string, string>;
}

/** Splits nodes.csv (header `uid,label,<properties>`) into one file per label. */
export async function splitNodes(
  file: string,
  catalog: ImportCatalog,
  workDir: string,
  labelOfUid: Map<string, string>,
  onProgress?: SplitProgress,
): Promise<NodeSplit> {
  let header: string[] | undefined;
  const writers = new Map<string, { writer: SplitWriter; layout: RowLayout }>();
  const newTables: NewTables['nodeTables'] = [];
  const name = path.basename(file);
  await forEachCsvLine(
    file,
    (line) => {
      if (!header) {
        header = readHeader(line);
        if (header[0] !== 'uid' || header[1] !== 'label')
          throw new ImportError(
            `${name} line 1: the header must start with "uid,label", e.g. "uid,label,name"; found "${header.slice(0, 3).join(',')}".`,
          );
        for (const column of header.slice(2)) checkName('column', column, `${name} line 1`);
        return;
      }
      if (line.end === line.start) return;
      const bounds = splitFields(line);
      if (bounds.length < 4)
        throw new ImportError(`${name} line ${line.lineNumber}: expected uid and label.`);
      const uid = fieldText(line.buffer, bounds[0]!, bounds[1]!);
      const label = fieldText(line.buffer, bounds[2]!, bounds[3]!);
      let target = writers.get(label);
      if (!target) {
        checkName('label', label, `${name} line ${line.lineNumber}`);
        let columns = catalog.nodeTables.get(label);
        if (!columns) {
          columns = ['uid', ...header.slice(2)];
          newTables.push({ label, columns });
        } else {
          const unknown = header.slice(2).filter((c) => !columns!.includes(c));
          if (unknown.length)
            throw new ImportError(
              `${name}: label ${label} has no column ${unknown.join(', ')}; its columns are ${columns.join(', ')}. Rename or drop those CSV columns.`,
            );
        }
        target = {
          writer: new SplitWriter(path.join(workDir, `node-${label}.csv`)),
          layout: layoutFor(columns, header, 2),
        };
        writers.set(label, target);
      }
      if (uid === '') throw new ImportError(`${name} line ${line.lineNumber}: the uid is empty.`);
      if (labelOfUid.has(uid))
        throw new ImportError(
          `${name} line ${line.lineNumber}: uid "${uid}" appears twice (or is already in the database); every uid must be unique.`,
        );
      labelOfUid.set(uid, label);
      writeRow(target.writer, line, bounds, target.layout, 1);
    },
    onProgress,
  );
  if (!header) throw new ImportError(`${name} is empty; it needs a header "uid,label,..." and rows.`);
  const copies = [...writers.entries()].map(([label, { writer }]) => {
    writer.close();
    return { label, file: writer.file, rows: writer.rows };
  });
  return { copies, newTables, labelOfUid };
}

/** Splits relationships.csv (header `source,target,type,<properties>`) per type and label pair. */
export async function splitRelationships(
  file: string,
  catalog: ImportCatalog,
  workDir: string,
  labelOfUid: Map<string, string>,
  onProgress?: SplitProgress,
): Promise<{ copies: RelationshipCopy[]; newTables: NewTables['relationshipTables'] }> {
  let header: string[] | undefined;
  const name = path.basename(file);
  const types = new Map<
    string,
    { columns: string[]; layout: RowLayout; known: boolean; pairs: Set<string> }
  >();
  type Output = { writer: SplitWriter; type: string; from: string; to: string };
  /** type -> from label -> to label -> output file; nested maps avoid a key string per row. */
  const writers = new Map<string, Map<string, Map<string, Output>>>();
  await forEachCsvLine(
    file,
    (line) => {
      if (!header) {
        header = readHeader(line);
        if (header[0] !== 'source' || header[1] !== 'target' || header[2] !== 'type')
          throw new ImportError(
            `${name} line 1: the header must start with "source,target,type"; found "${header.slice(0, 3).join(',')}".`,
          );
        for (const column of header.slice(3)) checkName('column', column, `${name} line 1`);
        return;
      }
      if (line.end === line.start) return;
      const bounds = splitFields(line, 4);
      if (bounds.length < 6)
        throw new ImportError(`${name} line ${line.lineNumber}: expected source, target and type.`);
      const { buffer } = line;
      const source = fieldText(buffer, bounds[0]!, bounds[1]!);
      const target = fieldText(buffer, bounds[2]!, bounds[3]!);
      const type = fieldText(buffer, bounds[4]!, bounds[5]!);
      const from = labelOfUid.get(source);
      const to = labelOfUid.get(target);
      if (from === undefined || to === undefined)
        throw new ImportError(
          `${name} line ${line.lineNumber}: ${from === undefined ? 'source' : 'target'} "${from === undefined ? source : target}" is not a uid in the nodes file or the database.`,
        );
      let byPair = writers.get(type);
      if (!byPair) writers.set(type, (byPair = new Map()));
      let out = byPair.get(from)?.get(to);
      if (!out) {
        let info = types.get(type);
        if (!info) {
          checkName('type', type, `${name} line ${line.lineNumber}`);
          const existing = catalog.relationshipTables.get(type);
          const columns = existing ? existing.columns : header.slice(3);
          if (existing) {
            const unknown = header.slice(3).filter((c) => !columns.includes(c));
            if (unknown.length)
              throw new ImportError(
                `${name}: type ${type} has no column ${unknown.join(', ')}; its columns are ${columns.join(', ') || '(none)'}.`,
              );
          }
          info = {
            columns,
            layout: layoutFor(['source', 'target', ...columns], header, 3),
            known: existing !== undefined,
            pairs: new Set(existing?.pairs.map((p) => `${p.from}\u0000${p.to}`) ?? []),
          };
          types.set(type, info);
        }
        if (info.known && !info.pairs.has(`${from}\u0000${to}`))
          throw new ImportError(
            `${name} line ${line.lineNumber}: type ${type} cannot connect ${from} to ${to}; the database allows ${[...info.pairs].map((p) => p.replace('\u0000', '->')).join(', ')}.`,
          );
        info.pairs.add(`${from}\u0000${to}`);
        out = {
          writer: new SplitWriter(path.join(workDir, `rel-${type}-${from}-${to}.csv`)),
          type,
          from,
          to,
        };
        if (!byPair.has(from)) byPair.set(from, new Map());
        byPair.get(from)!.set(to, out);
      }
      const { layout } = types.get(type)!;
      writeRow(out.writer, line, layout.tail ? bounds : splitFields(line), layout, 2);
    },
    onProgress,
  );
  if (!header)
    throw new ImportError(`${name} is empty; it needs a header "source,target,type,..." and rows.`);
  const outputs = [...writers.values()].flatMap((byFrom) =>
    [...byFrom.values()].flatMap((byTo) => [...byTo.values()]),
  );
  const copies = outputs.map(({ writer, type, from, to }) => {
    writer.close();
    return { type, from, to, file: writer.file, rows: writer.rows };
  });
  const newTables = [...types.entries()]
    .filter(([, t]) => !t.known)
    .map(([type, t]) => ({
      type,
      columns: t.columns,
      pairs: [...t.pairs].map((p) => {
        const [from, to] = p.split('\u0000') as [string, string];
        return { from, to };
      }),
    }));
  return { copies, newTables };
}
