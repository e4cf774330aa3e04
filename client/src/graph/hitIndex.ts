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
}

/** What the grid needs of cytoscape's core: the zoom, change events and the renderer. */
export interface HitCore {
  zoom(): number;
  on(events: string, handler: () => void): unknown;
  renderer(): unknown;
}

/** The renderer's hit test and its cache of elements in drawing order (cytoscape internals). */
interface HitTestingRenderer {
  findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): unknown;
  getCachedZSortedEles(forceRecalc?: boolean): ZSorted;
}

/** Elements in drawing order, the ones the pointer can hit under `interactive`. */
type ZSorted = HitElement[] & { interactive: HitElement[] };

/** Cells along the longer side of the graph's extent. */
const GRID_CELLS = 128;
/**
 * How far from an element, in screen pixels, the pointer may be and still hit it: cytoscape's
 * widest threshold is 24 px (an edge under a finger) plus half the edge's width.
 */
const REACH_PX = 32;

interface Grid {
  /** The drawing-order array the grid was built from; a new one means a new grid. */
  order: HitElement[];
  x0: number;
  y0: number;
  cell: number;
  columns: number;
  rows: number;
  /** Element positions in `order`, per cell (row-major). */
  cells: Map<number, number[]>;
  /** The widest node, in graph units, which every node cell lookup is widened by. */
  nodeReach: number;
}

export class HitIndex {
  private grid: Grid | undefined;
  private readonly original: HitTestingRenderer['findNearestElements'];
  private readonly renderer: HitTestingRenderer;
  private enabled = false;

  constructor(private readonly cy: HitCore) {
    const renderer = cy.renderer() as HitTestingRenderer;
    this.renderer = renderer;
    this.original = renderer.findNearestElements;
    renderer.findNearestElements = (x, y, interactiveOnly, isTouch) => {
      if (!this.enabled || !interactiveOnly)
        return this.original.call(renderer, x, y, interactiveOnly, isTouch);
      const candidates = this.near(renderer.getCachedZSortedEles().interactive, x, y) as ZSorted;
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
    cy.on('add remove position', () => {
      this.grid = undefined;
    });
  }

  /** On for a big canvas, whose relationships are straight lines between node centres. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.grid = undefined;
  }

  destroy(): void {
    this.renderer.findNearestElements = this.original;
  }

  /** The elements of `order` that may lie within reach of (x, y), in drawing order. */
  private near(order: HitElement[], x: number, y: number): HitElement[] {
    if (this.grid?.order !== order) this.grid = buildGrid(order);
    const grid = this.grid;
    const reach = REACH_PX / this.cy.zoom() + grid.nodeReach;
    // One more cell each way: a line is recorded in the cells of points half a cell apart.
    const [c1, r1] = cellOf(grid, x - reach - grid.cell, y - reach - grid.cell);
    const [c2, r2] = cellOf(grid, x + reach + grid.cell, y + reach + grid.cell);
    const found = new Set<number>();
    for (let row = r1; row <= r2; row++)
      for (let column = c1; column <= c2; column++)
        grid.cells.get(row * grid.columns + column)?.forEach((position) => found.add(position));
    return [...found].sort((a, b) => a - b).map((position) => order[position]!);
  }
}

/** The cell holding a point, clamped to the grid. */
function cellOf(grid: Grid, x: number, y: number): [number, number] {
  const column = Math.min(grid.columns - 1, Math.max(0, Math.floor((x - grid.x0) / grid.cell)));
  const row = Math.min(grid.rows - 1, Math.max(0, Math.floor((y - grid.y0) / grid.cell)));
  return [column, row];
}

/**
 * Nodes go into the cell of their centre (lookups are widened by the widest node); relationships
 * into every cell their line passes through, stepping along it by half a cell.
 */
function buildGrid(order: HitElement[]): Grid {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  let nodeReach = 0;
  for (const element of order) {
    if (!element.isNode()) continue;
    const { x, y } = element.position();
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    nodeReach = Math.max(nodeReach, element.outerWidth() / 2, element.outerHeight() / 2);
  }
  if (x0 > x1) [x0, y0, x1, y1] = [0, 0, 0, 0];
  const cell = Math.max(x1 - x0, y1 - y0, 1) / GRID_CELLS;
  const grid: Grid = {
    order,
    x0,
    y0,
    cell,
    columns: Math.floor((x1 - x0) / cell) + 1,
    rows: Math.floor((y1 - y0) / cell) + 1,
    cells: new Map(),
    nodeReach,
  };
  const add = (key: number, position: number) => {
    const list = grid.cells.get(key);
    if (list === undefined) grid.cells.set(key, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  };
  order.forEach((element, position) => {
    if (element.isNode()) {
      const { x, y } = element.position();
      const [column, row] = cellOf(grid, x, y);
      return add(row * grid.columns + column, position);
    }
    const from = element.source().position();
    const to = element.target().position();
    const steps = Math.ceil((2 * Math.hypot(to.x - from.x, to.y - from.y)) / cell) + 1;
    for (let step = 0; step <= steps; step++) {
      const t = step / steps;
      const [column, row] = cellOf(grid, from.x + t * (to.x - from.x), from.y + t * (to.y - from.y));
      add(row * grid.columns + column, position);
    }
  });
  return grid;
}
