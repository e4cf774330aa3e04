// Neighbour counts of the big nodes expanded lately, kept until the next write. Counting a hub's
// relationships by type is most of the cost of expanding it (about 20 ms each way for 430,000 on
// one engine thread), and the explorer asks again for every page of its neighbours.

import type { NeighborCount } from '../types.ts';

/** Nodes with fewer relationships are counted again each time: that is cheap. */
export const CACHED_FROM_RELATIONSHIPS = 1000;

export class NeighbourCountCache {
  private generation = 0;
  private readonly entries = new Map<string, NeighborCount[]>();

  constructor(private readonly capacity = 1000) {}

  /** A token to hand back to remember(): counts read while a write happened are not kept. */
  begin(): number {
    return this.generation;
  }

  get(id: string): NeighborCount[] | undefined {
    const hit = this.entries.get(id);
    if (hit) {
      // Most recently used last, so that the oldest is the one to go.
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  /** Whether the node's counts are kept, without counting it as a use. */
  has(id: string): boolean {
    return this.entries.has(id);
  }

  remember(id: string, counts: NeighborCount[], token: number): void {
    if (token !== this.generation) return;
    if (counts.reduce((sum, c) => sum + c.count, 0) < CACHED_FROM_RELATIONSHIPS) return;
    this.entries.delete(id);
    // Handed out to every later expansion: frozen, so that no caller can change what the next sees.
    this.entries.set(id, Object.freeze(counts.map((c) => Object.freeze({ ...c }))) as NeighborCount[]);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** After any write: every count may have changed. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
