// Chooses which captions to hide so that no two visible captions overlap: captions are taken
// in priority order and one is kept only when its box is free (a greedy label grid, as sigma does).

export interface LabelBox {
  id: string;
  /** The element the box belongs to; boxes of the same owner never block each other. */
  owner: string;
  /** Owners whose boxes may overlap this one. */
  ignore?: string[];
  /** May overlap obstacles (node bodies), only not other captions. */
  ignoreBodies?: boolean;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Higher goes first. */
  priority: number;
  /** The four corners of a rotated caption (x1..y2 is then their bounding box). */
  corners?: Point[];
}

export type Point = [x: number, y: number];

/** The four corners of a box, rotated ones included. */
export function cornersOf(box: LabelBox): Point[] {
  return (
    box.corners ?? [
      [box.x1, box.y1],
      [box.x2, box.y1],
      [box.x2, box.y2],
      [box.x1, box.y2],
    ]
  );
}

/** Separating-axis test for two convex quadrilaterals. */
function polygonsOverlap(a: Point[], b: Point[]): boolean {
  for (const polygon of [a, b]) {
    for (let i = 0; i < polygon.length; i++) {
      const [x1, y1] = polygon[i]!;
      const [x2, y2] = polygon[(i + 1) % polygon.length]!;
      const axis: Point = [y1 - y2, x2 - x1];
      const project = (points: Point[]) => points.map(([x, y]) => x * axis[0] + y * axis[1]);
      const pa = project(a);
      const pb = project(b);
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

/** Whether two caption boxes overlap (exactly, for rotated captions too). */
export function overlaps(a: LabelBox, b: LabelBox): boolean {
  if (!(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2)) return false;
  if (!a.corners && !b.corners) return true;
  return polygonsOverlap(cornersOf(a), cornersOf(b));
}

/** The box of a caption of `width` x `height` centred on `center` and turned by `angle` radians. */
export function rotatedBox(
  center: { x: number; y: number },
  width: number,
  height: number,
  angle: number,
): Pick<LabelBox, 'x1' | 'y1' | 'x2' | 'y2' | 'corners'> {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const corners: Point[] = [
    [-width / 2, -height / 2],
    [width / 2, -height / 2],
    [width / 2, height / 2],
    [-width / 2, height / 2],
  ].map(([dx, dy]) => [center.x + dx! * cos - dy! * sin, center.y + dx! * sin + dy! * cos]);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { corners, x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
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
  const obstacleSet = new Set(obstacles);
  for (const obstacle of obstacles) insert(obstacle);
  for (const box of [...boxes].sort((a, b) => b.priority - a.priority)) {
    const blocked = cellsOf(box).some((key) =>
      (grid.get(key) ?? []).some(
        (other) =>
          other.owner !== box.owner &&
          !box.ignore?.includes(other.owner) &&
          !(box.ignoreBodies && obstacleSet.has(other)) &&
          overlaps(box, other),
      ),
    );
    if (blocked) hidden.add(box.id);
    else insert(box);
  }
  return hidden;
}
