// Paging through a node's neighbours as a whole and along single types, mixed in any order
// (client/src/app/neighbourPaging.ts), against a listing built the way the server lists them:
// groups in the order of the counts, each in the same order every time.

import { describe, expect, it } from 'vitest';
import type { NeighborCount } from '../../client/src/api/types.ts';
import { nextRun, remainingByType, type PagerOffsets } from '../../client/src/app/neighbourPaging.ts';

const COUNTS: NeighborCount[] = [
  { type: 'SUPPLIES', direction: 'in', count: 40 },
  { type: 'OPERATES_IN', direction: 'in', count: 31 },
  { type: 'SUPPLIES', direction: 'out', count: 12 },
  { type: 'MENTIONS', direction: 'in', count: 3 },
  { type: 'OPERATES_IN', direction: 'out', count: 1 },
];

/** The server's listing: every group's relationships in turn, as `type:direction:i`. */
function listing(type?: string): string[] {
  return COUNTS.filter((c) => type === undefined || c.type === type).flatMap((c) =>
    Array.from({ length: c.count }, (_, i) => `${c.type}:${c.direction}:${i}`),
  );
}

/** A deterministic sequence of choices (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One step of the explorer: up to `budget` new relationships in runs, as loadPage asks for them. */
function step(offsets: PagerOffsets, loaded: Set<string>, budget: number, type?: string): PagerOffsets {
  let next = offsets;
  for (let request = 0; budget > 0 && request < 4; request++) {
    const run = nextRun(COUNTS, next, type);
    if (!run) break;
    const page = listing(type).slice(run.offset, run.offset + Math.min(budget, run.length));
    for (const item of page) {
      expect(loaded.has(item), `${item} was loaded already`).toBe(false);
      loaded.add(item);
    }
    const reached = run.offset + page.length;
    next =
      type === undefined
        ? { ...next, all: reached }
        : { ...next, byType: { ...next.byType, [type]: reached } };
    budget -= page.length;
  }
  return next;
}

function unloadedByType(loaded: Set<string>) {
  const left = new Map<string, number>();
  for (const item of listing()) {
    const type = item.split(':')[0]!;
    if (!loaded.has(item)) left.set(type, (left.get(type) ?? 0) + 1);
  }
  return [...left]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

describe('paging through neighbours as a whole and along types', () => {
  it('never loads one twice, counts exactly what remains, and ends with all of them', () => {
    const types = [undefined, 'SUPPLIES', 'OPERATES_IN', 'MENTIONS'];
    for (let seed = 1; seed <= 200; seed++) {
      const choose = random(seed);
      const loaded = new Set<string>();
      let offsets: PagerOffsets = { all: 0, byType: {} };
      for (let i = 0; i < 30 && loaded.size < listing().length; i++) {
        const type = types[Math.floor(choose() * types.length)];
        offsets = step(offsets, loaded, 1 + Math.floor(choose() * 25), type);
        expect(remainingByType(COUNTS, offsets)).toEqual(unloadedByType(loaded));
      }
      // Whatever was done before, the general pager then loads the rest, each one once.
      while (nextRun(COUNTS, offsets)) offsets = step(offsets, loaded, 25);
      expect(loaded.size).toBe(listing().length);
      expect(remainingByType(COUNTS, offsets)).toEqual([]);
    }
  });

  it('starts a page along a type after what the whole pager loaded of that type', () => {
    // The first 45: all 40 SUPPLIES in, then 5 OPERATES_IN in.
    const offsets: PagerOffsets = { all: 45, byType: {} };
    expect(nextRun(COUNTS, offsets, 'SUPPLIES')).toEqual({ offset: 40, length: 12 });
    expect(nextRun(COUNTS, offsets, 'OPERATES_IN')).toEqual({ offset: 5, length: 27 });
    expect(nextRun(COUNTS, offsets)).toEqual({ offset: 45, length: 26 + 12 + 3 + 1 });
    expect(remainingByType(COUNTS, offsets)).toEqual([
      { type: 'OPERATES_IN', count: 27 },
      { type: 'SUPPLIES', count: 12 },
      { type: 'MENTIONS', count: 3 },
    ]);
  });
});
