// A search for several words that no name contains as a whole ("Nordkorea Russland") finds the
// nodes named by each word instead, those matched by more of the words first, as Bloom does. Only
// for plain words: a text with quotes, brackets or other signs is searched as it stands.

import type { SearchHit } from '../store/types.ts';

/** More words than this are not searched one by one (each is a search of its own). */
const MAX_WORDS = 5;

/** Hits taken per word: more than the page, so that nodes named by several words are among them. */
const HITS_PER_WORD = 100;

/** Letters, digits, hyphens and dots between spaces: names, not an expression. */
const PLAIN_WORDS = /^[\p{L}\p{N}\s.-]+$/u;

export async function searchPhraseOrWords(
  search: (text: string, limit: number) => Promise<SearchHit[]>,
  text: string,
  limit: number,
): Promise<SearchHit[]> {
  const whole = await search(text, limit);
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
  const perWord = Math.max(limit, HITS_PER_WORD);
  const searched = await Promise.all(words.slice(0, MAX_WORDS).map((word) => search(word, perWord)));
  for (const hits of searched) {
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
