// A big canvas's relationships, drawn as straight lines on a canvas of their own under
// cytoscape's, one path per look. Cytoscape draws every element on its own: in software a redraw
// of 10,000 elements took 130-170 ms, about half of it for the relationships, and every change of
// the graph (an expansion, a moved node) costs such a redraw. One path of 6,700 lines took 3-8 ms.
// The view keeps the relationships in cytoscape, transparent, so that pointing at them, clicking
// and selecting work as before (docs/explorer.md, "Relationships on a layer of their own").

/** A point in the graph's coordinates; the view passes cytoscape's own position objects. */
export interface LinePoint {
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
  ends: readonly LinePoint[];
  look: LineLook;
}

export interface Viewport {
  zoom: number;
  pan: LinePoint;
}

export class EdgeLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private lines = 0;
  private pixelRatio = 1;
  /** The viewport of the last picture, which `follow` moves the picture from. */
  private drawnAt: Viewport = { zoom: 1, pan: { x: 0, y: 0 } };

  constructor(private readonly container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'graph-edge-layer';
    this.canvas.hidden = true;
    Object.assign(this.canvas.style, {
      position: 'absolute',
      left: '0',
      top: '0',
      pointerEvents: 'none',
    } satisfies Partial<CSSStyleDeclaration>);
    // First in the container, so that cytoscape's canvases (nodes, selection) lie on top of it.
    container.prepend(this.canvas);
    this.context = this.canvas.getContext('2d')!;
    this.resize();
  }

  /** How many lines the last picture has. */
  get lineCount(): number {
    return this.lines;
  }

  /** Draws the groups in order, the later ones on top, at the viewport's pan and zoom. */
  draw(groups: readonly LineGroup[], { zoom, pan }: Viewport): void {
    const { context, pixelRatio } = this;
    this.canvas.hidden = false;
    this.canvas.style.transform = '';
    this.drawnAt = { zoom, pan: { x: pan.x, y: pan.y } };
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, this.canvas.width, this.canvas.height);
    context.setTransform(zoom * pixelRatio, 0, 0, zoom * pixelRatio, pan.x * pixelRatio, pan.y * pixelRatio);
    this.lines = 0;
    for (const { ends, look } of groups) {
      if (ends.length < 2) continue;
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
      this.lines += Math.floor(ends.length / 2);
    }
    context.globalAlpha = 1;
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
    this.canvas.style.transform = '';
    this.lines = 0;
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
  }

  destroy(): void {
    this.canvas.remove();
  }
}
