// The neighbour counts of a big graph's hubs, read in the background once it is open (and again
// after writes), so that the first expansion of a hub does not wait for the engine to group its
// hundreds of thousands of relationships by type (24-55 ms for the hubs of the 1M graph; a node
// counted before is expanded in 9 ms), nor for its page's statements to be prepared. Nodes below
// the threshold count fast enough on demand.

import type { Value } from '../types.ts';

/** A node with at least this many relationships is a hub and counted ahead. */
export const HUB_RELATIONSHIPS = 10_000;
/** The most hubs counted ahead: well under the count cache's size, so none pushes another out. */
export const MAX_HUBS = 500;
/** Counting again waits for writes to pause this long; a stream of writes does not trigger it. */
export const QUIET_AFTER_WRITES_MS = 2000;

export interface HubCountOptions {
  /** A node with at least this many relationships is counted ahead (HUB_RELATIONSHIPS). */
  minRelationships?: number;
  /** How long writes must pause before the hubs are counted again (QUIET_AFTER_WRITES_MS). */
  quietAfterWritesMs?: number;
}

export interface Hub {
  /** The node's id ("table:offset"). */
  id: string;
}

export interface HubSource {
  /** The quoted labels of the node tables. */
  labels(): Promise<string[]>;
  read(cypher: string, params?: Record<string, Value>): Promise<Value[][]>;
  /** Expands the hub once, which keeps its counts (neighbourCounts.ts) and warms its first page. */
  expand(hub: Hub): Promise<void>;
  /** Whether the hub's counts are kept already. */
  isCounted(hub: Hub): boolean;
}

export class HubCounts {
  private hubs: Hub[] | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private waiting = 0;

  private readonly minRelationships: number;
  private readonly quietAfterWritesMs: number;

  constructor(
    private readonly source: HubSource,
    options: HubCountOptions = {},
  ) {
    this.minRelationships = options.minRelationships ?? HUB_RELATIONSHIPS;
    this.quietAfterWritesMs = options.quietAfterWritesMs ?? QUIET_AFTER_WRITES_MS;
  }

  /** True while hubs are being found or counted. */
  get counting(): boolean {
    return this.running !== undefined || this.timer !== undefined || this.waiting > 0;
  }

  /** Refreshes once `first` is done (another background read that should not share the cores). */
  refreshAfter(first: Promise<unknown>): void {
    this.waiting++;
    void first.finally(() => {
      this.waiting--;
      this.refresh();
    });
  }

  /** Finds the hubs (unless known) and counts those whose counts are not kept. */
  refresh(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run()
      // A failure (a time limit on a huge graph, the store closing) leaves counting on demand.
      .catch(() => undefined)
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.refresh();
        }
      });
  }

  /** After a write: every kept count was forgotten; count the hubs again once writes pause. */
  afterWrite(): void {
    if (this.stopped || this.hubs === undefined) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, this.quietAfterWritesMs);
    this.timer.unref();
  }

  /** After data definition: the hubs are found again on the next refresh. */
  forgetHubs(): void {
    this.hubs = undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Waits until counting ends, including a refresh still waiting for its turn (tests and benchmarks). */
  async whenIdle(): Promise<void> {
    while (this.running || this.waiting > 0)
      await (this.running ?? new Promise((resolve) => setTimeout(resolve, 10)));
  }

  private async run(): Promise<void> {
    this.hubs ??= await this.findHubs();
    for (const hub of this.hubs) {
      if (this.stopped) return;
      // One hub gone (deleted since it was found) does not stop the others.
      if (!this.source.isCounted(hub)) await this.source.expand(hub).catch(() => undefined);
    }
  }

  /** The nodes with the most relationships, one label at a time, the biggest first. */
  private async findHubs(): Promise<Hub[]> {
    const hubs: (Hub & { degree: number })[] = [];
    for (const label of await this.source.labels()) {
      if (this.stopped) return [];
      const rows = await this.source.read(
        `MATCH (n:${label})-[r]-() WITH n, count(r) AS degree WHERE degree >= $min RETURN id(n) AS id, degree ORDER BY degree DESC LIMIT $max`,
        { min: this.minRelationships, max: MAX_HUBS },
      );
      for (const [id, degree] of rows) hubs.push({ id: String(id), degree: Number(degree) });
    }
    return hubs
      .sort((a, b) => b.degree - a.degree)
      .slice(0, MAX_HUBS)
      .map(({ id }) => ({ id }));
  }
}
