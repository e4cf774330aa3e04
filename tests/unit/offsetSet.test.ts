// The wanted offsets of a table: what the column read of a query or neighbourhood decides its
// reads by.

import { describe, expect, it } from 'vitest';
import { OffsetSet } from '../../server/export/offsetSet.ts';

describe('OffsetSet', () => {
  it('counts each offset once, grows, and answers has()', () => {
    const set = new OffsetSet();
    for (const offset of [5, 5, 0, 100_000, 31, 32]) set.add(offset);
    expect(set.count).toBe(5);
    expect(set.max).toBe(100_000);
    expect([0, 5, 31, 32, 100_000].every((o) => set.has(o))).toBe(true);
    expect([1, 33, 99_999, 100_001, 10 ** 9].some((o) => set.has(o))).toBe(false);
    expect(set.toArray()).toEqual([0, 5, 31, 32, 100_000]);
  });

  it('reads only windows that hold an offset, joined up to the span', () => {
    const set = new OffsetSet();
    for (const offset of [3, 70, 130, 1000, 1001]) set.add(offset);
    // Windows of 64: [0,64) [64,128) [128,192) hold offsets, then [960,1024); at most 128 per range.
    expect(set.ranges(64, 128)).toEqual([
      { lo: 0, hi: 128 },
      { lo: 128, hi: 192 },
      { lo: 960, hi: 1024 },
    ]);
    expect(new OffsetSet().ranges(64, 128)).toEqual([]);
  });
});
