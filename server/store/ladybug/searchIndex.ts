// An in-process name index for search-as-you-type: every node's names (folded: lower case,
// no diacritics) in one long string, so a keystroke costs a string search in memory instead
// of a scan of every node in the engine (about 1 s per keystroke on a 1M-node graph).
// Built in the background (on open for a big graph, else on the first search). After a write
// a small index is rebuilt before the next search answers (it takes milliseconds); a big one
// keeps answering while a new one is built, so a stream of writes cannot push every keystroke
// back to a scan. Until the first build is done, search scans in the engine.
// It also remembers every node's uid by id, because the engine finds a node by its uid (the
// primary key) in under a millisecond but by its internal id only by scanning its table.

import { compareHits, fold, rankMatch } from '../../search/rank.ts';
import type { GraphNode, SearchHit, Value } from '../types.ts';
import { quoteName, type ReadRows } from './schema.ts';
import { NAME_KEYS, namesOf } from '../../search/names.ts';
import { buildWordStarts, forEachWordStart, type WordStarts } from './wordStarts.ts';
import { formatId } from './values.ts';

/** What the index reads from: the store. */
export interface IndexSource {
  /** Runs the build's reads on one connection. */
  withConnection<T>(work: (read: ReadRows) => Promise<T>): Promise<T>;
  nodesById(ids: string[]): Promise<GraphNode[]>;
}

/** The built index: entries are names; each belongs to one node. */
interface Built {
  /** "\n" + folded names joined by "\n" + "\n"; a name's start follows a "\n". */
  haystack: string;
  /** Start of each entry in the haystack, ascending. */
  starts: Int32Array;
  /** Node number of each entry. */
  owners: Int32Array;
  /** Table id and offset of each node number (formatId makes its opaque id of them). */
  nodeTables: Int32Array;
  nodeOffsets: Float64Array;
  /** uid by table id and offset, for lookups by primary key. */
  uids: Map<number, string[]>;
  /** Where words start, for search by word beginnings without scanning. */
  words: WordStarts;
}

/** Nodes read per statement while building (by offset within their table). */
const BUILD_SLICE = 50_000;

/** Slices per table at most: each one costs a scan of the table in the engine. */
const MAX_SLICES = 16;

/** How many matching nodes are ranked for one search (best-named first: prefix matches). */
const CANDIDATES = 500;

/**
 * Up to this many nodes a stale index is rebuilt before search answers, so search sees the
 * latest writes (a build of 50,000 nodes takes well under a second); a bigger graph answers
 * from the previous index while the new one is built (about 10 s at 1M nodes).
 */
export const WAIT_FOR_BUILD_NODES = 50_000;

export interface SearchIndexOptions {
  /** Largest index that search waits to rebuild after a write (default WAIT_FOR_BUILD_NODES). */
  waitForBuildNodes?: number;
  /** Nodes read per statement while building (default BUILD_SLICE). */
  buildSlice?: number;
}

export class SearchIndex {
  private built: Built | undefined;
  private building: Promise<void> | undefined;
  /** Bumped by every write; an index built from an older version is not used. */
  private version = 0;
  private builtVersion = -1;
  private stopped = false;

  private readonly waitForBuildNodes: number;
  private readonly buildSlice: number;

  constructor(
    private readonly source: IndexSource,
    options: SearchIndexOptions = {},
  ) {
    this.waitForBuildNodes = options.waitForBuildNodes ?? WAIT_FOR_BUILD_NODES;
    this.buildSlice = Math.max(1, Math.floor(options.buildSlice ?? BUILD_SLICE));
  }

  /** True when search can be answered from memory. */
  get ready(): boolean {
    return this.built !== undefined && this.builtVersion === this.version;
  }

  /**
   * For /api/health: ready; building (search scans or uses the previous index meanwhile); or
   * stale, when none is built yet or writes came after the last build and no search has asked
   * for a new one since (the next search starts it).
   */
  get state(): 'ready' | 'building' | 'stale' {
    if (this.ready) return 'ready';
    return this.building ? 'building' : 'stale';
  }

  /** Marks the index stale without rebuilding yet (search scans until the next build). */
  markStale(): void {
    this.version++;
  }

  /** Stops building (the store is closing) and waits for a build in flight to give up. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.whenIdle();
  }

  /** Starts a build unless one is running; a build that ends stale starts another. */
  scheduleBuild(): void {
    if (this.building || this.stopped) return;
    const version = this.version;
    this.building = this.source
      .withConnection((read) => this.build(read))
      .then((built) => {
        this.built = built;
        this.builtVersion = version;
      })
      .catch(() => {
        // Search keeps scanning in the engine; the next write or search tries again.
        this.built = undefined;
      })
      .finally(() => {
        this.building = undefined;
        if (this.builtVersion !== this.version && this.built !== undefined) this.scheduleBuild();
      });
  }

  /** Waits for a build in flight (tests and benchmarks). */
  async whenIdle(): Promise<void> {
    while (this.building) await this.building;
  }

  private async build(read: ReadRows): Promise<Built> {
    const tables = await read("CALL show_tables() WITH id, name, type WHERE type = 'NODE' RETURN id, name");
    const names: string[] = [];
    const owners: number[] = [];
    const nodeTables: number[] = [];
    const nodeOffsets: number[] = [];
    const uids = new Map<number, string[]>();
    for (const [tableId, table] of tables) {
      if (this.stopped) throw new Error('The store is closing.');
      const label = quoteName(String(table));
      const columns = (
        await read(`CALL table_info('${String(table).replaceAll("'", "\\'")}') RETURN name`)
      ).map(([name]) => String(name));
      const keys = NAME_KEYS.filter((key) => columns.includes(key));
      const hasUid = columns.includes('uid');
      if (keys.length === 0 && !hasUid) continue;
      const tableUids: string[] = [];
      uids.set(Number(tableId), tableUids);
      const [[maxOffset]] = (await read(`MATCH (n:${label}) RETURN max(offset(id(n)))`)) as [[Value]];
      if (maxOffset === null) continue;
      // A big table is read in slices of offsets: the rows of one slice are garbage soon after,
      // where a whole table's rows at once (390,000 Claims) grew the heap for good. The engine
      // scans the table for each slice, so a huge table gets bigger slices, MAX_SLICES at most.
      const tableEnd = Number(maxOffset) + 1;
      const slice = Math.max(this.buildSlice, Math.ceil(tableEnd / MAX_SLICES));
      // The bounds are parameters: one prepared statement per table, not one per slice.
      const statement =
        `MATCH (n:${label}) WHERE offset(id(n)) >= $lo AND offset(id(n)) < $hi ` +
        `RETURN offset(id(n)), ${hasUid ? 'n.uid' : 'NULL'}${keys.map((k) => `, n.${quoteName(k)}`).join('')}`;
      for (let lo = 0; lo < tableEnd; lo += slice) {
        if (this.stopped) throw new Error('The store is closing.');
        const rows = await read(statement, { lo, hi: lo + slice });
        for (const row of rows) {
          const node = nodeTables.length;
          const offset = Number(row[0]);
          nodeTables.push(Number(tableId));
          nodeOffsets.push(offset);
          if (typeof row[1] === 'string') tableUids[offset] = row[1];
          for (let i = 2; i < row.length; i++) {
            const value = row[i];
            const values = Array.isArray(value) ? value : [value];
            for (const name of values) {
              if (typeof name !== 'string' || name === '') continue;
              names.push(fold(name).replaceAll('\n', ' '));
              owners.push(node);
            }
          }
        }
      }
    }
    const starts = new Int32Array(names.length);
    let at = 1;
    for (let i = 0; i < names.length; i++) {
      starts[i] = at;
      at += names[i]!.length + 1;
    }
    const haystack = `\n${names.join('\n')}\n`;
    return {
      haystack,
      starts,
      owners: Int32Array.from(owners),
      nodeTables: Int32Array.from(nodeTables),
      nodeOffsets: Float64Array.from(nodeOffsets),
      uids,
      words: buildWordStarts(haystack),
    };
  }

  /** The uid of the node with this table and offset, when the index is ready and knows it. */
  uidOf(table: number, offset: number): string | undefined {
    return this.ready ? this.built!.uids.get(table)?.[offset] : undefined;
  }

  /**
   * The uid the last build saw at this table and offset, even when writes came since: a node
   * deleted since may have left its offset to another, so the caller checks the id it gets back.
   */
  uidHint(table: number, offset: number): string | undefined {
    return this.built?.uids.get(table)?.[offset];
  }

  /**
   * The index to answer a search from: the current one; after writes a fresh one when building
   * is quick, else the previous one while a new one is built; undefined before the first build.
   */
  private async usable(): Promise<Built | undefined> {
    if (this.ready) return this.built;
    const wanted = this.version;
    this.scheduleBuild();
    if (this.built === undefined || this.built.nodeTables.length > this.waitForBuildNodes) return this.built;
    while (this.building && this.builtVersion < wanted) await this.building;
    return this.built;
  }

  /** Ranked hits, or undefined when no index has been built yet (the caller scans instead). */
  async search(text: string, limit: number): Promise<SearchHit[] | undefined> {
    const index = await this.usable();
    if (index === undefined) return undefined;
    const needle = fold(text.trim());
    if (needle === '' || needle.includes('\n')) return [];
    // Words that begin with the text (they rank above matches inside a word); the whole text
    // is scanned for matches inside words only when no word begins with it, because that scan
    // costs 10-60 ms at 1M nodes while a word-start lookup costs under 3 ms.
    const candidates = new Map<number, string[]>();
    forEachWordStart(index.words, index.haystack, needle, (at) => {
      const entry = entryAt(index.starts, at);
      const node = index.owners[entry]!;
      if (!candidates.has(node)) candidates.set(node, namesOfNode(index, entry));
      return candidates.size < CANDIDATES;
    });
    if (candidates.size === 0) this.collect(index, needle, 0, candidates);
    const ranked: { node: number; score: number; nameLength: number }[] = [];
    for (const [node, names] of candidates) {
      const best = rankMatch(needle, names);
      // names[0] is the node's name where it has one (NAME_KEYS order): ties go to the shorter, as in compareHits.
      if (best) ranked.push({ node, score: best.score, nameLength: names[0]?.length ?? 0 });
    }
    ranked.sort((a, b) => b.score - a.score || a.nameLength - b.nameLength || a.node - b.node);
    const top = ranked
      .slice(0, limit)
      .map((r) => formatId({ table: index.nodeTables[r.node]!, offset: index.nodeOffsets[r.node]! }));
    const nodes = await this.source.nodesById(top);
    const hits: SearchHit[] = [];
    for (const node of nodes) {
      const best = rankMatch(needle, namesOf(node.properties));
      if (best) hits.push({ node, matched: best.name, score: best.score });
    }
    // A node changed since the build may no longer match; the ranking stays as the index gave it.
    hits.sort(compareHits);
    return hits;
  }

  private collect(index: Built, pattern: string, shift: number, into: Map<number, string[]>): void {
    const { haystack, starts, owners } = index;
    for (let at = haystack.indexOf(pattern); at >= 0 && into.size < CANDIDATES;) {
      const entry = entryAt(starts, at + shift);
      const node = owners[entry]!;
      if (!into.has(node)) into.set(node, namesOfNode(index, entry));
      // Continue after this entry: one hit per name is enough.
      const next = entry + 1 < starts.length ? starts[entry + 1]! : haystack.length;
      at = haystack.indexOf(pattern, next - shift);
    }
  }
}

/** The entry whose text contains position `at` (binary search over the starts). */
function entryAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** All folded names of the node that owns `entry` (its entries are adjacent). */
function namesOfNode(index: Built, entry: number): string[] {
  const { haystack, starts, owners } = index;
  const node = owners[entry]!;
  let first = entry;
  while (first > 0 && owners[first - 1] === node) first--;
  const names: string[] = [];
  for (let e = first; e < owners.length && owners[e] === node; e++) {
    const end = e + 1 < starts.length ? starts[e + 1]! - 1 : haystack.length - 1;
    names.push(haystack.slice(starts[e]!, end));
  }
  return names;
}
