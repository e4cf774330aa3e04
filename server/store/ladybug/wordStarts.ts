// Where words start in the search index's text, bucketed by their first one, two and three
// characters: a search for "kar" then checks only the words that begin with "kar" instead
// of scanning the whole text (a few hundred microseconds instead of 20-40 ms at 1M nodes).

/** Characters after which a new word starts (as in server/search/rank.ts), plus line breaks. */
const BOUNDARY = /[\s\-–'"(]/;

/**
 * The same test as a table over every UTF-16 code unit, filled once: the build tests every
 * character of the text, and a regex test per character cost about 1 s of the 1M-node graph's
 * 10-12 s build.
 */
const IS_BOUNDARY = new Uint8Array(65536).map((_, code) =>
  BOUNDARY.test(String.fromCharCode(code)) ? 1 : 0,
);

/** Word-start positions per key, for keys of length 1, 2 and 3. */
export interface WordStarts {
  levels: [Map<number, Int32Array>, Map<number, Int32Array>, Map<number, Int32Array>];
}

const keyAt = (text: string, at: number, length: number) => {
  let key = 0;
  for (let i = 0; i < length; i++) key = key * 65536 + (text.charCodeAt(at + i) || 0);
  return key;
};

/** Finds every word start in `text` and buckets it by its first characters. */
export function buildWordStarts(text: string): WordStarts {
  const starts: number[] = [];
  // "\n" matches \s, so line breaks are boundaries too.
  for (let at = 1; at < text.length; at++) {
    if (IS_BOUNDARY[text.charCodeAt(at)]) continue;
    if (IS_BOUNDARY[text.charCodeAt(at - 1)]) starts.push(at);
  }
  const levels = [1, 2, 3].map((length) => {
    const counts = new Map<number, number>();
    for (const at of starts) {
      const key = keyAt(text, at, length);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const buckets = new Map<number, Int32Array>();
    const filled = new Map<number, number>();
    for (const [key, count] of counts) buckets.set(key, new Int32Array(count));
    for (const at of starts) {
      const key = keyAt(text, at, length);
      const index = filled.get(key) ?? 0;
      buckets.get(key)![index] = at;
      filled.set(key, index + 1);
    }
    return buckets;
  }) as WordStarts['levels'];
  return { levels };
}

/** Calls `onHit` with each position where a word starts with `needle`, until it returns false. */
export function forEachWordStart(
  words: WordStarts,
  text: string,
  needle: string,
  onHit: (at: number) => boolean,
): void {
  const length = Math.min(3, needle.length);
  if (length === 0) return;
  const bucket = words.levels[length - 1].get(keyAt(needle, 0, length));
  if (!bucket) return;
  for (const at of bucket) if (text.startsWith(needle, at) && !onHit(at)) return;
}
