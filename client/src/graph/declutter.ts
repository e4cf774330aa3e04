// Chooses which captions to hide so that no two visible captions overlap: captions are taken
// in priority order and one is kept only when its box is free (a greedy label grid, as sigma does).

export interface LabelBox {
  id: string;
  /** The element the box belongs to; boxes of the same owner never block each other. */
  owner: string;
  /** Owners whose boxes may overlap this one (a node's own body, an edge's end nodes). */
  ignore?: string[];
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Higher goes first. */
  priority: number;
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Ids of the boxes to hide; `obstacles` (e.g. node bodies) are always kept and block captions. */
export function labelsToHide(boxes: LabelBox[], obstacles: LabelBox[] = []): Set<string> {
  const hidden = new Set<string>();
  const cell = 80;
  const grid = new Map<string, LabelBox[]>();
  const cellsOf = (box: LabelBox) => {
    const keys: string[] = [];
    for (let x = Math.floor(box.x1 / cell); x <= Math.floor(box.x2 / cell); x++)
      for (let y = Math.floor(box.y1 / cell); y <= Math.floor(box.y2 / cell); y++) keys.push(`${x},${y}`);
    return keys;
  };
  const insert = (box: LabelBox) => {
    for (const key of cellsOf(box)) {
      const list = grid.get(key);
      if (list) list.push(box);
      else grid.set(key, [box]);
    }
  };
  for (const obstacle of obstacles) insert(obstacle);
  for (const box of [...boxes].sort((a, b) => b.priority - a.priority)) {
    const blocked = cellsOf(box).some((key) =>
      (grid.get(key) ?? []).some(
        (other) => other.owner !== box.owner && !box.ignore?.includes(other.owner) && overlaps(box, other),
      ),
    );
    if (blocked) hidden.add(box.id);
    else insert(box);
  }
  return hidden;
}
