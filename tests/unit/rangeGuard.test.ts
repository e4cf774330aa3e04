import { describe, expect, it } from 'vitest';
import {
  assertRangesBounded,
  MAX_RANGE_VALUES,
  MAX_STRING_LENGTH,
} from '../../server/store/ladybug/rangeGuard.ts';

const refused = (cypher: string, params = {}) => {
  try {
    assertRangesBounded(cypher, params);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

describe('assertRangesBounded', () => {
  it('lets ordinary ranges through', () => {
    expect(refused('UNWIND range(1, 10) AS x RETURN x')).toBeUndefined();
    expect(refused(`RETURN range(0, ${MAX_RANGE_VALUES - 1})`)).toBeUndefined();
    expect(refused('RETURN range(1, $n)', { n: 1000 })).toBeUndefined();
    expect(refused('RETURN range(10, 1)')).toBeUndefined();
  });

  it('refuses a range over the limit from literals, arithmetic or parameters', () => {
    expect(refused(`RETURN range(0, ${MAX_RANGE_VALUES})`)).toMatch(/100,001 values/);
    expect(refused('RETURN range(1, 10^8)')).toMatch(/100,000,000 values/);
    expect(refused('RETURN range(-(10^6), 10 ^ 6)')).toMatch(/2,000,001 values/);
    expect(refused('RETURN range(1, $n)', { n: 10n ** 12n })).toMatch(/range\(1, \$n\)/);
    expect(refused('RETURN range(1, 4*10^8, 4)')).toMatch(/100,000,000 values/);
    expect(refused('MATCH (n) WITH n, RANGE ( 1 , 1000000000 ) AS r RETURN n')).toMatch(/at most 100,000/);
  });

  it('leaves alone what the text cannot tell, and range inside strings, comments or names', () => {
    expect(refused('MATCH (n) RETURN range(1, n.count)')).toBeUndefined();
    expect(refused('RETURN range(1, $missing)')).toBeUndefined();
    expect(refused("RETURN 'range(1, 10^9)' AS text // range(1, 10^9)")).toBeUndefined();
    expect(refused('RETURN my_range(1, 10^9)')).toBeUndefined();
    expect(refused('RETURN range(1, 10^9, 0)')).toBeUndefined();
  });

  it('refuses repeat, lpad and rpad building strings over the limit, and lets short ones through', () => {
    expect(
      refused("RETURN repeat('ab', 3), lpad('7', 3, '0'), rpad('x', $n, '.')", { n: 5 }),
    ).toBeUndefined();
    expect(refused(`RETURN repeat('x', ${MAX_STRING_LENGTH})`)).toBeUndefined();
    expect(refused("RETURN size(repeat('x', 10^9))")).toMatch(
      /repeat\('x', 10\^9\) would build a string of 1,000,000,000 characters/,
    );
    expect(refused("RETURN LPAD('x', $n, 'y')", { n: 2e9 })).toMatch(/at most 10,000,000/);
    expect(refused("RETURN rpad(n.name, 10^8, ' ')")).toMatch(/100,000,000 characters/);
    expect(refused("RETURN repeat('x', n.count)")).toBeUndefined();
  });
});
