// Scores how well a search text matches a node's names: exact beats prefix beats word start
// beats anywhere; shorter names win ties. Shared by every adapter.

export interface RankedName {
  name: string;
  score: number;
}

/** Lower case without diacritics, so that "Lawrow" and "lawrów" compare equal. */
export const fold = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replaceAll('ß', 'ss');

export function rankMatch(needle: string, names: string[]): RankedName | undefined {
  const folded = fold(needle);
  let best: RankedName | undefined;
  for (const name of names) {
    const candidate = fold(name);
    const at = candidate.indexOf(folded);
    if (at < 0) continue;
    let score: number;
    if (candidate === folded) score = 100;
    else if (at === 0) score = 80;
    else if (/[\s\-–'"(]/.test(candidate[at - 1]!)) score = 60;
    else score = 40;
    score -= Math.min(19, (candidate.length - folded.length) / 4);
    if (!best || score > best.score) best = { name, score };
  }
  return best;
}

/**
 * The order of search hits: the better match first; among equal ones the node with the shorter
 * name ("Rislin 36" before "Rislin 19984" when both match an alias "RISLIN" exactly), then by name.
 */
export function compareHits(
  a: { score: number; matched: string; node: { properties: Record<string, unknown> } },
  b: { score: number; matched: string; node: { properties: Record<string, unknown> } },
): number {
  const nameOf = (hit: typeof a) => {
    const name = hit.node.properties.name;
    return typeof name === 'string' ? name : hit.matched;
  };
  return (
    b.score - a.score ||
    nameOf(a).length - nameOf(b).length ||
    nameOf(a).localeCompare(nameOf(b)) ||
    a.matched.localeCompare(b.matched)
  );
}
