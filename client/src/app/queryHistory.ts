// The queries a user ran, newest last, kept in localStorage; the editor walks it with Up/Down.

const STORAGE_KEY = 'lagebild.queryHistory';
const MAX_ENTRIES = 100;

export interface HistoryEntry {
  cypher: string;
  params: string;
  at: string;
}

/** Query history with a cursor for stepping through it from the editor. */
export class QueryHistory {
  private entries: HistoryEntry[];
  private cursor: number;

  constructor(private readonly storage: Storage | undefined = globalThis.localStorage) {
    this.entries = this.load();
    this.cursor = this.entries.length;
  }

  private load(): HistoryEntry[] {
    try {
      const parsed = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? '[]') as unknown;
      return Array.isArray(parsed)
        ? parsed.filter(
            (e): e is HistoryEntry => typeof e?.cypher === 'string' && typeof e?.params === 'string',
          )
        : [];
    } catch {
      return [];
    }
  }

  /** Adds a query (moving it to the end when it was there already) and resets the cursor. */
  add(cypher: string, params: string): void {
    this.entries = this.entries.filter((e) => e.cypher !== cypher || e.params !== params);
    this.entries.push({ cypher, params, at: new Date().toISOString() });
    if (this.entries.length > MAX_ENTRIES) this.entries = this.entries.slice(-MAX_ENTRIES);
    this.cursor = this.entries.length;
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.entries));
    } catch {
      // A full or disabled storage only costs the history across reloads.
    }
  }

  /** Moves the cursor back (-1) or forward (+1); the entry there, or undefined past either end. */
  step(direction: -1 | 1): HistoryEntry | undefined {
    const next = this.cursor + direction;
    if (next < 0 || next > this.entries.length) return undefined;
    this.cursor = next;
    return this.entries[next] ?? { cypher: '', params: '{}', at: '' };
  }

  /** Newest first. */
  list(): HistoryEntry[] {
    return [...this.entries].reverse();
  }
}
