// Which of a node's neighbours are loaded, when they were paged through both as a whole and along
// single relationship types. The server lists a node's relationships group by group (type and
// direction, in the order of the counts it returns), each group in the same order every time; a
// page along one type lists only that type's groups, in the same order. So each pager has loaded a
// prefix of every group, and the union of two prefixes is the longer one: the next page of either
// pager can start after what the other loaded, and what remains is exact.

import type { NeighborCount } from '../api/types.ts';

/** How far each pager has got: `all` over every group, `byType[type]` over that type's groups. */
export interface PagerOffsets {
  all: number;
  byType: Record<string, number>;
}

/** A run of neighbours not loaded yet: where it starts in the pager's listing and how long it is. */
export interface Run {
  offset: number;
  length: number;
}

interface Group {
  count: NeighborCount;
  /** Where the group starts in the listing of all groups, and in its type's listing. */
  startInAll: number;
  startInType: number;
}

function groupsOf(counts: NeighborCount[]): Group[] {
  const groups: Group[] = [];
  const typeStarts = new Map<string, number>();
  let start = 0;
  for (const count of counts) {
    const startInType = typeStarts.get(count.type) ?? 0;
    groups.push({ count, startInAll: start, startInType });
    typeStarts.set(count.type, startInType + count.count);
    start += count.count;
  }
  return groups;
}

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);

/** How many of the group's first relationships either pager has loaded. */
function loadedIn(group: Group, offsets: PagerOffsets): number {
  const { count, type } = group.count;
  return Math.max(
    clamp(offsets.all - group.startInAll, count),
    clamp((offsets.byType[type] ?? 0) - group.startInType, count),
  );
}

/** Relationships not loaded yet, per type, biggest first. */
export function remainingByType(
  counts: NeighborCount[],
  offsets: PagerOffsets,
): { type: string; count: number }[] {
  const remaining = new Map<string, number>();
  for (const group of groupsOf(counts)) {
    const left = group.count.count - loadedIn(group, offsets);
    remaining.set(group.count.type, (remaining.get(group.count.type) ?? 0) + left);
  }
  return [...remaining]
    .map(([type, count]) => ({ type, count }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/**
 * The next run of neighbours not loaded yet in one pager's listing (all groups, or `type`'s),
 * or undefined when that pager has nothing left. A page asked for within the run is all new.
 */
export function nextRun(counts: NeighborCount[], offsets: PagerOffsets, type?: string): Run | undefined {
  const listed = groupsOf(counts).filter((group) => type === undefined || group.count.type === type);
  const startOf = (group: Group) => (type === undefined ? group.startInAll : group.startInType);
  let from = type === undefined ? offsets.all : (offsets.byType[type] ?? 0);
  let run: Run | undefined;
  for (const group of listed) {
    const start = startOf(group);
    const end = start + group.count.count;
    if (end <= from) continue;
    const firstNew = start + loadedIn(group, offsets);
    if (run) {
      // The run goes on into this group only when nothing of it is loaded.
      if (firstNew > start) break;
      run.length += group.count.count;
      continue;
    }
    from = Math.max(from, firstNew);
    if (from < end) run = { offset: from, length: end - from };
  }
  return run;
}
