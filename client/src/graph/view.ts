// The graph canvas: the only module that talks to cytoscape. Everything else uses this class's
// methods and its typed events, so the drawing library could be swapped without touching the app.

import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { ApiEdge, ApiNode, GraphData } from '../api/types.ts';
import { nodeCaption } from '../app/format.ts';
import { cornersOf, labelsToHide, rotatedBox, type LabelBox, type Point } from './declutter.ts';
import { ElementLayer, type BodyLook, type GraphPoint, type LayerPicture } from './elementLayer.ts';
import { Emitter } from './emitter.ts';
import { seedPositions, type Positions } from './forceLayout.ts';
import { hasHardwareWebgl } from './gpu.ts';
import { DrawLists } from './drawLists.ts';
import { HitIndex, type HitCore } from './hitIndex.ts';
import { HoverTip } from './hoverTip.ts';
import { LayoutSuperseded, OffThreadLayout } from './offThreadLayout.ts';
import { labelStyle } from './palette.ts';
import {
  resolveSettings,
  validateSettings,
  type GraphViewSettings,
  type GraphViewSettingsInput,
  type LayoutName,
  type ThemeColors,
} from './settings.ts';
import { seedFrom, withSeededRandom } from './seededRandom.ts';
import {
  buildStyle,
  CAPTIONED,
  LARGE_GRAPH_CAPTION_MIN_PX,
  LARGE_GRAPH_NODE_SIZE,
  largeEdgeLooks,
  NODES_DRAWN_BY_CYTOSCAPE,
  PICTURED,
  SELECTION_END,
} from './style.ts';
import { svgPicture, type PictureEdge, type PictureNode } from './svgPicture.ts';

cytoscape.use(fcose);

/** What the canvas tells the app. */
export interface GraphViewEvents {
  clickNode: { id: string };
  clickEdge: { id: string };
  doubleClickNode: { id: string };
  clickStage: Record<string, never>;
  selectionChange: { nodeIds: string[]; edgeIds: string[] };
  layoutStop: { layout: LayoutName };
  /** Elements were added, removed, hidden or shown. */
  contentChange: Record<string, never>;
}

/** Everything needed to put the canvas back exactly as it was (for undo and redo). */
export interface ViewSnapshot {
  nodes: {
    data: ApiNode;
    position: { x: number; y: number };
    pinned: boolean;
    hidden: boolean;
    badge?: string;
  }[];
  edges: { data: ApiEdge; hidden: boolean }[];
  selected: string[];
  viewport: { zoom: number; pan: { x: number; y: number } };
}

/** A node for export: the API's node with where it is drawn and how it looks. */
export interface PlacedNode extends ApiNode {
  position: { x: number; y: number };
  style: Record<string, string | number>;
}

/** Elements for export (the whole visible canvas or the selection). */
export interface PlacedElements {
  nodes: PlacedNode[];
  edges: ApiEdge[];
}

/** What the canvas holds: all elements, and those the user can see. */
export interface ViewSummary {
  nodes: number;
  edges: number;
  visibleNodes: number;
  visibleEdges: number;
  /** Relationships in the element layer's last picture (0 while cytoscape draws them itself). */
  layerLines: number;
  /** Node bodies in the element layer's last picture (0 while cytoscape draws them itself). */
  layerBodies: number;
}

type Core = cytoscape.Core;

/** The renderer's switches for drawing while the viewport moves (set at run time, see updateDetail). */
interface ViewportRendering {
  hideEdgesOnViewport: boolean;
  textureOnViewport: boolean;
}

/** A label box over a bounding box, or none when the box is empty (nothing drawn there). */
function toBox(
  bb: cytoscape.BoundingBox12 & cytoscape.BoundingBoxWH,
  box: Omit<LabelBox, 'x1' | 'y1' | 'x2' | 'y2'>,
): LabelBox | undefined {
  return bb.w > 0 && bb.h > 0 ? { ...box, x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 } : undefined;
}

/** How far inside the canvas's edge revealed nodes are put, in pixels. */
const REVEAL_MARGIN_PX = 30;

/** Node captions wrap at this width ('text-max-width' in style.ts). */
const CAPTION_WRAP_WIDTH = 120;

/** Relationships of a node that are drawn as facts (quiet ones such as MENTIONS left out). */
function factDegree(node: cytoscape.NodeSingular): number {
  return node.connectedEdges().not('.quiet').length;
}

/**
 * Sets or clears a class only where that changes something: cytoscape restyles every element it
 * is given by toggleClass, addClass or removeClass, whether its classes changed or not.
 */
function setClass(element: cytoscape.SingularElementArgument, name: string, on: boolean): void {
  if (element.hasClass(name) !== on) element.toggleClass(name, on);
}

/** Neither hidden by the user nor filtered out by the legend (the element itself). */
function isShown(element: cytoscape.SingularElementArgument): boolean {
  return !element.hasClass('user-hidden') && !element.hasClass('filtered');
}

/** Drawn: shown, and a relationship's ends too (cytoscape hides a relationship with its node). */
function isDrawn(element: cytoscape.SingularElementArgument): boolean {
  if (!isShown(element)) return false;
  if (!element.isEdge()) return true;
  const edge = element as cytoscape.EdgeSingular;
  return isShown(edge.source()) && isShown(edge.target());
}

/**
 * A node's caption box, measured now: a caption given in the same task is otherwise not measured
 * until the next frame, and its cached box stays empty after that (useCache is cytoscape's option,
 * missing from its typings).
 */
const MEASURED_CAPTION = {
  includeNodes: false,
  includeEdges: false,
  includeLabels: true,
  useCache: false,
} as cytoscape.BoundingBoxOptions;

/** New nodes added to a big canvas at most, for them to stay where they were placed (see addGraph). */
const FEW_NEW_NODES = 100;

/**
 * From this many lines and bodies, the element layer moves its last picture while the viewport
 * moves, which leaves the parts that come into view empty until it rests. Below, it is drawn on
 * every frame: 33,333 lines and 16,667 bodies panned at 38 frames/s in software (60 moving the
 * picture).
 */
const MOVING_PICTURE_MIN_ELEMENTS = 60_000;
/** From this many nodes drawn by cytoscape over the element layer, it pans and zooms a picture of them. */
const TEXTURE_ON_VIEWPORT_FROM = 1_000;
/** The element layer is drawn again this long after the viewport's last move. */
const LAYER_REST_MS = 150;

export class GraphView {
  readonly events = new Emitter<GraphViewEvents>();
  private settings: GraphViewSettings;
  private readonly cy: Core;
  private hiddenLabels = new Set<string>();
  private hiddenTypes = new Set<string>();
  private layoutRunning: cytoscape.Layouts | undefined;
  private currentLayout: LayoutName;
  private readonly resizeObserver: ResizeObserver;
  /** The viewport shows the whole graph and the user has not panned or zoomed since. */
  private fitted = false;
  private measureContext: CanvasRenderingContext2D | undefined;
  private readonly textWidths = new Map<string, number>();
  /** The canvas holds `largeGraphFrom` visible elements or more and draws with less detail. */
  private large = false;
  private readonly offThreadLayout = new OffThreadLayout();
  private viewportDeclutterTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether cytoscape draws with WebGL (chosen once, when the view is made). */
  readonly webgl: boolean;
  /** A big canvas names the element under the pointer here instead of restyling it. */
  private readonly hoverTip: HoverTip;
  /** A big canvas finds what lies under the pointer through a grid (hitIndex.ts). */
  private readonly hitIndex: HitIndex;
  /** A big canvas's elements on the layer are left out of cytoscape's drawing (drawLists.ts). */
  private readonly drawLists: DrawLists;
  /** A big canvas drawn in 2D draws its relationships and node bodies here, not in cytoscape (elementLayer.ts). */
  private readonly elementLayer: ElementLayer;
  private onLayer = false;
  /** What the element layer draws; undefined once elements or classes changed. */
  private layerPicture: LayerPicture | undefined;
  /** A node moved since the element layer's last picture. */
  private layerMoved = false;
  private layerRestTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pointerLeft = () => this.hoverTip.hide();

  constructor(container: HTMLElement, settings: GraphViewSettingsInput = {}) {
    this.settings = validateSettings(resolveSettings(settings));
    this.currentLayout = this.settings.layout;
    this.webgl =
      this.settings.renderer === 'webgl' || (this.settings.renderer === 'auto' && hasHardwareWebgl());
    this.cy = cytoscape({
      container,
      style: buildStyle(this.settings) as unknown as cytoscape.StylesheetJson,
      minZoom: this.settings.minZoom,
      maxZoom: this.settings.maxZoom,
      boxSelectionEnabled: true,
      selectionType: 'single',
      ...(this.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    this.hoverTip = new HoverTip(container, this.settings.theme);
    this.hitIndex = new HitIndex(this.cy as unknown as HitCore);
    this.drawLists = new DrawLists(this.cy as unknown as { renderer(): unknown });
    this.elementLayer = new ElementLayer(container);
    this.wireEvents();
    this.resizeObserver = new ResizeObserver(() => {
      this.elementLayer.resize();
      this.cy.resize();
      if (this.fitted) this.fit();
    });
    this.resizeObserver.observe(container);
  }

  private wireEvents(): void {
    const cy = this.cy;
    cy.on('tap', 'node', (event) => this.events.emit('clickNode', { id: event.target.id() }));
    cy.on('tap', 'edge', (event) => this.events.emit('clickEdge', { id: event.target.id() }));
    cy.on('dbltap', 'node', (event) => this.events.emit('doubleClickNode', { id: event.target.id() }));
    cy.on('tap', (event) => {
      if (event.target === cy) this.events.emit('clickStage', {});
    });
    let pending = false;
    cy.on('select unselect', () => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        if (this.onLayer) this.markSelectionEnds();
        this.events.emit('selectionChange', {
          nodeIds: this.selectedNodeIds(),
          edgeIds: this.selectedEdgeIds(),
        });
      });
    });
    cy.on('dragpan scrollzoom pinchzoom', () => {
      this.fitted = false;
    });
    // A big canvas declutters only the captions in view, once the viewport has come to rest.
    cy.on('viewport', () => {
      this.hoverTip.hide();
      if (!this.large) return;
      clearTimeout(this.viewportDeclutterTimer);
      this.viewportDeclutterTimer = setTimeout(() => this.declutterViewport(), 200);
    });
    // The box names what lies under the pointer at rest: not while a node is dragged (it passes
    // over others), nor once the pointer left the canvas (cytoscape may not say it left the element).
    let dragging = false;
    cy.on('grab', 'node', () => {
      dragging = true;
      this.hoverTip.hide();
    });
    cy.on('free', 'node', () => {
      dragging = false;
    });
    cy.container()?.addEventListener('mouseleave', this.pointerLeft);
    const nameUnderPointer = (event: cytoscape.EventObject) => {
      if (dragging) return;
      const element = event.target as cytoscape.SingularElementArgument;
      const text = element.isNode()
        ? String(element.data('display') ?? '')
        : String(element.data('type') ?? '');
      this.hoverTip.show(text, event.renderedPosition.x, event.renderedPosition.y);
    };
    cy.on('mouseover', 'node, edge', (event) => {
      if (!this.large) return void event.target.addClass('hover');
      nameUnderPointer(event);
    });
    // Back on the element after the box was hidden without cytoscape's mouseout.
    cy.on('mousemove', 'node, edge', (event) => {
      if (this.large && this.hoverTip.text === undefined) nameUnderPointer(event);
    });
    cy.on('mouseout', 'node, edge', (event) => {
      this.hoverTip.hide();
      setClass(event.target, 'hover', false);
    });
    // The element layer is drawn after each frame of cytoscape's, with the same pan and zoom.
    cy.on('add remove class', () => {
      this.layerPicture = undefined;
    });
    cy.on('position', () => {
      this.layerMoved = true;
    });
    cy.on('render', () => this.drawLayer());
  }

  /**
   * Draws the element layer at cytoscape's viewport. While only the viewport moves, a layer of
   * many lines and bodies moves its last picture instead and is drawn again once the viewport has
   * come to rest (see MOVING_PICTURE_MIN_ELEMENTS).
   */
  private drawLayer(): void {
    if (!this.onLayer) return;
    const viewport = { zoom: this.cy.zoom(), pan: this.cy.pan() };
    const elementsUnchanged = this.layerPicture !== undefined && !this.layerMoved;
    // Cytoscape also draws a frame for what the layer does not show (a hover, a selection).
    if (elementsUnchanged && this.elementLayer.isDrawnAt(viewport)) return;
    if (
      elementsUnchanged &&
      this.elementLayer.lineCount + this.elementLayer.bodyCount >= MOVING_PICTURE_MIN_ELEMENTS
    ) {
      this.elementLayer.follow(viewport);
      clearTimeout(this.layerRestTimer);
      this.layerRestTimer = setTimeout(() => this.drawLayerNow(), LAYER_REST_MS);
      return;
    }
    this.drawLayerNow();
  }

  private drawLayerNow(): void {
    clearTimeout(this.layerRestTimer);
    if (!this.onLayer) return;
    this.layerPicture ??= this.readLayerPicture();
    this.layerMoved = false;
    this.elementLayer.draw(this.layerPicture, { zoom: this.cy.zoom(), pan: this.cy.pan() });
  }

  /**
   * The drawn relationships' ends and node centres. `position()` returns the node's own position
   * object, which cytoscape updates in place as the node moves, so the picture follows without
   * being read again.
   */
  private readLayerPicture(): LayerPicture {
    const { plain, quiet } = largeEdgeLooks(this.settings.theme);
    const plainEnds: GraphPoint[] = [];
    const quietEnds: GraphPoint[] = [];
    this.cy.edges().forEach((edge) => {
      if (!isDrawn(edge)) return;
      (edge.hasClass('quiet') ? quietEnds : plainEnds).push(
        edge.source().position(),
        edge.target().position(),
      );
    });
    const bodies = new Map<string, { centres: GraphPoint[]; look: BodyLook }>();
    let drawnByCytoscape = 0;
    this.cy.nodes().forEach((node) => {
      if (!isShown(node)) return;
      // Cytoscape draws these itself, in its own shape (the layer's outlines are the legend's
      // polygons): the layer leaves them out, so that no node shows two shapes.
      if (NODES_DRAWN_BY_CYTOSCAPE.some((name) => node.hasClass(name)) || node.selected()) {
        drawnByCytoscape++;
        return;
      }
      const color = String(node.data('color'));
      const shape = node.data('shape') as BodyLook['shape'];
      const look = `${color} ${shape}`;
      let group = bodies.get(look);
      if (!group) {
        group = { centres: [], look: { color, shape, size: LARGE_GRAPH_NODE_SIZE } };
        bodies.set(look, group);
      }
      group.centres.push(node.position());
    });
    // Cytoscape moves a picture of its canvas with the viewport instead of drawing its own nodes
    // on every frame, once it draws many (captions gather as the user zooms in and looks around);
    // the picture costs a bounding box of every element at each new zoom (0.3 s at 50,000).
    this.viewportRendering().textureOnViewport = drawnByCytoscape >= TEXTURE_ON_VIEWPORT_FROM;
    return {
      lines: [
        { ends: quietEnds, look: quiet },
        { ends: plainEnds, look: plain },
      ],
      bodies: [...bodies.values()],
    };
  }

  /**
   * After elements were shown or hidden: the level of detail first, then the captions. Measuring
   * captions in the detailed style first made cytoscape lay out every relationship as a curve
   * among its parallels (12 s for 10,000 relationships into a few hubs shown again by the legend).
   */
  private shownChanged(): void {
    this.updateDetail();
    this.declutter();
    this.contentChanged();
  }

  /**
   * The end nodes of selected relationships are drawn by cytoscape, above the selected line it
   * draws, rather than on the layer under it (cytoscape draws relationships under nodes).
   */
  private markSelectionEnds(): void {
    const ends = this.cy.edges(':selected').connectedNodes();
    this.cy.batch(() => {
      this.cy.nodes(`.${SELECTION_END}`).difference(ends).removeClass(SELECTION_END);
      ends.addClass(SELECTION_END);
    });
    // A selection fires no 'class' event for the node selected.
    this.layerPicture = undefined;
  }

  /** Tells the app that elements changed, after matching the level of detail to the new size. */
  private contentChanged(): void {
    this.hoverTip.hide();
    this.updateDetail();
    this.events.emit('contentChange', {});
  }

  /** Switches to the large-graph level of detail (style.ts) and back when the visible size crosses the setting. */
  private updateDetail(): void {
    this.setDetail(this.visibleElements().length >= this.settings.largeGraphFrom);
  }

  private setDetail(large: boolean): void {
    if (large === this.large) return;
    this.large = large;
    this.applyStyle();
    // WebGL finds what lies under the pointer by drawing a picking buffer of the elements it is
    // handed: handed the grid's few, it would keep a buffer of those alone.
    this.hitIndex.setEnabled(large && !this.webgl);
    // Not in cytoscape's typings, but read on every frame: pan and zoom a picture of the canvas
    // without edges instead of drawing thousands of elements per frame.
    const rendering = this.viewportRendering();
    rendering.hideEdgesOnViewport = large;
    rendering.textureOnViewport = large && !this.onLayer;
    if (large) this.cy.elements('.label-hidden, .hover').removeClass('label-hidden hover');
    else this.hoverTip.hide();
  }

  private viewportRendering(): ViewportRendering {
    return (this.cy as unknown as { renderer(): ViewportRendering }).renderer();
  }

  /** The stylesheet for the level of detail; a big canvas in 2D puts its elements on the element layer. */
  private applyStyle(): void {
    this.onLayer = this.large && !this.webgl;
    this.layerPicture = undefined;
    if (!this.onLayer) this.elementLayer.clear();
    const style = buildStyle(this.settings, { large: this.large, onLayer: this.onLayer });
    this.cy.style(style as unknown as cytoscape.StylesheetJson);
    this.drawLists.setEnabled(this.onLayer);
    if (this.onLayer) this.markSelectionEnds();
  }

  /** How many force layouts ran in the Web Worker and how many on the page (diagnostics, tests). */
  get forceLayouts(): { worker: number; page: number } {
    return { ...this.offThreadLayout.finished };
  }

  /** True while the canvas draws with the large-graph level of detail. */
  get largeGraph(): boolean {
    return this.large;
  }

  /** Replaces the canvas content with `graph` and lays it out. */
  async setGraph(graph: GraphData): Promise<void> {
    this.stopLayout();
    const elements = this.toElements(graph, new Set());
    this.cy.batch(() => {
      this.cy.elements().remove();
      // Styling thousands of elements twice (detailed, then large) would double the cost of adding them.
      this.setDetail(elements.length >= this.settings.largeGraphFrom);
      this.cy.add(elements);
      this.applyFilter();
    });
    this.contentChanged();
    await this.runLayout(this.currentLayout, { incremental: false });
  }

  /**
   * Adds what is not on the canvas yet; new nodes start around `anchor` and the layout continues
   * from the current positions. Returns the ids that were new.
   */
  async addGraph(
    graph: GraphData,
    options: { anchor?: string; fitIfFitted?: boolean } = {},
  ): Promise<{ nodeIds: string[]; edgeIds: string[] }> {
    const known = new Set(this.cy.elements().map((element) => element.id()));
    const anchor = options.anchor ? this.cy.getElementById(options.anchor) : undefined;
    const center = anchor?.nonempty() ? anchor.position() : this.viewCenter();
    const elements = this.toElements(graph, known);
    const newNodes = elements.filter((element) => element.group === 'nodes');
    const near = this.placedNeighbours(elements, known);
    let ring = 0;
    // How many new nodes each placed neighbour has around it so far (by its position).
    const around = new Map<string, number>();
    for (const element of newNodes) {
      const neighbour = near.get(String(element.data.id));
      const from = neighbour ?? center;
      let angle: number;
      let radius = 80;
      if (!neighbour) angle = (2 * Math.PI * ring++) / Math.max(newNodes.length, 1);
      else {
        // A sunflower around the neighbour: the k-th node a golden angle on and 50 + 22·sqrt(k)
        // out, about 39 units from its nearest, so that they neither overlap (a big canvas keeps
        // them where they are placed) nor lie far off.
        const key = `${neighbour.x},${neighbour.y}`;
        const k = around.get(key) ?? 0;
        around.set(key, k + 1);
        angle = 2.399963 * k;
        radius = 50 + 22 * Math.sqrt(k);
      }
      element.position = { x: from.x + radius * Math.cos(angle), y: from.y + radius * Math.sin(angle) };
    }
    if (elements.length === 0) return { nodeIds: [], edgeIds: [] };
    this.cy.batch(() => {
      if (this.visibleElements().length + elements.length >= this.settings.largeGraphFrom)
        this.setDetail(true);
      // Only the new elements need the legend's filter; restyling a big canvas would redraw all of it.
      this.applyFilter(this.cy.add(elements));
    });
    this.contentChanged();
    // Relationships alone between nodes already placed need no layout; nor do a few neighbours
    // added to a big canvas: they stay where they were placed, around their node. A layout would
    // move only them, and applying its answer costs another redraw of every element (200-500 ms
    // in software rendering).
    const placedAlready =
      newNodes.length === 0 ||
      (this.large && newNodes.length <= FEW_NEW_NODES && options.anchor && this.currentLayout === 'fcose');
    if (placedAlready) {
      this.stopLayout();
      this.layoutDone(this.currentLayout);
    } else
      await this.runLayout(this.currentLayout, {
        incremental: true,
        movable: new Set(newNodes.map((element) => String(element.data.id))),
        fitIfFitted: options.fitIfFitted ?? false,
      });
    if (options.anchor && newNodes.length > 0)
      this.reveal([options.anchor, ...newNodes.map((element) => String(element.data.id))]);
    return {
      nodeIds: newNodes.map((element) => String(element.data.id)),
      edgeIds: elements
        .filter((element) => element.group === 'edges')
        .map((element) => String(element.data.id)),
    };
  }

  private toElements(graph: GraphData, known: Set<string>): cytoscape.ElementDefinition[] {
    const elements: cytoscape.ElementDefinition[] = [];
    const nodeIds = new Set(known);
    for (const node of graph.nodes) {
      if (nodeIds.has(node.id)) continue;
      nodeIds.add(node.id);
      const style = labelStyle(node.labels[0]);
      const caption = nodeCaption(node);
      elements.push({
        group: 'nodes',
        data: {
          id: node.id,
          caption,
          display: caption,
          label: node.labels[0] ?? '',
          color: style.color,
          shape: style.shape,
          raw: node,
        },
      });
    }
    const loopsAt = new Map<string, number>();
    for (const edge of graph.edges) {
      if (known.has(edge.id) || !nodeIds.has(edge.source) || !nodeIds.has(edge.target)) continue;
      known.add(edge.id);
      const data: Record<string, unknown> = {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: edge.type,
        raw: edge,
      };
      if (edge.source === edge.target) {
        const loops =
          loopsAt.get(edge.source) ?? this.cy.getElementById(edge.source).connectedEdges(':loop').length;
        loopsAt.set(edge.source, loops + 1);
        data.loopDirection = loopDirection(loops);
      }
      elements.push({
        group: 'edges',
        data,
        classes: this.settings.quietTypes.includes(edge.type) ? ['quiet'] : [],
      });
    }
    return elements;
  }

  /** For new nodes with a relationship to a node already drawn: that node's position. */
  private placedNeighbours(
    elements: cytoscape.ElementDefinition[],
    known: Set<string>,
  ): Map<string, { x: number; y: number }> {
    const near = new Map<string, { x: number; y: number }>();
    for (const element of elements) {
      if (element.group !== 'edges') continue;
      const { source, target } = element.data as { source: string; target: string };
      for (const [fresh, placed] of [
        [source, target],
        [target, source],
      ] as const) {
        if (near.has(fresh) || known.has(fresh) || !known.has(placed)) continue;
        const node = this.cy.getElementById(placed);
        if (node.nonempty()) near.set(fresh, { ...node.position() });
      }
    }
    return near;
  }

  private viewCenter(): { x: number; y: number } {
    const extent = this.cy.extent();
    return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  }

  /**
   * Runs a layout over the visible elements; resolves when it has stopped. `movable` (with
   * `incremental`) limits a large graph's force layout to those nodes, so the rest stays put.
   */
  runLayout(
    name: LayoutName,
    options: { incremental?: boolean; movable?: ReadonlySet<string>; fitIfFitted?: boolean } = {},
  ): Promise<void> {
    this.stopLayout();
    this.currentLayout = name;
    const elements = this.visibleElements();
    const size = elements.nodes().length;
    if (name === 'fcose' && elements.length >= this.settings.workerLayoutFrom)
      return this.runForceLayout(elements, options);
    const animate = options.incremental === true && size <= this.settings.animateUpTo;
    // An expansion keeps the viewport the user chose (as the worker's layout below does).
    const fit = !options.incremental || (options.fitIfFitted === true && this.fitted);
    const common = { fit, padding: 30, animate, animationDuration: 350 };
    // New nodes find their place among the others, which stay where the user saw them.
    // fcose places the centre of what it sizes a node by and, with captions (below the node), puts
    // the node half the caption's height above that: the kept position is given the same way.
    const withLabels = size <= 1000;
    const fixed =
      options.incremental && options.movable
        ? elements
            .nodes()
            .filter((node) => !options.movable!.has(node.id()))
            .map((node) => {
              const { x, y } = (node as cytoscape.NodeSingular).position();
              const caption = withLabels
                ? node.boundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false }).h
                : 0;
              return { nodeId: node.id(), position: { x, y: y + caption / 2 } };
            })
        : [];
    const layoutOptions: Record<LayoutName, Record<string, unknown>> = {
      fcose: {
        name: 'fcose',
        // Polishing costs time that large graphs do not repay: draft is the spectral layout alone.
        quality: size <= 300 ? 'proof' : size <= 1000 ? 'default' : 'draft',
        randomize: !options.incremental,
        nodeDimensionsIncludeLabels: withLabels,
        idealEdgeLength: 110,
        nodeRepulsion: 12000,
        edgeElasticity: 0.25,
        gravity: 0.2,
        numIter: size <= 1000 ? 2500 : 1000,
        nodeSeparation: 90,
        packComponents: fixed.length === 0,
        ...(fixed.length > 0 ? { fixedNodeConstraint: fixed } : {}),
      },
      concentric: {
        name: 'concentric',
        // The most connected nodes in the middle, four degree bands around them.
        concentric: (node: cytoscape.NodeSingular) => factDegree(node),
        levelWidth: (nodes: cytoscape.NodeCollection) => Math.max(1, nodes.max(factDegree).value / 4),
        minNodeSpacing: 12,
        spacingFactor: 0.9,
      },
      breadthfirst: {
        name: 'breadthfirst',
        // A tree grown from the most connected node, so the hub sits on top.
        directed: false,
        roots: elements.nodes().max(factDegree).ele,
        spacingFactor: 0.9,
        avoidOverlap: true,
      },
      grid: {
        name: 'grid',
        avoidOverlap: true,
        avoidOverlapPadding: 30,
        nodeDimensionsIncludeLabels: true,
        condense: false,
      },
    };
    return new Promise((resolve) => {
      if (elements.nodes().length === 0) {
        this.declutter();
        resolve();
        return;
      }
      const layout = elements.layout({
        ...common,
        ...layoutOptions[name],
      } as unknown as cytoscape.LayoutOptions);
      this.layoutRunning = layout;
      layout.one('layoutstop', () => {
        if (this.layoutRunning === layout) this.layoutRunning = undefined;
        if (fit) {
          this.limitZoom(elements);
          this.fitted = true;
        }
        this.layoutDone(name);
        resolve();
      });
      // Same elements, same picture: the layout's randomness is seeded from the element ids.
      const seed = seedFrom(
        elements
          .map((element) => element.id())
          .sort()
          .join(','),
      );
      withSeededRandom(seed, () => layout.run());
    });
  }

  /**
   * The force layout of a large graph in a Web Worker. A new layout first draws the nodes where
   * seedPositions puts them (leaves around their hubs), so the canvas shows the graph at once;
   * the worker's refined positions replace them when they arrive.
   */
  private async runForceLayout(
    elements: cytoscape.CollectionReturnValue,
    options: { incremental?: boolean; movable?: ReadonlySet<string>; fitIfFitted?: boolean },
  ): Promise<void> {
    const nodes = elements.nodes();
    const index = new Map<string, number>();
    nodes.forEach((node, i) => void index.set(node.id(), i));
    const pairs: number[] = [];
    elements.edges().forEach((edge) => {
      const data = edge.data() as { source: string; target: string };
      const source = index.get(data.source);
      const target = index.get(data.target);
      if (source !== undefined && target !== undefined) pairs.push(source, target);
    });
    const edges = Uint32Array.from(pairs);
    const fixed = new Uint8Array(nodes.length);
    let start: Positions;
    if (options.incremental) {
      start = new Float64Array(2 * nodes.length);
      nodes.forEach((node, i) => {
        const { x, y } = node.position();
        start[2 * i] = x;
        start[2 * i + 1] = y;
        if (node.locked() || (options.movable && !options.movable.has(node.id()))) fixed[i] = 1;
      });
    } else {
      start = seedPositions(nodes.length, edges);
      nodes.forEach((node, i) => {
        if (!node.locked()) return;
        const { x, y } = node.position();
        start[2 * i] = x;
        start[2 * i + 1] = y;
        fixed[i] = 1;
      });
      this.placeNodes(nodes, start);
      this.fitPositions(start);
    }
    const movable = nodes.length - fixed.reduce((sum, f) => sum + f, 0);
    try {
      const positions = await this.offThreadLayout.run(
        // The worker takes these buffers over. `edges` and `start` are not needed here afterwards;
        // `fixed` is (placeNodes leaves those nodes alone), so the worker gets a copy.
        { count: nodes.length, edges, positions: start, fixed: fixed.slice() },
        // A fresh layout settles from scratch; added nodes only find their place among the others.
        options.incremental
          ? { ticks: 100, alpha: movable < nodes.length ? 0.6 : 0.3, budgetMs: 3000 }
          : { ticks: nodes.length <= 1000 ? 300 : 150, alpha: 0.5, budgetMs: 8000 },
      );
      this.placeNodes(nodes, positions, fixed);
      // Expanded nodes land next to what is on screen, so refitting would only jolt the view; a
      // step of a big result refits when the whole graph was in view before it.
      if (!options.incremental || (options.fitIfFitted && this.fitted)) {
        this.fitPositions(positions);
        this.limitZoom(elements);
        this.fitted = true;
      }
    } catch (error) {
      if (error instanceof LayoutSuperseded) return;
      console.warn(error);
    }
    this.layoutDone(this.currentLayout);
  }

  /**
   * Fits the viewport to node centres (plus a margin for node size), which is much cheaper on a
   * big graph than cytoscape's fit, which measures every element's bounding box.
   */
  private fitPositions(positions: Positions, padding = 40): void {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    for (let i = 0; i + 1 < positions.length; i += 2) {
      x1 = Math.min(x1, positions[i]!);
      x2 = Math.max(x2, positions[i]!);
      y1 = Math.min(y1, positions[i + 1]!);
      y2 = Math.max(y2, positions[i + 1]!);
    }
    if (!Number.isFinite(x1)) return;
    const width = this.cy.width();
    const height = this.cy.height();
    const zoom = Math.min(
      this.settings.maxZoom,
      Math.max(
        this.settings.minZoom,
        Math.min((width - 2 * padding) / Math.max(x2 - x1, 1), (height - 2 * padding) / Math.max(y2 - y1, 1)),
      ),
    );
    this.cy.viewport({
      zoom,
      pan: { x: width / 2 - (zoom * (x1 + x2)) / 2, y: height / 2 - (zoom * (y1 + y2)) / 2 },
    });
  }

  /**
   * Moves nodes (not pinned ones, nor those `fixed` marks) to positions[2i], positions[2i + 1], in
   * one batch. Nodes left alone keep their cached geometry, which matters on a big canvas.
   */
  private placeNodes(nodes: cytoscape.NodeCollection, positions: Positions, fixed?: Uint8Array): void {
    this.cy.batch(() => {
      nodes.forEach((node, i) => {
        if (fixed?.[i] || node.locked()) return;
        node.position({ x: positions[2 * i]!, y: positions[2 * i + 1]! });
      });
    });
  }

  private stopLayout(): void {
    const running = this.layoutRunning;
    this.layoutRunning = undefined;
    running?.stop();
    this.offThreadLayout.cancel();
  }

  /** True while a layout is moving nodes. */
  get busy(): boolean {
    return this.layoutRunning !== undefined || this.offThreadLayout.running;
  }

  get layout(): LayoutName {
    return this.currentLayout;
  }

  /** Every way nodes come to rest ends here: captions decluttered, then the app told. */
  private layoutDone(layout: LayoutName): void {
    this.declutter();
    this.events.emit('layoutStop', { layout });
  }

  /** Hides captions that would overlap a caption of a more connected element. */
  declutter(): void {
    const cy = this.cy;
    cy.elements('.label-hidden').removeClass('label-hidden');
    if (!this.settings.declutterLabels) return;
    // A large graph shows captions only when zoomed in (style.ts); measuring every one would take
    // longer than drawing them, so only those in view are decluttered.
    if (this.large) {
      this.declutterViewport();
      return;
    }
    const visible = this.visibleElements();
    const boxes: LabelBox[] = [];
    const obstacles: LabelBox[] = [];
    visible.nodes().forEach((node) => {
      const id = node.id();
      const body = toBox(node.boundingBox({ includeLabels: false }), {
        id: `body:${id}`,
        owner: `body:${id}`,
        priority: 0,
      });
      if (body) obstacles.push(body);
      const label = toBox(
        node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }),
        {
          id,
          owner: id,
          // Node captions may cross other nodes' bodies (their outline keeps them legible), so a
          // hub's name is never lost to a crowded neighbourhood; they never overlap other captions.
          ignoreBodies: true,
          priority: 1000 + node.degree(false) + (node.selected() ? 10000 : 0),
        },
      );
      if (label) boxes.push(label);
    });
    visible.edges().forEach((edge) => {
      const geometry = this.edgeCaptionGeometry(edge);
      if (!geometry) return;
      boxes.push({
        id: edge.id(),
        owner: edge.id(),
        priority: edge.source().degree(false) + edge.target().degree(false) + (edge.selected() ? 10000 : 0),
        ...geometry,
      });
    });
    const hide = labelsToHide(boxes, obstacles);
    cy.batch(() => {
      for (const id of hide) cy.getElementById(id).addClass('label-hidden');
    });
  }

  /**
   * Hides overlapping node captions among the nodes in view of a big canvas (relationships have
   * no captions there), when the zoom is close enough for captions to be drawn at all.
   */
  private declutterViewport(): void {
    const cy = this.cy;
    if (!this.large || !this.settings.declutterLabels) return;
    const fontSize = this.settings.nodeFontSize;
    // The canvas decides on min-zoomed-font-size at the zoom of its texture level (the power of two
    // at or above the zoom), so between half that and the threshold it draws captions too small to
    // read and, undecluttered, on top of each other: those are hidden here instead.
    const textureScale = 2 ** Math.ceil(Math.log2(cy.zoom() * window.devicePixelRatio));
    if (fontSize * textureScale < LARGE_GRAPH_CAPTION_MIN_PX) {
      // Too far out for any caption: nodes that had one (say, while the canvas held the first
      // 1,000) give it up, so that the element layer draws them instead of cytoscape.
      cy.batch(() => cy.nodes(`.${CAPTIONED}`).removeClass(CAPTIONED));
      return;
    }
    // Nodes just outside the view may have their captions inside it (up to half the widest caption).
    const margin = CAPTION_WRAP_WIDTH / 2;
    const { x1, y1, x2, y2 } = cy.extent();
    const inView = cy.nodes().filter((node) => {
      if (!isShown(node)) return false;
      const { x, y } = node.position();
      return x >= x1 - margin && x <= x2 + margin && y >= y1 - margin && y <= y2 + margin;
    });
    if (fontSize * cy.zoom() < LARGE_GRAPH_CAPTION_MIN_PX) {
      cy.batch(() => inView.forEach((node) => setClass(node, 'label-hidden', !node.selected())));
      return;
    }
    // Nodes get their caption once they are in view close enough to read it (style.ts).
    cy.batch(() => inView.forEach((node) => setClass(node, CAPTIONED, true)));
    const boxes: LabelBox[] = [];
    inView.forEach((node) => {
      const box = toBox(node.boundingBox(MEASURED_CAPTION), {
        id: node.id(),
        owner: node.id(),
        priority: node.degree(false) + (node.selected() ? 10000 : 0),
      });
      if (box) boxes.push(box);
    });
    const hide = labelsToHide(boxes);
    cy.batch(() => {
      inView.forEach((node) => setClass(node, 'label-hidden', hide.has(node.id())));
    });
  }

  /**
   * Where an edge's caption is drawn, as a rotated box in model coordinates: centred on the edge's
   * midpoint and turned along it (the canvas autorotates captions), sized by measuring the text.
   */
  private edgeCaptionGeometry(edge: cytoscape.EdgeSingular): ReturnType<typeof rotatedBox> | undefined {
    if (edge.hasClass('quiet') || edge.isLoop()) return undefined;
    const text = String(edge.data('type') ?? '');
    if (!text) return undefined;
    const size = this.settings.edgeFontSize;
    const outline = 2;
    const width = this.measureText(text, size) + 2 * outline;
    const height = size * 1.25 + 2 * outline;
    const from = edge.source().position();
    const to = edge.target().position();
    // An edge shown again after being hidden has no drawn geometry until the next frame.
    const middle = edge.midpoint() ?? { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    return rotatedBox(middle, width, height, Math.atan2(to.y - from.y, to.x - from.x));
  }

  private measureText(text: string, size: number): number {
    const key = `${size}:${text}`;
    let width = this.textWidths.get(key);
    if (width === undefined) {
      this.measureContext ??= document.createElement('canvas').getContext('2d') ?? undefined;
      if (this.measureContext) this.measureContext.font = `${size}px system-ui, sans-serif`;
      width = this.measureContext ? this.measureContext.measureText(text).width : text.length * size * 0.6;
      this.textWidths.set(key, width);
    }
    return width;
  }

  /** Shows or hides nodes of labels and relationships of types (the legend's toggles). */
  setFilter(filter: { hiddenLabels: Iterable<string>; hiddenTypes: Iterable<string> }): void {
    this.hiddenLabels = new Set(filter.hiddenLabels);
    this.hiddenTypes = new Set(filter.hiddenTypes);
    this.cy.batch(() => this.applyFilter());
    this.shownChanged();
  }

  /** Marks filtered elements: all of them, or only `elements` (just added ones). */
  private applyFilter(elements: cytoscape.CollectionReturnValue = this.cy.elements()): void {
    elements.nodes().forEach((node) => {
      setClass(node, 'filtered', this.hiddenLabels.has(String(node.data('label'))));
    });
    elements.edges().forEach((edge) => {
      setClass(edge, 'filtered', this.hiddenTypes.has(String(edge.data('type'))));
    });
  }

  /** Hides nodes and relationships (with the relationships of hidden nodes). */
  hide(ids: string[]): void {
    const elements = this.collection(ids);
    elements.union(elements.nodes().connectedEdges()).addClass('user-hidden').unselect();
    this.shownChanged();
  }

  /** Shows everything hidden with `hide`. */
  showHidden(): void {
    this.cy.elements('.user-hidden').removeClass('user-hidden');
    this.shownChanged();
  }

  /** Removes every node and relationship except `ids` (and relationships between kept nodes). */
  keepOnly(ids: string[]): void {
    const keep = this.collection(ids);
    const keptNodes = keep.nodes().union(keep.edges().connectedNodes());
    const keptEdges = keep.edges().union(keptNodes.edgesWith(keptNodes));
    this.cy.elements().not(keptNodes).not(keptEdges).remove();
    this.shownChanged();
  }

  /** Removes nodes (with their relationships) and relationships. */
  remove(ids: string[]): void {
    this.collection(ids).remove();
    this.shownChanged();
  }

  /** Locks nodes where they are, or unlocks them. */
  setPinned(ids: string[], pinned: boolean): void {
    this.collection(ids)
      .nodes()
      .forEach((node) => {
        if (pinned) node.lock();
        else node.unlock();
        setClass(node, 'pinned', pinned);
      });
  }

  isPinned(id: string): boolean {
    return this.cy.getElementById(id).hasClass('pinned');
  }

  /** The second caption line under a node, if it has one. */
  badgeOf(id: string): string | undefined {
    const badge: unknown = this.cy.getElementById(id).data('badge');
    return typeof badge === 'string' ? badge : undefined;
  }

  /** A second caption line under a node (e.g. how many neighbours are not loaded), or none. */
  setBadge(id: string, badge: string | undefined): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    // data('badge', undefined) would read it, not clear it: a node that got every neighbour kept
    // its last badge, and an undo put it back on the canvas.
    if (badge === undefined) node.removeData('badge');
    else node.data('badge', badge);
    node.data('display', badge ? `${node.data('caption')}\n${badge}` : node.data('caption'));
    setClass(node, 'has-more', Boolean(badge));
  }

  private collection(ids: string[]): cytoscape.CollectionReturnValue {
    let collection = this.cy.collection();
    for (const id of ids) collection = collection.union(this.cy.getElementById(id));
    return collection;
  }

  /**
   * Brings these nodes into view when some are outside it (an expansion whose neighbours landed off
   * screen): pans as little as needed when they fit at the current zoom, else zooms out to them.
   */
  private reveal(ids: string[]): void {
    const cy = this.cy;
    const chosen = cy.collection();
    for (const id of ids) chosen.merge(cy.getElementById(id));
    const nodes = chosen.filter(isShown);
    if (nodes.empty()) return;
    const box = nodes.boundingBox({ includeLabels: true });
    const zoom = cy.zoom();
    const margin = REVEAL_MARGIN_PX / zoom;
    const view = cy.extent();
    const inside =
      box.x1 >= view.x1 + margin &&
      box.x2 <= view.x2 - margin &&
      box.y1 >= view.y1 + margin &&
      box.y2 <= view.y2 - margin;
    if (inside) return;
    const width = cy.width();
    const height = cy.height();
    const fitsAtZoom = box.w + 2 * margin <= view.w && box.h + 2 * margin <= view.h;
    const nextZoom = fitsAtZoom
      ? zoom
      : Math.max(
          this.settings.minZoom,
          Math.min((width - 2 * REVEAL_MARGIN_PX) / box.w, (height - 2 * REVEAL_MARGIN_PX) / box.h),
        );
    // The smallest shift that puts the box inside the view (or, zoomed out, its centre in the middle).
    const shift = (low: number, high: number, viewLow: number, viewHigh: number) =>
      low < viewLow ? low - viewLow : high > viewHigh ? high - viewHigh : 0;
    const centre = fitsAtZoom
      ? {
          x: (view.x1 + view.x2) / 2 + shift(box.x1 - margin, box.x2 + margin, view.x1, view.x2),
          y: (view.y1 + view.y2) / 2 + shift(box.y1 - margin, box.y2 + margin, view.y1, view.y2),
        }
      : { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
    const pan = { x: width / 2 - nextZoom * centre.x, y: height / 2 - nextZoom * centre.y };
    this.fitted = false;
    // A big canvas redraws every element for each frame of an animation: it jumps instead.
    if (this.large) cy.viewport({ zoom: nextZoom, pan });
    else cy.animate({ zoom: nextZoom, pan, duration: 300 });
  }

  fit(): void {
    const visible = this.visibleElements();
    this.cy.fit(visible, 30);
    this.limitZoom(visible);
    this.fitted = true;
  }

  /** A fitted small graph should not be blown up: keep the zoom at most `maxFitZoom`. */
  private limitZoom(elements: cytoscape.CollectionReturnValue): void {
    if (this.cy.zoom() <= this.settings.maxFitZoom) return;
    this.cy.zoom(this.settings.maxFitZoom);
    this.cy.center(elements);
  }

  zoomBy(factor: number): void {
    this.fitted = false;
    const { width, height } = this.cy.container()!.getBoundingClientRect();
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: width / 2, y: height / 2 } });
  }

  /** Centres the canvas on a node and selects it. */
  focus(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    this.fitted = false;
    this.cy.elements().unselect();
    node.select();
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1), duration: 250 });
  }

  select(ids: string[]): void {
    this.cy.elements().unselect();
    this.collection(ids).select();
  }

  selectedNodeIds(): string[] {
    return this.cy.nodes(':selected').map((node) => node.id());
  }

  selectedEdgeIds(): string[] {
    return this.cy.edges(':selected').map((edge) => edge.id());
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  node(id: string): ApiNode | undefined {
    const node = this.cy.getElementById(id);
    return node.nonempty() && node.isNode() ? (node.data('raw') as ApiNode) : undefined;
  }

  edge(id: string): ApiEdge | undefined {
    const edge = this.cy.getElementById(id);
    return edge.nonempty() && edge.isEdge() ? (edge.data('raw') as ApiEdge) : undefined;
  }

  /** All nodes on the canvas, hidden ones included. */
  nodes(): ApiNode[] {
    return this.cy.nodes().map((node) => node.data('raw') as ApiNode);
  }

  edges(): ApiEdge[] {
    return this.cy.edges().map((edge) => edge.data('raw') as ApiEdge);
  }

  /** Whether the user can see this element now (not hidden, not filtered). */
  isVisible(id: string): boolean {
    const element = this.cy.getElementById(id);
    return element.nonempty() && isDrawn(element);
  }

  /** Where a node (or a relationship's midpoint) is drawn, in pixels from the canvas's top left corner. */
  renderedPosition(id: string): { x: number; y: number } | undefined {
    const element = this.cy.getElementById(id);
    if (element.empty()) return undefined;
    if (element.isEdge()) return { ...element.renderedMidpoint() };
    return { ...(element as cytoscape.NodeSingular).renderedPosition() };
  }

  /** The width and height an element takes on screen, its caption left out (tests check loops with it). */
  renderedSize(id: string): { w: number; h: number } | undefined {
    const element = this.cy.getElementById(id);
    if (element.empty()) return undefined;
    const box = element.renderedBoundingBox({ includeLabels: false });
    return { w: box.w, h: box.h };
  }

  /** The zoom level and the pan (tests check that an expansion keeps them). */
  viewport(): { zoom: number; pan: { x: number; y: number } } {
    return { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
  }

  /** The text a big canvas shows for the element under the pointer, if any. */
  get hoverText(): string | undefined {
    return this.hoverTip.text;
  }

  /** Ids of elements whose caption is currently hidden to avoid overlap. */
  hiddenCaptionIds(): string[] {
    return this.cy.elements('.label-hidden').map((element) => element.id());
  }

  /**
   * Corners of the captions the user can see, in pixels (for checking that none overlap): node
   * captions from the canvas's own bounding boxes, relationship captions as rotated boxes.
   */
  captionBoxes(): { id: string; corners: Point[] }[] {
    const pan = this.cy.pan();
    const zoom = this.cy.zoom();
    const visible = this.visibleElements().filter((element) => !element.hasClass('label-hidden'));
    const nodes: { id: string; corners: Point[] }[] = [];
    visible.nodes().forEach((node) => {
      const id = node.id();
      const bb = node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
      // None for a node of a big canvas that has not been in view close up: it has no caption yet.
      const box = toBox(bb, { id, owner: id, priority: 0 });
      if (box) nodes.push({ id, corners: cornersOf(box) });
    });
    const edges = visible.edges().map((edge) => {
      const corners = this.edgeCaptionGeometry(edge)?.corners ?? [];
      return { id: edge.id(), corners: corners.map(([x, y]): Point => [x * zoom + pan.x, y * zoom + pan.y]) };
    });
    return [...nodes, ...edges.filter((edge) => edge.corners.length === 4)];
  }

  summary(): ViewSummary {
    const visible = this.visibleElements();
    return {
      nodes: this.cy.nodes().length,
      edges: this.cy.edges().length,
      visibleNodes: visible.nodes().length,
      visibleEdges: visible.edges().length,
      layerLines: this.elementLayer.lineCount,
      layerBodies: this.elementLayer.bodyCount,
    };
  }

  snapshot(): ViewSnapshot {
    return {
      nodes: this.cy.nodes().map((node) => ({
        data: node.data('raw') as ApiNode,
        position: { ...node.position() },
        pinned: node.hasClass('pinned'),
        hidden: node.hasClass('user-hidden'),
        ...(node.data('badge') ? { badge: String(node.data('badge')) } : {}),
      })),
      edges: this.cy
        .edges()
        .map((edge) => ({ data: edge.data('raw') as ApiEdge, hidden: edge.hasClass('user-hidden') })),
      selected: this.cy.elements(':selected').map((element) => element.id()),
      viewport: { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } },
    };
  }

  /** Puts back a snapshot: the same elements at the same places, hidden and pinned as they were. */
  restore(snapshot: ViewSnapshot): void {
    this.stopLayout();
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().remove();
      const elements = this.toElements(
        { nodes: snapshot.nodes.map((n) => n.data), edges: snapshot.edges.map((e) => e.data) },
        new Set(),
      );
      cy.add(elements);
      for (const saved of snapshot.nodes) {
        const node = cy.getElementById(saved.data.id);
        node.position(saved.position);
        if (saved.hidden) node.addClass('user-hidden');
        if (saved.pinned) node.lock().addClass('pinned');
        this.setBadge(saved.data.id, saved.badge);
      }
      for (const saved of snapshot.edges)
        if (saved.hidden) cy.getElementById(saved.data.id).addClass('user-hidden');
      this.collection(snapshot.selected).select();
      this.applyFilter();
    });
    this.cy.viewport({ zoom: snapshot.viewport.zoom, pan: snapshot.viewport.pan });
    this.fitted = false;
    this.shownChanged();
  }

  /**
   * The elements neither hidden by the user nor filtered out by the legend. Not `.not(selector)`,
   * which took 30 ms per call at 10,000 elements (it matches, then subtracts a collection); an
   * expansion on a big canvas asks several times.
   */
  private visibleElements(): cytoscape.CollectionReturnValue {
    const all = this.cy.elements();
    if (this.cy.elements('.user-hidden, .filtered').empty()) return all;
    return all.filter(isDrawn);
  }

  /**
   * The visible elements with positions and styles, for export: everything the user sees, or only
   * the selection (selected nodes, the end nodes of selected relationships and the relationships
   * among selected nodes).
   */
  placedElements(options: { selectionOnly: boolean }): PlacedElements {
    let elements = this.visibleElements();
    if (options.selectionOnly) {
      const selected = elements.filter(':selected');
      const nodes = selected.nodes().union(selected.edges().connectedNodes());
      elements = nodes.union(selected.edges()).union(nodes.edgesWith(nodes)).not('.user-hidden, .filtered');
    }
    return {
      nodes: elements.nodes().map((node) => ({
        ...(node.data('raw') as ApiNode),
        position: { ...node.position() },
        style: { 'background-color': String(node.data('color')), shape: String(node.data('shape')) },
      })),
      edges: elements.edges().map((edge) => edge.data('raw') as ApiEdge),
    };
  }

  /** A PNG of the visible graph (all of it, not only the viewport), at twice the screen resolution. */
  async png(): Promise<Blob> {
    // Cytoscape draws the picture: it draws the element layer's elements for that one call.
    const pictured = this.onLayer ? this.cy.elements() : this.cy.collection();
    this.cy.batch(() => pictured.addClass(PICTURED));
    // The picture is drawn in this call; only its encoding is awaited.
    try {
      return this.cy.png({
        output: 'blob-promise',
        full: true,
        scale: 2,
        bg: this.settings.theme.background,
        maxWidth: 8000,
        maxHeight: 8000,
      });
    } finally {
      this.cy.batch(() => pictured.removeClass(PICTURED));
    }
  }

  /** An SVG of the visible graph, drawn from positions, shapes, colours and captions. */
  svg(title: string): string {
    const visible = this.visibleElements();
    const nodes: PictureNode[] = visible.nodes().map((node) => ({
      x: node.position('x'),
      y: node.position('y'),
      width: node.width(),
      height: node.height(),
      color: String(node.data('color')),
      shape: String(node.data('shape')),
      captionLines:
        node.hasClass('label-hidden') && !node.selected()
          ? []
          : this.wrapCaption(String(node.data('display') ?? ''), CAPTION_WRAP_WIDTH),
      selected: node.selected(),
    }));
    const edges: PictureEdge[] = visible.edges().map((edge) => {
      const quiet = edge.hasClass('quiet');
      const controls = edge.isLoop() ? [] : (edge.controlPoints() ?? []);
      return {
        start: { ...edge.sourceEndpoint() },
        end: { ...edge.targetEndpoint() },
        controls: controls.map((point) => ({ x: point.x, y: point.y })),
        mid: { ...edge.midpoint() },
        caption: quiet || edge.hasClass('label-hidden') ? '' : String(edge.data('type') ?? ''),
        quiet,
      };
    });
    return svgPicture({
      nodes,
      edges,
      colors: this.settings.theme,
      nodeFontSize: this.settings.nodeFontSize,
      edgeFontSize: this.settings.edgeFontSize,
      title,
    });
  }

  /** Breaks a caption into lines at spaces, as the canvas does ('text-wrap': 'wrap'). */
  private wrapCaption(text: string, maxWidth: number): string[] {
    const size = this.settings.nodeFontSize;
    return text.split('\n').flatMap((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
        const candidate = line ? `${line} ${word}` : word;
        if (line && this.measureText(candidate, size) > maxWidth) {
          lines.push(line);
          line = word;
        } else line = candidate;
      }
      if (line) lines.push(line);
      return lines;
    });
  }

  /**
   * Replaces the canvas content with `graph`, nodes at the given positions (no layout runs; nodes
   * without a position are laid out around the others), and fits the view.
   */
  async setGraphAt(graph: GraphData, positions: Map<string, { x: number; y: number }>): Promise<void> {
    this.stopLayout();
    const elements = this.toElements(graph, new Set());
    const unplaced = elements.filter(
      (element) => element.group === 'nodes' && !positions.has(String(element.data.id)),
    );
    for (const element of elements) {
      const position = positions.get(String(element.data.id));
      if (element.group === 'nodes' && position) element.position = { ...position };
    }
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.setDetail(elements.length >= this.settings.largeGraphFrom);
      this.cy.add(elements);
      this.applyFilter();
    });
    this.contentChanged();
    if (unplaced.length > 0) await this.runLayout(this.currentLayout, { incremental: true });
    else {
      this.fit();
      this.layoutDone(this.currentLayout);
    }
  }

  /** Restyles the canvas for a new theme. */
  setTheme(theme: Partial<ThemeColors>): void {
    this.settings = validateSettings(
      resolveSettings({ ...this.settings, theme: { ...this.settings.theme, ...theme } }),
    );
    this.applyStyle();
    this.hoverTip.setTheme(this.settings.theme);
  }

  /** Call after the container changed size. */
  resize(): void {
    this.elementLayer.resize();
    this.cy.resize();
  }

  destroy(): void {
    this.cy.container()?.removeEventListener('mouseleave', this.pointerLeft);
    clearTimeout(this.viewportDeclutterTimer);
    clearTimeout(this.layerRestTimer);
    this.resizeObserver.disconnect();
    this.stopLayout();
    this.hoverTip.destroy();
    this.hitIndex.destroy();
    this.elementLayer.destroy();
    this.cy.destroy();
  }
}

/**
 * The direction of a node's k-th self-loop, in radians: the first points up and to the right
 * (cytoscape's default), each next one a golden angle on. Cytoscape nests loops of the same
 * direction, each a step bigger, so a hub's 44 loops spread over half the canvas; turned apart,
 * they stay one loop's size around their node.
 */
export function loopDirection(k: number): number {
  const degrees = (-45 + k * 137.508) % 360;
  return (degrees * Math.PI) / 180;
}
