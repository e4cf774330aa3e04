// How every adapter lists a node's relationships, so that a page of them means the same
// everywhere: group by group (type and direction), the biggest group first, each group in an
// order that stays the same from page to page; a page along some types lists only their groups,
// in the same order. The explorer relies on it to page along one type and through all of them
// without loading a relationship twice (client/src/app/neighbourPaging.ts).

import type { NeighborCount, NeighborOptions } from './types.ts';

/** The order of the groups: biggest first, then by type and direction. */
export function byCountThenName(a: NeighborCount, b: NeighborCount): number {
  return b.count - a.count || a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction);
}

export const totalOf = (groups: NeighborCount[]) => groups.reduce((sum, c) => sum + c.count, 0);

/** The groups a page lists: all of them, or those of the types asked for. */
export function selectedGroups(counts: NeighborCount[], options: NeighborOptions): NeighborCount[] {
  const types = options.types?.length ? options.types : undefined;
  return types ? counts.filter((c) => types.includes(c.type)) : counts;
}

/** Which of the page's groups to read, how many to skip in each and how many to take. */
export function planPage(groups: NeighborCount[], options: NeighborOptions) {
  const plan: { group: NeighborCount; skip: number; limit: number }[] = [];
  let skip = options.offset ?? 0;
  let budget = options.limit;
  for (const group of groups) {
    if (budget <= 0) break;
    if (skip >= group.count) {
      skip -= group.count;
      continue;
    }
    const limit = Math.min(budget, group.count - skip);
    plan.push({ group, skip, limit });
    skip = 0;
    budget -= limit;
  }
  return plan;
}
