// Reads one node table, or one relationship table's label pair, as columns: a statement per
// range of offsets, each answering one row of collect()ed lists. The engine's binding costs
// about a microsecond per row handed out whatever the row holds, and more for every id() object;
// one row of lists per range read 300,000 relationships in 0.4-0.5 s against 1.1-1.4 s a row
// each (docs/export.md). Nodes are sliced by their offset in the table, relationships by the
// offset of their source node (a range the engine applies without scanning the table), so all of
// one source node's relationships come in one range. Strings and integers travel as one text per
// column, joined in the engine (see ColumnEncoding).

import type { GraphStore, Value } from '../store/types.ts';
import { cypherName } from './cypherLiterals.ts';
import { kindOf } from './propertyTypes.ts';

/** About this many nodes or relationships per statement: big enough to amortise a statement, small enough for memory. */
export const ELEMENTS_PER_SLICE = 20_000;

export interface ColumnReadContext {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Elements per statement (tests use a few, to read many slices). */
  elementsPerSlice?: number;
  /**
   * Elements a column read may read per element it wants before the elements are read as objects
   * instead (columnRead.ts; tests use Infinity to read every case as columns).
   */
  readPerWanted?: number;
}

/** Offsets lo (inclusive) to hi (exclusive) of the node that slices a table. */
export interface OffsetRange {
  lo: number;
  hi: number;
}

/** Ranges of `perSlice` offsets covering 0..maxOffset. */
export function evenRanges(maxOffset: number, perSlice: number): OffsetRange[] {
  const ranges: OffsetRange[] = [];
  for (let lo = 0; lo <= maxOffset; lo += perSlice) ranges.push({ lo, hi: lo + perSlice });
  return ranges;
}

/** Runs a statement that answers one row (an aggregate) and returns that row. */
export type ReadOne = (cypher: string, params?: Record<string, Value>) => Promise<Value[]>;

/** Reads the one row of an aggregate through the store: read-only, with the context's signal and timeout. */
export function firstRowOf(store: GraphStore, context: ColumnReadContext): ReadOne {
  const options = { readOnly: true, signal: context.signal, timeoutMs: context.timeoutMs };
  return async (cypher, params = {}) => (await store.query(cypher, params, options)).rows[0] ?? [];
}

/** Properties per mask column: their null bits must stay below 2^53 to be exact in JavaScript. */
const BITS_PER_MASK = 50;

/**
 * How a column leaves the engine. The binding creates a JavaScript value for every item of a
 * collect()ed list on the main thread (about 0.25 microseconds each), while list_to_string()
 * joins them on the engine's thread into one string: four times less time on the main thread
 * for a slice of strings and integers (docs/export.md, "One text per column"). Integers as text
 * are also exact beyond 2^53, which the binding's numbers are not. DOUBLE stays a list (its text
 * may round), and so do dates, booleans and lists.
 */
type ColumnEncoding = 'strings' | 'integers' | 'list';

/** Between strings: the unit separator, which text hardly ever holds (a slice where one does is read again as lists). */
const STRING_SEPARATOR = '\u001f';

function encodingOf(type: string): ColumnEncoding {
  if (type === 'STRING') return 'strings';
  const kind = kindOf(type);
  return kind === 'int' || kind === 'long' ? 'integers' : 'list';
}

/** The engine's expression for a column of `expression` in the given encoding. */
function collected(expression: string, encoding: ColumnEncoding): string {
  if (encoding === 'list') return `collect(${expression})`;
  const separator = encoding === 'strings' ? STRING_SEPARATOR : ',';
  return `list_to_string('${separator}', collect(${expression}))`;
}

/**
 * A column's `expected` values out of what the engine sent; undefined when the count differs (a
 * string held the separator, or the graph changed between statements).
 */
function decodeColumn(
  value: Value | undefined,
  encoding: ColumnEncoding,
  expected: number,
): Value[] | undefined {
  if (encoding === 'list') {
    // collect() over no values at all gives null rather than an empty list.
    const list = Array.isArray(value) ? value : [];
    return list.length === expected ? list : undefined;
  }
  // list_to_string() of no values is null or ''; of one empty string it is '' too.
  if (expected === 0) return value === null || value === '' ? [] : undefined;
  if (typeof value !== 'string') return undefined;
  const pieces: Value[] = value.split(encoding === 'strings' ? STRING_SEPARATOR : ',');
  if (pieces.length !== expected) return undefined;
  if (encoding === 'integers')
    for (let i = 0; i < pieces.length; i++) {
      const digits = pieces[i] as string;
      const number = Number(digits);
      pieces[i] = Number.isSafeInteger(number) ? number : BigInt(digits);
    }
  return pieces;
}

/**
 * Offsets as numbers from the engine's digits and commas, read in one pass (a split and a Number()
 * per piece took twice as long); undefined when the engine sent no text.
 */
function decodeOffsets(value: Value | undefined): number[] | undefined {
  if (value === null || value === '') return [];
  if (typeof value !== 'string') return undefined;
  const offsets: number[] = [];
  let offset = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === COMMA) {
      offsets.push(offset);
      offset = 0;
    } else offset = offset * 10 + code - ZERO;
  }
  offsets.push(offset);
  return offsets;
}

const COMMA = 44;
const ZERO = 48;

/**
 * The columns of one node table or one relationship table's label pair. collect() leaves nulls
 * out, so a property that has nulls gets a bit in a null mask per element; which ones have nulls
 * is counted first (count() of a property counts its non-null values).
 */
export class ElementColumns {
  count = 0;
  maxOffset = -1;
  private nullable: string[] = [];
  private readonly keys: string[];
  private readonly encodings: ColumnEncoding[];
  /** Set once a slice did not line up: strings come as lists from then on (a string held the separator?). */
  private stringsAsLists = false;
  /** The node whose offset slices the table: the node itself, or a relationship's source. */
  private readonly sliceBy: 'n' | 'a';

  constructor(
    private readonly variable: 'n' | 'r',
    private readonly pattern: string,
    properties: { key: string; type: string }[],
  ) {
    this.keys = properties.map((p) => p.key);
    this.encodings = properties.map((p) => encodingOf(p.type));
    this.sliceBy = variable === 'n' ? 'n' : 'a';
  }

  private get sliceFilter(): string {
    const offset = `offset(id(${this.sliceBy}))`;
    return `WHERE ${offset} >= $lo AND ${offset} < $hi`;
  }

  private property(key: string): string {
    return `${this.variable}.${cypherName(key)}`;
  }

  /**
   * Counts elements and non-null values, within `span` of the slicing node's offsets when given
   * (only those elements will be read); returns the table id, or undefined when there are none.
   */
  async plan(firstRow: ReadOne, span?: OffsetRange): Promise<string | undefined> {
    const counts = this.keys.map((key) => `, count(${this.property(key)})`).join('');
    const [count, maxOffset, ...filled] = await firstRow(
      `MATCH ${this.pattern} ${span ? this.sliceFilter : ''} RETURN count(${this.variable}), max(offset(id(${this.sliceBy})))${counts}`,
      span ? { lo: span.lo, hi: span.hi } : {},
    );
    this.count = Number(count ?? 0);
    if (this.count === 0) return undefined;
    this.maxOffset = Number(maxOffset);
    this.nullable = this.keys.filter((_, k) => Number(filled[k]) < this.count);
    return String(await this.tableId(firstRow));
  }

  /** The engine's number for the table (the first part of its elements' ids); undefined when it is empty. */
  async tableId(firstRow: ReadOne): Promise<number | undefined> {
    const [id] = await firstRow(`MATCH ${this.pattern} RETURN id(${this.variable}) LIMIT 1`);
    return typeof id === 'string' ? Number(id.split(':')[0]) : undefined;
  }

  private encoding(k: number): ColumnEncoding {
    const encoding = this.encodings[k]!;
    return encoding === 'strings' && this.stringsAsLists ? 'list' : encoding;
  }

  private statement(nullable: string[]): string {
    const offset = (variable: string) => collected(`offset(id(${variable}))`, 'integers');
    const ends = this.variable === 'r' ? `, ${offset('a')}, ${offset('b')}` : '';
    const values = this.keys.map((key, k) => `, ${collected(this.property(key), this.encoding(k))}`).join('');
    const masks: string[] = [];
    for (let first = 0; first < nullable.length; first += BITS_PER_MASK) {
      const bits = nullable
        .slice(first, first + BITS_PER_MASK)
        .map((key, bit) => `CASE WHEN ${this.property(key)} IS NULL THEN ${2 ** bit} ELSE 0 END`);
      masks.push(`, collect(${bits.join(' + ')})`);
    }
    return `MATCH ${this.pattern} ${this.sliceFilter} RETURN ${offset(this.variable)}${ends}${values}${masks.join('')}`;
  }

  /** Reads the given ranges of the table, in order, and hands each range's columns to `handle`. */
  async forEachSlice(
    firstRow: ReadOne,
    ranges: OffsetRange[],
    context: ColumnReadContext,
    handle: (
      offsets: number[],
      ends: { a: number[]; b: number[] },
      properties: (i: number) => Record<string, Value>,
    ) => Promise<void>,
  ): Promise<void> {
    let planned = this.statement(this.nullable);
    const readAhead = (range: OffsetRange | undefined) => {
      if (!range) return undefined;
      const row = firstRow(planned, { lo: range.lo, hi: range.hi });
      row.catch(() => undefined); // awaited below; not unhandled if the export stops first
      return row;
    };
    // The engine reads the next range on its own thread while this one is written.
    let next = readAhead(ranges[0]);
    for (let r = 0; r < ranges.length; r++) {
      const { lo, hi } = ranges[r]!;
      const row = await next!;
      next = readAhead(ranges[r + 1]);
      let read = this.readSlice(row, this.nullable);
      if (!read) {
        // A value that became null after the counts (a write in between) would shift a column,
        // and a string that holds the separator splits in two: such a range is read again with
        // every property masked and strings as lists, and the ranges read after it with lists too.
        this.stringsAsLists = true;
        planned = this.statement(this.nullable);
        // The range read ahead joined its strings too: read it again with lists.
        next = readAhead(ranges[r + 1]);
        read = this.readSlice(await firstRow(this.statement(this.keys), { lo, hi }), this.keys);
      }
      if (!read) throw linedUpNot(this.pattern);
      context.signal?.throwIfAborted();
      await handle(read.offsets, read.ends, read.properties);
    }
  }

  /** Lines the columns up element by element; undefined when their lengths do not match. */
  private readSlice(row: Value[], nullable: string[]) {
    const hasEnds = this.variable === 'r';
    const offsets = decodeOffsets(row[0]);
    if (!offsets) return undefined;
    const n = offsets.length;
    const ends = { a: [] as number[], b: [] as number[] };
    if (hasEnds) {
      const a = decodeOffsets(row[1]);
      const b = decodeOffsets(row[2]);
      if (!a || !b || a.length !== n || b.length !== n) return undefined;
      ends.a = a;
      ends.b = b;
    }
    const first = hasEnds ? 3 : 1;
    const masks = row
      .slice(first + this.keys.length)
      .map((mask) => (Array.isArray(mask) ? (mask as number[]) : []));
    // Where each property's value for element i is: its position in the column, or -1 for null.
    const positions = this.keys.map(() => new Int32Array(n));
    const values: Value[][] = [];
    for (let k = 0; k < this.keys.length; k++) {
      const bit = nullable.indexOf(this.keys[k]!);
      const positionsOfK = positions[k]!;
      let filled = n;
      if (bit < 0) {
        for (let i = 0; i < n; i++) positionsOfK[i] = i;
      } else {
        const mask = masks[Math.floor(bit / BITS_PER_MASK)]!;
        if (mask.length !== n) return undefined;
        const value = 2 ** (bit % BITS_PER_MASK);
        filled = 0;
        for (let i = 0; i < n; i++) positionsOfK[i] = Math.floor(mask[i]! / value) % 2 === 1 ? -1 : filled++;
      }
      const column = decodeColumn(row[first + k], this.encoding(k), filled);
      if (!column) return undefined;
      values.push(column);
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
    return { offsets, ends, properties };
  }
}

const linedUpNot = (pattern: string) =>
  new Error(
    `The engine's columns for ${pattern} do not line up (the graph changed during the export?); export again.`,
  );
