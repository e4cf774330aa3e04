// TextOut encodes each text straight into a chunk: texts that straddle a chunk's end, texts longer
// than a chunk, characters of two to four bytes and lone surrogates must come out exactly as
// Buffer.from would encode the whole text, and a slow reader must hold the writer back.

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TextOut } from '../../server/export/textOut.ts';

/** A sink that keeps every chunk; with `slow`, it asks the writer to wait after each one. */
function sink(slow = false) {
  const chunks: Buffer[] = [];
  let waits = 0;
  const out = new Writable({
    highWaterMark: slow ? 1 : 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      if (slow) setTimeout(done, 0);
      else done();
    },
  });
  out.on('drain', () => waits++);
  return { out, text: () => Buffer.concat(chunks), chunks, waits: () => waits };
}

const MIXED = ['a', 'Z', ' ', '"', 'ö', 'ß', '–', '朝', '鮮', '🇰🇵', '😀', '\ud800', '\n'];
/** Three bytes for every UTF-16 unit: the most a chunk must leave room for. */
const WIDEST = ['朝', '鮮', '–', '\ud800'];

/** Deterministic texts of 0 to `max` characters mixing ASCII, umlauts, CJK, emoji and a lone surrogate. */
function texts(count: number, max: number, seed = 7, alphabet = MIXED): string[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    let text = '';
    const length = Math.floor(random() * max);
    while (text.length < length) text += alphabet[Math.floor(random() * alphabet.length)];
    return text;
  });
}

describe('TextOut', () => {
  it('writes exactly the UTF-8 of what it was given, across chunk ends', async () => {
    const parts = [
      ...texts(20_000, 60),
      ...texts(5, 300_000, 3),
      ...texts(20_000, 60, 11, WIDEST),
      ...texts(20_000, 60, 13),
    ];
    const { out, text, chunks } = sink();
    const writer = new TextOut(out);
    for (const part of parts) await writer.write(part);
    await writer.end();
    const expected = Buffer.from(parts.join(''), 'utf8');
    expect(chunks.length).toBeGreaterThan(10);
    expect(writer.bytes).toBe(expected.length);
    expect(text().equals(expected)).toBe(true);
  });

  it('waits for a slow reader instead of piling chunks up', async () => {
    const parts = texts(30_000, 80);
    const { out, text, waits } = sink(true);
    const writer = new TextOut(out);
    let pending = 0;
    for (const part of parts) {
      const wait = writer.write(part);
      if (wait) pending++;
      await wait;
      // Never more than the chunk being filled and the one the stream holds.
      expect(out.writableLength).toBeLessThanOrEqual(256 * 1024);
    }
    await writer.end();
    expect(pending).toBeGreaterThan(3);
    expect(waits()).toBeGreaterThan(3);
    expect(text().equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
  });
});
