// Word starts of the search index: every position after a boundary character (white space of
// any kind, hyphen, en dash, quotes, opening parenthesis, line break) where a word begins.

import { describe, expect, it } from 'vitest';
import { buildWordStarts, forEachWordStart } from '../../server/store/ladybug/wordStarts.ts';

/** The starts as a regex finds them, independently of the index's table. */
function expectedStarts(text: string): number[] {
  return [...text.matchAll(/(?<=[\s\-–'"(])[^\s\-–'"(]/g)].map((m) => m.index!).filter((at) => at >= 1);
}

const TEXT =
  '\nnordkorea (dprk)\nkim jong-un\nsergej lawrow\u00a0minister\nd\'artagnan – „zitat"\ttab\u3000ideo\u2028sep\n';

describe('word starts', () => {
  it('finds a word start after every kind of boundary and nowhere else', () => {
    const words = buildWordStarts(TEXT);
    const found = [...words.levels[0].values()].flatMap((bucket) => [...bucket]).sort((a, b) => a - b);
    expect(found).toEqual(expectedStarts(TEXT));
    expect(found.length).toBeGreaterThan(12);
  });

  it('looks up words by their first characters, after no-break and ideographic spaces too', () => {
    const words = buildWordStarts(TEXT);
    const hits = (needle: string) => {
      const at: number[] = [];
      forEachWordStart(words, TEXT, needle, (position) => at.push(position) > 0);
      return at.map((position) => TEXT.slice(position, position + needle.length));
    };
    expect(hits('minister')).toEqual(['minister']);
    expect(hits('ideo')).toEqual(['ideo']);
    expect(hits('un')).toEqual(['un']);
    expect(hits('dprk')).toEqual(['dprk']);
    expect(hits('tab')).toEqual(['tab']);
    expect(hits('artagnan')).toEqual(['artagnan']);
    expect(hits('orea')).toEqual([]);
  });
});
