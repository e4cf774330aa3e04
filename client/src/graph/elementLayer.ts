// A big canvas's relationships and node bodies, drawn on a canvas of their own under
// cytoscape's: the relationships as straight lines, one path per look, then the node bodies, one
// path per colour and shape. Cytoscape draws every element on its own: in software a redraw of
// 10,000 elements took 130-170 ms, about half of it for the relationships, and every change of
// the graph (an expansion, a moved node) costs such a redraw. One path of 6,700 lines took 3-8 ms.
// The view keeps the elements in cytoscape, transparent, so that pointing at them, clicking and
// selecting work as before; cytoscape draws the few that are not transparent (the selection,
// captions, badges) on top (docs/explorer.md, "Relationships and nodes on a layer of their own").

import { shapePoints, type NodeShape } from './palette.ts';

/** A point in the graph's coordinates; the view passes cytoscape's own position objects. */
export interface GraphPoint {
  readonly x: number;
  readonly y: number;
}

/** How a group of lines is drawn: width in the graph's units (it scales with the zoom, as cytoscape's). */
export interface LineLook {
  color: string;
  opacity: number;
  width: number;
}

/** Lines with one look: their ends in pairs, [from, to, from, to, ...]. */
export interface LineGroup {
  ends: readonly GraphPoint[];
  look: LineLook;
}

/** How a group of node bodies is drawn: size in the graph's units, like cytoscape's width and height. */
export interface BodyLook {
  color: string;
  shape: NodeShape;
  size: number;
}

/** Node bodies with one look: their centres. */
export interface BodyGroup {
  centres: readonly GraphPoint[];
  look: BodyLook;
}

/** What the layer draws: lines first, bodies over them, each list's later groups on top. */
export interface LayerPicture {
  lines: readonly LineGroup[];
  bodies: readonly BodyGroup[];
}

export interface Viewport {
  zoom: number;
  pan: GraphPoint;
}

/** The viewport of an empty layer: no viewport is drawn at it. */
const NOT_DRAWN: Viewport = { zoom: NaN, pan: { x: NaN, y: NaN } };

export class ElementLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private lines = 0;
  private bodies = 0;
  private pixelRatio = 1;
  /** The viewport of the last picture, which `follow` moves the picture from. */
  private drawnAt: Viewport = NOT_DRAWN;
  /** The container's own overflow style, given back while the layer is hidden. */
  private readonly containerOverflow: string;

  constructor(private readonly container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'graph-element-layer';
    this.canvas.hidden = true;
    Object.assign(this.canvas.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      pointerEvents: 'none',
    } satisfies Partial<CSSStyleDeclaration>);
    // First in the container, so that cytoscape's canvases (nodes, selection) lie on top of it.
    container.prepend(this.canvas);
    this.containerOverflow = container.style.overflow;
    this.context = this.canvas.getContext('2d')!;
    this.resize();
  }

  /** How many lines the last picture has. */
  get lineCount(): number {
    return this.lines;
  }

  /** How many node bodies the last picture has. */
  get bodyCount(): number {
    return this.bodies;
  }

  /** Draws the picture at the viewport's pan and zoom. */
  draw({ lines, bodies }: LayerPicture, { zoom, pan }: Viewport): void {
    const { context, pixelRatio } = this;
    this.canvas.hidden = false;
    // The picture moves with the viewport (follow) beyond the container's edges: clip it there.
    this.container.style.overflow = 'hidden';
    this.canvas.style.transform = '';
    this.drawnAt = { zoom, pan: { x: pan.x, y: pan.y } };
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    context.setTransform(zoom * pixelRatio, 0, 0, zoom * pixelRatio, pan.x * pixelRatio, pan.y * pixelRatio);
    this.lines = 0;
    for (const group of lines) this.lines += this.drawLines(group);
    context.globalAlpha = 1;
    this.bodies = 0;
    for (const group of bodies) this.bodies += this.drawBodies(group);
  }

  private drawLines({ ends, look }: LineGroup): number {
    if (ends.length < 2) return 0;
    const { context } = this;
    context.beginPath();
    for (let i = 0; i + 1 < ends.length; i += 2) {
      const from = ends[i]!;
      const to = ends[i + 1]!;
      context.moveTo(from.x, from.y);
      context.lineTo(to.x, to.y);
    }
    context.globalAlpha = look.opacity;
    context.strokeStyle = look.color;
    context.lineWidth = look.width;
    context.stroke();
    return Math.floor(ends.length / 2);
  }

  private drawBodies({ centres, look }: BodyGroup): number {
    if (centres.length === 0) return 0;
    const { context } = this;
    const radius = look.size / 2;
    const outline = outlineOf(look.shape);
    context.beginPath();
    for (const { x, y } of centres) {
      if (!outline) {
        context.moveTo(x + radius, y);
        context.arc(x, y, radius, 0, 2 * Math.PI);
        continue;
      }
      context.moveTo(x + outline[0]! * look.size, y + outline[1]! * look.size);
      for (let i = 2; i < outline.length; i += 2)
        context.lineTo(x + outline[i]! * look.size, y + outline[i + 1]! * look.size);
      // No closePath: fill() closes every subpath, and closing 16,000 of them took 120 ms in software.
    }
    context.fillStyle = look.color;
    context.fill();
    return centres.length;
  }

  /**
   * Moves the last picture to a new viewport without drawing it again, as cytoscape pans a picture
   * of its canvas while the viewport moves: lines that were outside the picture stay missing until
   * the next `draw`.
   */
  follow({ zoom, pan }: Viewport): void {
    // A screen point p of the picture is zoom0·g + pan0; at the new viewport it is zoom·g + pan.
    const scale = zoom / this.drawnAt.zoom;
    const x = pan.x - scale * this.drawnAt.pan.x;
    const y = pan.y - scale * this.drawnAt.pan.y;
    this.canvas.style.transformOrigin = '0 0';
    this.canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
  }

  /** Whether a viewport is the one the last picture was drawn at. */
  isDrawnAt({ zoom, pan }: Viewport): boolean {
    const at = this.drawnAt;
    return at.zoom === zoom && at.pan.x === pan.x && at.pan.y === pan.y;
  }

  /** Empties and hides the layer (the canvas left the level of detail that uses it). */
  clear(): void {
    this.context.setTransform(1, 0, 0, 1, 0, 0);
    this.context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.canvas.hidden = true;
    this.container.style.overflow = this.containerOverflow;
    this.canvas.style.transform = '';
    this.lines = 0;
    this.bodies = 0;
    this.drawnAt = NOT_DRAWN;
  }

  /** Matches the container's size and the screen's pixel ratio; the next draw fills it again. */
  resize(): void {
    this.pixelRatio = window.devicePixelRatio || 1;
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.max(1, Math.round(width * this.pixelRatio));
    this.canvas.height = Math.max(1, Math.round(height * this.pixelRatio));
    // A new size empties the canvas.
    this.drawnAt = NOT_DRAWN;
    this.lines = 0;
    this.bodies = 0;
  }

  destroy(): void {
    this.container.style.overflow = this.containerOverflow;
    this.canvas.remove();
  }
}

/** Outlines by shape, as [x, y, ...] relative to the centre in units of the size; none for a circle. */
const outlines = new Map<NodeShape, number[] | undefined>();

/**
 * The legend's polygon of a shape (palette.ts), stretched to fill the node's box as cytoscape's
 * shapes do, read once.
 */
function outlineOf(shape: NodeShape): number[] | undefined {
  if (outlines.has(shape)) return outlines.get(shape);
  const points = shapePoints(shape)?.split(/[ ,]/).map(Number);
  let outline: number[] | undefined;
  if (points) {
    const xs = points.filter((_, i) => i % 2 === 0);
    const ys = points.filter((_, i) => i % 2 === 1);
    const [left, width] = [Math.min(...xs), Math.max(...xs) - Math.min(...xs) || 1];
    const [top, height] = [Math.min(...ys), Math.max(...ys) - Math.min(...ys) || 1];
    outline = points.map((value, i) =>
      i % 2 === 0 ? (value - left) / width - 0.5 : (value - top) / height - 0.5,
    );
  }
  outlines.set(shape, outline);
  return outline;
}
