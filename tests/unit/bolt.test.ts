// Unit tests of the Bolt building blocks: PackStream round trips at every size boundary,
// chunking, the handshake answers, the dialect rewrites and the introspection matcher.

import { describe, expect, it } from 'vitest';
import { Dechunker, chunkMessage } from '../../server/bolt/chunking.ts';
import { translateDialect } from '../../server/bolt/dialect.ts';
import { answerHandshake, readManifestChoice } from '../../server/bolt/handshake.ts';
import { matchProcedure } from '../../server/bolt/introspection.ts';
import { neo4jColumnNames } from '../../server/bolt/columns.ts';
import { Float, PackReader, Structure, pack, type PackValue } from '../../server/bolt/packstream.ts';
import { TAG, toBolt } from '../../server/bolt/values.ts';

const roundTrip = (value: PackValue) => new PackReader(pack(value)).unpack();

describe('PackStream', () => {
  it('round-trips integers at every marker boundary, and bigints beyond 2^53', () => {
    for (const n of [
      0,
      -1,
      -16,
      -17,
      127,
      128,
      -128,
      -129,
      32767,
      32768,
      -32768,
      -32769,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31) - 1,
    ])
      expect(roundTrip(n)).toBe(n);
    expect(roundTrip(9007199254740993n)).toBe(9007199254740993n);
    expect(roundTrip(-(2n ** 63n))).toBe(-(2n ** 63n));
    expect(() => pack(2n ** 63n)).toThrow(/64 bits/);
  });

  it('round-trips strings, lists and maps across the tiny, 8, 16 and 32-bit sizes', () => {
    for (const length of [0, 15, 16, 255, 256, 65535, 65536]) {
      expect(roundTrip('ä'.repeat(length))).toBe('ä'.repeat(length));
      expect((roundTrip(Array.from({ length }, () => 1)) as unknown[]).length).toBe(length);
    }
    const map = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, [i, null, true]]));
    expect({ ...(roundTrip(map) as object) }).toEqual(map);
  });

  it('keeps floats floats and structures structures', () => {
    expect(roundTrip(new Float(1))).toEqual(new Float(1));
    expect(roundTrip(1.5)).toEqual(new Float(1.5));
    const structure = roundTrip(new Structure(0x4e, [1, ['A'], {}, '0:1'])) as Structure;
    expect(structure.tag).toBe(0x4e);
    expect(structure.fields).toHaveLength(4);
  });
});

describe('chunking', () => {
  it('splits large messages into 64 KiB chunks and joins them again, skipping keep-alive NOOPs', () => {
    const message = Buffer.alloc(150_000, 7);
    const framed = Buffer.concat([
      Buffer.from([0, 0]),
      chunkMessage(message),
      chunkMessage(Buffer.from([1, 2])),
    ]);
    const dechunker = new Dechunker();
    const out: Buffer[] = [];
    for (let i = 0; i < framed.length; i += 1000) out.push(...dechunker.push(framed.subarray(i, i + 1000)));
    expect(out.map((m) => m.length)).toEqual([150_000, 2]);
    expect(out[0]!.equals(message)).toBe(true);
  });
});

describe('handshake', () => {
  const proposals = (...words: number[]) => {
    const bytes = Buffer.alloc(20);
    bytes.writeUInt32BE(0x6060b017, 0);
    words.forEach((word, i) => bytes.writeUInt32BE(word, 4 + i * 4));
    return bytes;
  };

  it('offers the manifest to a client that asks for it and reads the version it chooses', () => {
    const answer = answerHandshake(proposals(0x000001ff, 0x00080805, 0x00020404, 0x00000003));
    expect(answer.kind).toBe('manifest');
    // Marker, one range (5.0 to 5.8), no capabilities.
    expect([...(answer as { reply: Buffer }).reply]).toEqual([0, 0, 1, 0xff, 1, 0, 8, 8, 5, 0]);
    expect(readManifestChoice(Buffer.from([0, 0, 8]))).toEqual({ kind: 'incomplete' });
    expect(readManifestChoice(Buffer.from([0, 0, 8, 5, 0]))).toEqual({
      kind: 'chosen',
      version: { major: 5, minor: 8 },
      consumed: 5,
    });
    expect(readManifestChoice(Buffer.from([0, 0, 0, 6, 0])).kind).toBe('refused');
  });

  it('agrees on the best version in the first fitting proposal, and refuses what is not Bolt 5', () => {
    expect(answerHandshake(proposals(0x00040405)).kind).toBe('agreed');
    expect([...(answerHandshake(proposals(0x00000006, 0x00030705)) as { reply: Buffer }).reply]).toEqual([
      0, 0, 7, 5,
    ]);
    expect(answerHandshake(proposals(0x00000104)).kind).toBe('refused');
    expect(answerHandshake(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n')).kind).toBe('refused');
  });
});

describe('dialect', () => {
  it('rewrites type(), elementId() and labels() but not inside strings, comments or names', () => {
    expect(translateDialect('MATCH (n)-[r]->() RETURN type(r), elementId(n), labels(n)')).toBe(
      'MATCH (n)-[r]->() RETURN label(r), string(id(n)), [label(n)]',
    );
    expect(translateDialect("RETURN 'type(r)' AS s // labels(n)\n, n.`type(x)`")).toBe(
      "RETURN 'type(r)' AS s // labels(n)\n, n.`type(x)`",
    );
    expect(translateDialect('RETURN {t: TYPE( r )}, apoc.type(x), mytype(r)')).toBe(
      'RETURN {t: label( r )}, apoc.type(x), mytype(r)',
    );
    expect(translateDialect('RETURN elementId(head(nodes(p)))')).toBe('RETURN string(id(head(nodes(p))))');
  });
});

describe('introspection', () => {
  it('recognises bare calls, YIELD with renames and a plain RETURN of yielded names only', () => {
    expect(matchProcedure('CALL db.labels()')?.yields).toBe('*');
    expect(matchProcedure('call db.labels() yield label as l;')?.yields).toEqual([
      { column: 'label', as: 'l' },
    ]);
    expect(matchProcedure('CALL db.labels() YIELD label RETURN label AS name')?.yields).toEqual([
      { column: 'label', as: 'name' },
    ]);
    expect(
      matchProcedure('CALL db.labels() YIELD label WHERE label STARTS WITH "A" RETURN label'),
    ).toBeUndefined();
    expect(matchProcedure('CALL db.labels() YIELD nope')).toBeUndefined();
    expect(matchProcedure('CALL db.indexes()')).toBeUndefined();
  });
});

describe('values', () => {
  it('encodes temporal values as Bolt structures with the right numbers', () => {
    expect(toBolt({ $type: 'date', value: '1970-01-02' })).toEqual(new Structure(TAG.date, [1]));
    expect(toBolt({ $type: 'datetime', value: '1970-01-01T01:00:00.5+01:00' })).toEqual(
      new Structure(TAG.dateTime, [0n, 500_000_000n, 3600]),
    );
    expect(toBolt({ $type: 'duration', value: 'P1Y2M3DT4.5S' })).toEqual(
      new Structure(TAG.duration, [14n, 3n, 4n, 500_000_000n]),
    );
    expect(toBolt({ $type: 'duration', value: '-P1DT1.5S' })).toEqual(
      new Structure(TAG.duration, [0n, -1n, -2n, 500_000_000n]),
    );
  });
});

describe('column names', () => {
  it('names unaliased RETURN items by their text, as Neo4j does', () => {
    expect(
      neo4jColumnNames(
        'MATCH (n)-[r]->(m) RETURN count(*), n.name, type(r) AS t, m AS `the m` ORDER BY t LIMIT 3',
      ),
    ).toEqual(['count(*)', 'n.name', 't', 'the m']);
    expect(neo4jColumnNames('MATCH (n) RETURN DISTINCT collect(n.uid)')).toEqual(['collect(n.uid)']);
    expect(neo4jColumnNames('CALL { MATCH (n) RETURN n } RETURN n.uid, {a: 1, b: 2}')).toEqual([
      'n.uid',
      '{a: 1, b: 2}',
    ]);
    expect(neo4jColumnNames('MATCH (n) RETURN *')).toBeUndefined();
    expect(neo4jColumnNames("CREATE (n:Country {uid: 'x'})")).toBeUndefined();
  });
});
