// The engine's joined ids and offsets, read one at a time (idText.ts).

import { describe, expect, it } from 'vitest';
import { IdReader } from '../../server/export/idText.ts';

function readAll(value: unknown) {
  const reader = new IdReader(value as string);
  const ids: [number, number][] = [];
  while (reader.next()) ids.push([reader.table, reader.offset]);
  return { ids, broken: reader.broken };
}

describe('IdReader', () => {
  it('reads ids and offsets', () => {
    expect(readAll('0:5,12:17,3:0')).toEqual({
      ids: [
        [0, 5],
        [12, 17],
        [3, 0],
      ],
      broken: false,
    });
    expect(readAll('5,17,1234567')).toEqual({
      ids: [
        [-1, 5],
        [-1, 17],
        [-1, 1234567],
      ],
      broken: false,
    });
  });

  it('reads nothing from what collect() gives for no rows', () => {
    for (const value of ['', null, undefined]) expect(readAll(value)).toEqual({ ids: [], broken: false });
  });

  it('breaks off at anything else, and says so', () => {
    for (const value of ['0:5,,7', 'a:1', '1:2;3:4', '1::2', ':3', '4,', 5, ['0:1']])
      expect(readAll(value).broken).toBe(true);
  });
});
