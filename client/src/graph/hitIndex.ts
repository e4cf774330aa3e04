// What lies under the pointer of a big canvas, found through a grid instead of by testing every
// element. Cytoscape's renderer tests each element in turn on every pointer move, press and
// release (`findNearestElements`): about 270 ms at 50,000 elements in software, one long task each
// time the pointer crosses a node. The grid hands cytoscape's own test only the elements near the
// pointer, so what it finds is unchanged. The renderer's methods are not in cytoscape's typings;
// this module is the one place that relies on them (cytoscape is pinned in package-lock.json).

/** What the grid reads of a cytoscape element. */
interface HitElement {
  isNode(): boolean;
  position(): { x: number; y: number };
  outerWidth(): number;
  outerHeight(): number;
  source(): HitElement;
  target(): HitElement;
  /** The caption (a relationship has one while selected, a node once zoomed in); '' for none. */
  pstyle(name: 'label'): { strValue: string };
  /** A node's relationships (array-like, as cytoscape's collections are). */
  connectedEdges(): ArrayLike<HitElement>;
}

/** What the grid needs of cytoscape's core: the zoom, change events and the renderer. */
export interface HitCore {
  zoom(): number;
  on(events: string, handler: (event: { target: HitElement }) => void): unknown;
  renderer(): unknown;
}

/** The renderer's hit test and its cache of elements in drawing order (cytoscape internals). */
interface HitTestingRenderer {
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): unknown;
  getCachedZSortedEles(forceRecalc?: boolean): ZSorted;
}

/** Elements in drawing order, the ones the pointer can hit under `interactive`. */
type ZSorted = HitElement[] & { interactive: HitElement[] };

type Point = { x: number; y: number };

/** Cells along the longer side of the graph's extent. */
const GRID_CELLS = 128;
/**
 * How far from an element, in screen pixels, the pointer may be and still hit it: cytoscape's
 * widest threshold is 24 px (an edge under a finger) plus half the edge's width.
 */
const REACH_PX = 32;
/** Cytoscape's own thresholds, in screen pixels: how far from a line or a node's box a pointer or finger hits it. */
const POINTER_LINE_PX = 8;
const TOUCH_LINE_PX = 24;
const POINTER_NODE_PX = 2;
const TOUCH_NODE_PX = 8;
/** Half the widest relationship on a big canvas (a selected one), in graph units. */
const MAX_LINE_HALF_WIDTH = 2;
/**
 * How much a node's half width may grow after the grid measured the widest (a badge's or a pin's
 * border of 3, a selection's of 4), in graph units.
 */
const MAX_BORDER_GROWTH = 2;

interface Grid {
  x0: number;
  y0: number;
  cell: number;
  columns: number;
  rows: number;
  /** The elements per cell (row-major). */
  cells: (HitElement[] | undefined)[];
  /** The cells each element is in, so that a moved node and its relationships can be filed again. */
  cellsOf: Map<HitElement, number[]>;
  /** The widest node, in graph units, which every node cell lookup is widened by. */
  nodeReach: number;
}

/** Nodes moved since the grid was built, up to which they are filed again rather than the grid rebuilt. */
const MAX_MOVED = 500;
/** A grid is built ahead once the elements have not changed or moved for this long. */
const BUILD_AHEAD_QUIET_MS = 300;
/** Elements filed per task while building ahead (about 15 ms at 50,000 elements in software). */
const BUILD_AHEAD_SLICE = 5000;

export class HitIndex {
  private grid: Grid | undefined;
  /** Nodes moved since the grid was built (undefined: too many, build it anew). */
  private moved: Set<HitElement> | undefined = new Set();
  /** Each element's place in the renderer's drawing order, for the array it was taken from. */
  private drawingOrder: { of: HitElement[]; position: Map<HitElement, number> } | undefined;
  private readonly original: HitTestingRenderer['findNearestElements'];
  private readonly renderer: HitTestingRenderer;
  private enabled = false;
  /** A grid being built ahead, in slices, and how many of its elements are filed. */
  private ahead: { grid: Grid; order: HitElement[]; filed: number } | undefined;
  private aheadTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the elements last changed or moved while the grid was out of date. */
  private lastChange = 0;

  constructor(private readonly cy: HitCore) {
    const renderer = cy.renderer() as HitTestingRenderer;
    this.renderer = renderer;
    this.original = renderer.findNearestElements;
    renderer.findNearestElements = (x, y, interactiveOnly, isTouch) => {
      if (!this.enabled || !interactiveOnly)
        return this.original.call(renderer, x, y, interactiveOnly, isTouch);
      const candidates = this.near(renderer.getCachedZSortedEles().interactive, x, y, isTouch) as ZSorted;
      candidates.interactive = candidates;
      // Cytoscape's own test, on the candidates only: it reads them as its cache of elements.
      const ownOrder = renderer.getCachedZSortedEles;
      renderer.getCachedZSortedEles = () => candidates;
      try {
        return this.original.call(renderer, x, y, interactiveOnly, isTouch);
      } finally {
        renderer.getCachedZSortedEles = ownOrder;
      }
    };
    cy.on('add remove', () => this.forget());
    // A drag moves one node at a time: it is filed again with its relationships on the next test,
    // where rebuilding the grid took 150-300 ms at 50,000 elements. A layout moves them all.
    cy.on('position', ({ target }) => {
      if (!this.grid || !this.moved) return this.scheduleBuild();
      this.moved.add(target);
      if (this.moved.size > MAX_MOVED) {
        this.moved = undefined;
        this.scheduleBuild();
      }
    });
  }

  /** On for a big canvas, whose relationships are straight lines between node centres. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.forget();
  }

  destroy(): void {
    clearTimeout(this.aheadTimer);
    this.renderer.findNearestElements = this.original;
  }

  private forget(): void {
    this.grid = undefined;
    this.moved = new Set();
    // The old drawing order holds elements that may be gone.
    this.drawingOrder = undefined;
    this.scheduleBuild();
  }

  /**
   * Builds the grid once the canvas has been still for a while (after a layout, an expansion), in
   * slices between other tasks, so that the first pointer move does not build it in one long task.
   */
  private scheduleBuild(): void {
    this.lastChange = performance.now();
    this.ahead = undefined;
    this.aheadTimer ??= setTimeout(() => this.buildAhead(), BUILD_AHEAD_QUIET_MS);
  }

  private buildAhead(): void {
    this.aheadTimer = undefined;
    if (!this.enabled || (this.grid && this.moved)) return;
    const quiet = performance.now() - this.lastChange;
    if (quiet < BUILD_AHEAD_QUIET_MS) {
      this.aheadTimer = setTimeout(() => this.buildAhead(), BUILD_AHEAD_QUIET_MS - quiet);
      return;
    }
    if (!this.ahead) {
      const order = this.renderer.getCachedZSortedEles().interactive;
      this.ahead = { grid: emptyGrid(order), order, filed: 0 };
    }
    if (this.fileAhead(BUILD_AHEAD_SLICE)) this.aheadTimer = setTimeout(() => this.buildAhead(), 0);
  }

  /** Files up to `count` more elements of the grid built ahead; whether some are left. */
  private fileAhead(count: number): boolean {
    const ahead = this.ahead!;
    const end = Math.min(ahead.order.length, ahead.filed + count);
    for (; ahead.filed < end; ahead.filed++) file(ahead.grid, ahead.order[ahead.filed]!);
    if (ahead.filed < ahead.order.length) return true;
    this.useGrid(ahead.grid);
    return false;
  }

  private useGrid(grid: Grid): void {
    this.grid = grid;
    this.moved = new Set();
    this.drawingOrder = undefined;
    this.ahead = undefined;
  }

  /**
   * The elements of `order` that may lie within reach of (x, y), in drawing order. The grid is
   * kept across new drawing orders (a selection re-sorts them): it holds geometry, and the order
   * is looked up per array.
   */
  private near(order: HitElement[], x: number, y: number, isTouch: boolean): HitElement[] {
    if (!this.grid || !this.moved) {
      // A grid half built ahead holds geometry as good as a new one: elements of `order` it
      // lacks are filed below.
      if (this.ahead) this.fileAhead(Infinity);
      else this.useGrid(buildGrid(order));
    } else if (this.moved.size > 0) {
      refile(this.grid, this.moved);
      this.moved.clear();
    }
    const grid = this.grid!;
    const position = this.positionsIn(order, grid);
    const zoom = this.cy.zoom();
    const reach = REACH_PX / zoom + grid.nodeReach;
    // One more cell each way: a line off the grid is recorded in the cells of points half a cell apart.
    const [c1, r1] = cellOf(grid, x - reach - grid.cell, y - reach - grid.cell);
    const [c2, r2] = cellOf(grid, x + reach + grid.cell, y + reach + grid.cell);
    // Only elements whose body or line lies within reach: cytoscape's test of one that misses
    // measures its bounding box (three times for a relationship, for captions it may not have),
    // and thousands of lines into a hub share its cells (300 ms per node crossed near one). An
    // element with a caption is handed over: the caption may lie beyond.
    const lineReach = (isTouch ? TOUCH_LINE_PX : POINTER_LINE_PX) / zoom + MAX_LINE_HALF_WIDTH;
    const nodeReach = (isTouch ? TOUCH_NODE_PX : POINTER_NODE_PX) / zoom + grid.nodeReach + MAX_BORDER_GROWTH;
    const found = new Set<number>();
    const missed = new Set<HitElement>();
    for (let row = r1; row <= r2; row++)
      for (let column = c1; column <= c2; column++)
        for (const element of grid.cells[row * grid.columns + column] ?? []) {
          // An element not in this order (hidden, say) cannot be hit.
          const at = position.get(element);
          if (at === undefined || found.has(at) || missed.has(element)) continue;
          const within = element.isNode()
            ? nodeWithin(element, x, y, nodeReach)
            : lineWithin(element, x, y, lineReach);
          if (within || element.pstyle('label').strValue !== '') found.add(at);
          else missed.add(element);
        }
    return [...found].sort((a, b) => a - b).map((at) => order[at]!);
  }

  /** Places in a drawing order; a new order may hold elements hidden when the grid was built: they are filed. */
  private positionsIn(order: HitElement[], grid: Grid): Map<HitElement, number> {
    if (this.drawingOrder?.of !== order) {
      this.drawingOrder = { of: order, position: new Map(order.map((element, at) => [element, at])) };
      for (const element of order) if (!grid.cellsOf.has(element)) file(grid, element);
    }
    return this.drawingOrder.position;
  }
}

/** Whether a node's centre lies within `reach` of (x, y) on both axes. */
function nodeWithin(node: HitElement, x: number, y: number, reach: number): boolean {
  const at = node.position();
  return Math.abs(at.x - x) <= reach && Math.abs(at.y - y) <= reach;
}

/** Whether a relationship's straight line passes within `reach` of (x, y). */
function lineWithin(edge: HitElement, x: number, y: number, reach: number): boolean {
  const from = edge.source().position();
  const to = edge.target().position();
  const [dx, dy] = [to.x - from.x, to.y - from.y];
  const along = Math.max(0, Math.min(1, ((x - from.x) * dx + (y - from.y) * dy) / (dx * dx + dy * dy || 1)));
  const [px, py] = [from.x + along * dx - x, from.y + along * dy - y];
  return px * px + py * py <= reach * reach;
}

/** The cell holding a point, clamped to the grid. */
function cellOf(grid: Grid, x: number, y: number): [number, number] {
  const column = Math.min(grid.columns - 1, Math.max(0, Math.floor((x - grid.x0) / grid.cell)));
  const row = Math.min(grid.rows - 1, Math.max(0, Math.floor((y - grid.y0) / grid.cell)));
  return [column, row];
}

/**
 * Nodes go into the cell of their centre (lookups are widened by the widest node); relationships
 * into every cell their line passes through (see file).
 */
function buildGrid(order: HitElement[]): Grid {
  const grid = emptyGrid(order);
  for (const element of order) file(grid, element);
  return grid;
}

/** A grid over the extent of the nodes of `order`, with nothing filed yet. */
function emptyGrid(order: HitElement[]): Grid {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  let nodeReach = 0;
  for (const element of order) {
    if (!element.isNode()) continue;
    const { x, y } = element.position();
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
    nodeReach = Math.max(nodeReach, element.outerWidth() / 2, element.outerHeight() / 2);
  }
  if (x0 > x1) [x0, y0, x1, y1] = [0, 0, 0, 0];
  const cell = Math.max(x1 - x0, y1 - y0, 1) / GRID_CELLS;
  return {
    x0,
    y0,
    cell,
    columns: Math.floor((x1 - x0) / cell) + 1,
    rows: Math.floor((y1 - y0) / cell) + 1,
    cells: [],
    cellsOf: new Map(),
    nodeReach,
  };
}

/** Records an element in the cells it covers. */
function file(grid: Grid, element: HitElement): void {
  const keys: number[] = [];
  const add = (key: number) => {
    if (keys[keys.length - 1] === key) return;
    keys.push(key);
    const list = grid.cells[key];
    if (list === undefined) grid.cells[key] = [element];
    else list.push(element);
  };
  if (element.isNode()) {
    const { x, y } = element.position();
    const [column, row] = cellOf(grid, x, y);
    add(row * grid.columns + column);
  } else {
    const from = element.source().position();
    const to = element.target().position();
    if (inside(grid, from) && inside(grid, to)) fileLine(grid, from, to, add);
    else {
      // A node dragged off the grid: points along the line, half a cell apart, clamped to it.
      const steps = Math.ceil((2 * Math.hypot(to.x - from.x, to.y - from.y)) / grid.cell) + 1;
      for (let step = 0; step <= steps; step++) {
        const t = step / steps;
        const [column, row] = cellOf(grid, from.x + t * (to.x - from.x), from.y + t * (to.y - from.y));
        add(row * grid.columns + column);
      }
    }
  }
  grid.cellsOf.set(element, keys);
}

function inside(grid: Grid, { x, y }: Point): boolean {
  return (
    x >= grid.x0 &&
    y >= grid.y0 &&
    x < grid.x0 + grid.columns * grid.cell &&
    y < grid.y0 + grid.rows * grid.cell
  );
}

/**
 * Every cell a line inside the grid passes through, in order, by stepping from one cell border
 * to the next (Amanatides and Woo): about half the steps of points half a cell apart, and no
 * corner cell skipped. Building the grid at 50,000 elements took 185 ms with those points.
 */
function fileLine(grid: Grid, from: Point, to: Point, add: (key: number) => void): void {
  const [dx, dy] = [to.x - from.x, to.y - from.y];
  const [gx, gy] = [(from.x - grid.x0) / grid.cell, (from.y - grid.y0) / grid.cell];
  let [column, row] = [Math.floor(gx), Math.floor(gy)];
  const [endColumn, endRow] = [
    Math.floor((to.x - grid.x0) / grid.cell),
    Math.floor((to.y - grid.y0) / grid.cell),
  ];
  const [stepX, stepY] = [Math.sign(dx), Math.sign(dy)];
  // Fractions of the line between two vertical (x) or horizontal (y) cell borders, and to the next one.
  const tDeltaX = stepX === 0 ? Infinity : grid.cell / Math.abs(dx);
  const tDeltaY = stepY === 0 ? Infinity : grid.cell / Math.abs(dy);
  let tMaxX = stepX > 0 ? (column + 1 - gx) * tDeltaX : stepX < 0 ? (gx - column) * tDeltaX : Infinity;
  let tMaxY = stepY > 0 ? (row + 1 - gy) * tDeltaY : stepY < 0 ? (gy - row) * tDeltaY : Infinity;
  add(row * grid.columns + column);
  // Each step crosses one border towards the end cell; near it, rounding cannot make it overshoot.
  while (column !== endColumn || row !== endRow) {
    if (column !== endColumn && (row === endRow || tMaxX < tMaxY)) {
      column += stepX;
      tMaxX += tDeltaX;
    } else {
      row += stepY;
      tMaxY += tDeltaY;
    }
    add(row * grid.columns + column);
  }
}

/** Takes moved nodes and their relationships out of their cells and files them where they are now. */
function refile(grid: Grid, moved: Set<HitElement>): void {
  const elements = new Set<HitElement>();
  for (const node of moved) {
    elements.add(node);
    const edges = node.connectedEdges();
    for (let i = 0; i < edges.length; i++) elements.add(edges[i]!);
  }
  for (const element of elements) {
    for (const key of grid.cellsOf.get(element) ?? []) {
      const list = grid.cells[key];
      const at = list?.indexOf(element) ?? -1;
      if (at >= 0) list!.splice(at, 1);
    }
    file(grid, element);
  }
}
