// When the engine refuses a query for a name the graph does not have ("Table Land does not exist",
// "Cannot find property population for n"), says which names it does have and which one was
// probably meant, as the engine cannot: it knows the name is wrong, not what the graph holds.

import { LagebildError } from '../../errors.ts';

export interface KnownNames {
  labels: string[];
  relationshipTypes: string[];
  properties: string[];
}

/** The error with a hint added to its message, or the error itself when it is not about a name. */
export function withNameHint(error: LagebildError, names: KnownNames): LagebildError {
  if (error.code !== 'InvalidQuery') return error;
  const hint = hintFor(error.message, names);
  return hint ? new LagebildError(error.code, `${error.message}\n${hint}`, { cause: error.cause }) : error;
}

function hintFor(message: string, names: KnownNames): string | undefined {
  const table = /Table (\S+) does not exist/.exec(message)?.[1];
  if (table !== undefined) {
    const known = [...names.labels, ...names.relationshipTypes];
    const guess = closest(table, known);
    return `This graph has no label or relationship type "${table}".${guess ? ` Did you mean "${guess}"?` : ''} Labels: ${list(names.labels)}. Relationship types: ${list(names.relationshipTypes)}.`;
  }
  const property = /Cannot find property (\S+) for/.exec(message)?.[1];
  if (property !== undefined) {
    const guess = closest(property, names.properties);
    return `No node or relationship here has a property "${property}".${guess ? ` Did you mean "${guess}"?` : ''} Properties: ${list(names.properties)}.`;
  }
  return undefined;
}

const list = (names: string[]) => (names.length ? [...names].sort().join(', ') : 'none');

/**
 * The known name nearest to `name`, when it is near enough to be a slip: a letter or two wrong, or
 * the start of it (SUPPLY for SUPPLIES).
 */
export function closest(name: string, known: string[]): string | undefined {
  const wanted = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    const distance = editDistance(wanted, other);
    const slip =
      distance <= Math.max(1, Math.floor(Math.max(wanted.length, other.length) / 3)) ||
      (wanted.length >= 4 && other.startsWith(wanted.slice(0, -1)));
    if (slip && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** Edit distance where swapping two neighbouring letters is one edit too (optimal string alignment). */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        current[j] = Math.min(current[j]!, before[j - 2]! + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
