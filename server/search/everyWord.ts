// A search for several words that no name contains as a whole ("Nordkorea Russland") finds the
// nodes named by each word instead, those matched by more of the words first, as Bloom does. Only
// for plain words: a text with quotes, brackets or other signs is searched as it stands.

import type { SearchHit } from '../store/types.ts';

/** More words than this are not searched one by one (each is a search of its own). */
const MAX_WORDS = 5;

/** Letters, digits, hyphens and dots between spaces: names, not an expression. */
const PLAIN_WORDS = /^[\p{L}\p{N}\s.-]+$/u;

export async function searchPhraseOrWords(
  search: (text: string) => Promise<SearchHit[]>,
  text: string,
  limit: number,
): Promise<SearchHit[]> {
  const whole = await search(text);
  const words = [
    ...new Set(
      text
        .trim()
        .split(/\s+/)
        .filter((word) => word.length >= 2),
    ),
  ];
  if (whole.length > 0 || words.length < 2 || !PLAIN_WORDS.test(text)) return whole;
  const found = new Map<string, { hit: SearchHit; words: number }>();
  for (const hits of await Promise.all(words.slice(0, MAX_WORDS).map(search))) {
    for (const hit of hits) {
      const seen = found.get(hit.node.id);
      if (!seen) found.set(hit.node.id, { hit, words: 1 });
      else {
        seen.words++;
        if (hit.score > seen.hit.score) seen.hit = hit;
      }
    }
  }
  return [...found.values()]
    .sort(
      (a, b) => b.words - a.words || b.hit.score - a.hit.score || a.hit.matched.localeCompare(b.hit.matched),
    )
    .slice(0, limit)
    .map(({ hit }) => hit);
}
