// The labels scope on the embedded engine, read column by column. The engine's binding costs about
// a microsecond per row handed out whatever the row holds, and more for every id() object; one row
// of collect()ed lists per slice of a table read 300,000 relationships in 0.4-0.5 s against
// 1.1-1.4 s a row each (docs/export.md). Nodes are sliced by their offset in the table,
// relationships by the offset of their source node, so a statement holds a slice of the table in
// memory; but all of one source node's relationships come in one slice (a hub's in one statement).

import { INTEGER_TYPES, isUnsafe } from '../store/ladybug/exactIntegers.ts';
import type { GraphSchema, GraphStore, Value } from '../store/types.ts';
import { cypherName } from './cypherLiterals.ts';
import type { Tracker } from './sources.ts';

type LabelInfo = GraphSchema['labels'][number];
type TypeInfo = GraphSchema['relationshipTypes'][number];

/** About this many nodes or relationships per statement: big enough to amortise a statement, small enough for memory. */
const ELEMENTS_PER_SLICE = 20_000;

export interface ColumnReadContext {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Elements per statement (tests use a few, to read many slices). */
  elementsPerSlice?: number;
}

/** Node keys by label and offset: what relationships name their ends by, once the nodes are written. */
type KeysByOffset = Map<string, string[]>;

export async function exportLabelsByColumns(
  store: GraphStore,
  scope: { labels: LabelInfo[]; types: TypeInfo[]; wanted: Set<string> },
  tracker: Tracker,
  context: ColumnReadContext,
): Promise<void> {
  const options = { readOnly: true, signal: context.signal, timeoutMs: context.timeoutMs };
  const perStatement = context.elementsPerSlice ?? ELEMENTS_PER_SLICE;
  /** Every statement here answers one row (aggregates). */
  const firstRow: ReadOne = async (cypher, params = {}) =>
    (await store.query(cypher, params, options)).rows[0] ?? [];

  const keysByOffset: KeysByOffset = new Map();
  for (const label of scope.labels) {
    const name = cypherName(label.label);
    const keys: string[] = [];
    keysByOffset.set(label.label, keys);
    const element = new ElementColumns('n', `(n:${name})`, label.properties);
    const table = await element.plan(firstRow);
    if (!table) continue;
    await element.forEachSlice(firstRow, perStatement, context, async (offsets, _ends, properties) => {
      for (let i = 0; i < offsets.length; i++) {
        const props = properties(i);
        const uid = props.uid;
        const key = typeof uid === 'string' && uid !== '' ? uid : `${table}:${offsets[i]}`;
        keys[offsets[i]!] = key;
        await tracker.writeNodeOnce({ key, labels: [label.label], properties: props });
      }
    });
  }

  for (const type of scope.types) {
    for (const { from, to } of type.connections) {
      if (!scope.wanted.has(from) || !scope.wanted.has(to)) continue;
      const pattern = `(a:${cypherName(from)})-[r:${cypherName(type.type)}]->(b:${cypherName(to)})`;
      const element = new ElementColumns('r', pattern, type.properties);
      const table = await element.plan(firstRow);
      if (!table) continue;
      const sources = keysByOffset.get(from)!;
      const targets = keysByOffset.get(to)!;
      // Source nodes per slice from the average degree; a hub's relationships come in one slice.
      const perSlice = Math.max(1, Math.floor((perStatement * (element.maxOffset + 1)) / element.count));
      await element.forEachSlice(firstRow, perSlice, context, async (ids, ends, properties) => {
        for (let i = 0; i < ids.length; i++) {
          const source = sources[ends.a[i]!];
          const target = targets[ends.b[i]!];
          if (source === undefined || target === undefined) continue;
          await tracker.writeResolvedEdge({
            key: `${table}:${ids[i]}`,
            type: type.type,
            source,
            target,
            sourceLabel: from,
            targetLabel: to,
            properties: properties(i),
          });
        }
      });
    }
  }
}

type ReadOne = (cypher: string, params?: Record<string, Value>) => Promise<Value[]>;

/** Properties per mask column: their null bits must stay below 2^53 to be exact in JavaScript. */
const BITS_PER_MASK = 50;

/**
 * The columns of one node table or one relationship table's label pair. collect() leaves nulls
 * out, so a property that has nulls gets a bit in a null mask per element; which ones have nulls
 * is counted first (count() of a property counts its non-null values).
 */
class ElementColumns {
  count = 0;
  maxOffset = -1;
  private nullable: string[] = [];
  private readonly keys: string[];
  private readonly types: string[];
  /** The node whose offset slices the table: the node itself, or a relationship's source. */
  private readonly sliceBy: 'n' | 'a';

  constructor(
    private readonly variable: 'n' | 'r',
    private readonly pattern: string,
    properties: { key: string; type: string }[],
  ) {
    this.keys = properties.map((p) => p.key);
    this.types = properties.map((p) => p.type);
    this.sliceBy = variable === 'n' ? 'n' : 'a';
  }

  private get sliceFilter(): string {
    const offset = `offset(id(${this.sliceBy}))`;
    return `WHERE ${offset} >= $lo AND ${offset} < $hi`;
  }

  private property(key: string): string {
    return `${this.variable}.${cypherName(key)}`;
  }

  /** Counts elements and non-null values; returns the table id, or undefined when it is empty. */
  async plan(firstRow: ReadOne): Promise<string | undefined> {
    const counts = this.keys.map((key) => `, count(${this.property(key)})`).join('');
    const [count, maxOffset, ...filled] = await firstRow(
      `MATCH ${this.pattern} RETURN count(${this.variable}), max(offset(id(${this.sliceBy})))${counts}`,
    );
    this.count = Number(count ?? 0);
    if (this.count === 0) return undefined;
    this.maxOffset = Number(maxOffset);
    this.nullable = this.keys.filter((_, k) => Number(filled[k]) < this.count);
    const [id] = await firstRow(`MATCH ${this.pattern} RETURN id(${this.variable}) LIMIT 1`);
    return String(id).split(':')[0];
  }

  private statement(nullable: string[]): string {
    const ends = this.variable === 'r' ? ', collect(offset(id(a))), collect(offset(id(b)))' : '';
    const values = this.keys.map((key) => `, collect(${this.property(key)})`).join('');
    const masks: string[] = [];
    for (let first = 0; first < nullable.length; first += BITS_PER_MASK) {
      const bits = nullable
        .slice(first, first + BITS_PER_MASK)
        .map((key, bit) => `CASE WHEN ${this.property(key)} IS NULL THEN ${2 ** bit} ELSE 0 END`);
      masks.push(`, collect(${bits.join(' + ')})`);
    }
    return `MATCH ${this.pattern} ${this.sliceFilter} RETURN collect(offset(id(${this.variable})))${ends}${values}${masks.join('')}`;
  }

  /** Reads the table slice by slice and hands each slice's columns to `handle`. */
  async forEachSlice(
    firstRow: ReadOne,
    perSlice: number,
    context: ColumnReadContext,
    handle: (
      offsets: number[],
      ends: { a: number[]; b: number[] },
      properties: (i: number) => Record<string, Value>,
    ) => Promise<void>,
  ): Promise<void> {
    const planned = this.statement(this.nullable);
    const readAhead = (lo: number) => {
      const row = firstRow(planned, { lo, hi: lo + perSlice });
      row.catch(() => undefined); // awaited below; not unhandled if the export stops first
      return row;
    };
    // The engine reads the next slice on its own thread while this one is written.
    let next = readAhead(0);
    for (let lo = 0; lo <= this.maxOffset; lo += perSlice) {
      const params = { lo, hi: lo + perSlice };
      const row = await next;
      if (lo + perSlice <= this.maxOffset) next = readAhead(lo + perSlice);
      // A value that became null after the counts (a write in between) would shift a column:
      // such a slice is read again with every property masked.
      const read =
        this.readSlice(row, this.nullable) ??
        this.readSlice(await firstRow(this.statement(this.keys), params), this.keys);
      if (!read) throw linedUpNot(this.pattern);
      await this.restoreExactIntegers(firstRow, read.values, params);
      context.signal?.throwIfAborted();
      await handle(read.offsets, read.ends, read.properties);
    }
  }

  /**
   * The binding rounds integers beyond 2^53 (a list of them too, and collect() makes lists): the
   * integer columns of a slice that holds one are read again as text and those values replaced.
   */
  private async restoreExactIntegers(firstRow: ReadOne, values: Value[][], params: Record<string, Value>) {
    const unsafe = this.keys
      .map((_, k) => k)
      .filter((k) => INTEGER_TYPES.has(this.types[k]!) && values[k]!.some(isUnsafe));
    if (unsafe.length === 0) return;
    const columns = unsafe.map((k) => `collect(to_string(${this.property(this.keys[k]!)}))`);
    const texts = await firstRow(
      `MATCH ${this.pattern} ${this.sliceFilter} RETURN ${columns.join(', ')}`,
      params,
    );
    unsafe.forEach((k, j) => {
      const text = texts[j] as string[] | null;
      if (!text || text.length !== values[k]!.length) throw linedUpNot(this.pattern);
      values[k] = values[k]!.map((value, i) => (isUnsafe(value) ? BigInt(text[i]!) : value));
    });
  }

  /** Lines the columns up element by element; undefined when their lengths do not match. */
  private readSlice(row: Value[], nullable: string[]) {
    const hasEnds = this.variable === 'r';
    // collect() over no values at all gives null rather than an empty list.
    const list = <T>(value: Value | undefined) => (Array.isArray(value) ? (value as T[]) : []);
    const offsets = list<number>(row[0]);
    const ends = hasEnds ? { a: list<number>(row[1]), b: list<number>(row[2]) } : { a: [], b: [] };
    const first = hasEnds ? 3 : 1;
    const values = this.keys.map((_, k) => list<Value>(row[first + k]));
    const masks = row.slice(first + this.keys.length).map((mask) => list<number>(mask));
    const n = offsets.length;
    if (hasEnds && (ends.a.length !== n || ends.b.length !== n)) return undefined;
    // Where each property's value for element i is: its position in the column, or -1 for null.
    const positions = this.keys.map(() => new Int32Array(n));
    for (let k = 0; k < this.keys.length; k++) {
      const bit = nullable.indexOf(this.keys[k]!);
      const positionsOfK = positions[k]!;
      if (bit < 0) {
        if (values[k]!.length !== n) return undefined;
        for (let i = 0; i < n; i++) positionsOfK[i] = i;
        continue;
      }
      const mask = masks[Math.floor(bit / BITS_PER_MASK)]!;
      const value = 2 ** (bit % BITS_PER_MASK);
      let next = 0;
      for (let i = 0; i < n; i++) positionsOfK[i] = Math.floor(mask[i]! / value) % 2 === 1 ? -1 : next++;
      if (next !== values[k]!.length) return undefined;
    }
    const keys = this.keys;
    const properties = (i: number): Record<string, Value> => {
      const out: Record<string, Value> = {};
      for (let k = 0; k < keys.length; k++) {
        const at = positions[k]![i]!;
        if (at >= 0) out[keys[k]!] = values[k]![at]!;
      }
      return out;
    };
    return { offsets, ends, values, properties };
  }
}

const linedUpNot = (pattern: string) =>
  new Error(
    `The engine's columns for ${pattern} do not line up (the graph changed during the export?); export again.`,
  );
