// The explorer's behaviour: running queries, expanding nodes within a budget, hiding, pinning,
// undo/redo, and keeping the inspector, legend and status in step with the canvas.

import { ApiError, fetchNeighbors, fetchNode, runQuery } from '../api/client.ts';
import { parseExactJson } from '../api/exactJson.ts';
import type { ApiEdge, ApiNode, GraphData, NeighborCount, QueryResponse, Value } from '../api/types.ts';
import type { LayoutName } from '../graph/settings.ts';
import type { GraphView, ViewSnapshot } from '../graph/view.ts';
import type { Inspector } from '../panels/inspector.ts';
import { renderLegend } from '../panels/legend.ts';
import type { ResultPanel } from '../panels/results.ts';
import { byId, el, replaceChildren } from '../ui/dom.ts';
import { DrawPlan, type DrawProgress, type DrawStep } from './drawPlan.ts';
import { formatCount, nodeCaption } from './format.ts';
import { nextRun, remainingByType, type PagerOffsets } from './neighbourPaging.ts';
import type { QueryHistory } from './queryHistory.ts';
import { UndoStack } from './undoStack.ts';
import { pushUrlQuery } from './urlState.ts';

/** Most nodes an opened Lagebild JSON file draws. */
export const MAX_DRAWN_NODES = 2000;

/**
 * What a query draws at first, and how much each "Draw more" adds (the display cap); the Table and
 * JSON tabs hold the whole result.
 */
export const DISPLAY_CAP: DrawStep = { nodes: 1000, edges: 5000 };

const EVERYTHING: DrawStep = { nodes: Number.POSITIVE_INFINITY, edges: Number.POSITIVE_INFINITY };

/** Neighbours loaded per expansion step. */
export const EXPANSION_BUDGET = 25;

/** A step that meets neighbours loaded already skips them in a few requests, not without end. */
const MAX_REQUESTS_PER_STEP = 4;

/** How far a node's expansion has got. */
interface Expansion {
  /** How far its neighbours were paged through, as a whole and along single types. */
  offsets: PagerOffsets;
  counts: NeighborCount[];
}

/** How much of the last query's graph is drawn. */
interface Drawing {
  plan: DrawPlan;
  drawn: DrawProgress;
}

interface ExplorerState {
  view: ViewSnapshot;
  expansions: [string, Expansion][];
  drawing: Drawing | undefined;
}

export interface ExplorerParts {
  view: GraphView;
  inspector: Inspector;
  results: ResultPanel;
  history: QueryHistory;
  /** Called after a query ran (to refresh the history list, and the schema after a write). */
  onQueryRan: (result: QueryResponse) => void;
}

export class Explorer {
  private readonly undoStack = new UndoStack<ExplorerState>();
  private expansions = new Map<string, Expansion>();
  private hiddenLabels = new Set<string>();
  private hiddenTypes = new Set<string>();
  private readonly errorBox = byId('query-error');
  private readonly runStatus = byId('run-status');
  private readonly cancelButton = byId<HTMLButtonElement>('cancel-button');
  private running = 0;
  /** Aborts the request of the query running now (Cancel, or a new run). */
  private runAbort: AbortController | undefined;
  /** The last result had no graph, so the Table tab was opened for the user. */
  private switchedToTable = false;
  private lastQueryRan: { cypher: string; params: Record<string, Value> } | undefined;
  private drawing: Drawing | undefined;

  constructor(private readonly parts: ExplorerParts) {
    const { view } = parts;
    view.events.on('clickNode', ({ id }) => this.inspectSelection(id));
    view.events.on('clickEdge', ({ id }) => this.inspectSelection(id));
    view.events.on('clickStage', () => parts.inspector.clear());
    view.events.on('doubleClickNode', ({ id }) => void this.expand(id));
    view.events.on('selectionChange', ({ nodeIds, edgeIds }) => {
      if (nodeIds.length + edgeIds.length > 1) parts.inspector.showSelection(nodeIds, edgeIds);
    });
    view.events.on('contentChange', () => this.refreshLegend());
    this.refreshButtons();
  }

  private get view(): GraphView {
    return this.parts.view;
  }

  // ---- queries -------------------------------------------------------------------------------

  /**
   * Runs a query and draws its graph (the canvas is kept when the result has no nodes or the
   * query fails). `push` adds it to the address bar's history.
   */
  async run(
    cypher: string,
    paramsText: string,
    options: { push: boolean },
  ): Promise<QueryResponse | undefined> {
    let params: Record<string, Value>;
    try {
      const parsed = parseExactJson(paramsText.trim() || '{}');
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('they must be one JSON object, e.g. {"uid": "iran"}');
      params = parsed as Record<string, Value>;
    } catch (error) {
      this.showError(
        'InvalidParameters',
        `Parameters are not valid: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
    if (!cypher.trim()) {
      this.showError(
        'InvalidQuery',
        'The editor is empty: type a Cypher query, e.g. MATCH (n) RETURN n LIMIT 25.',
      );
      return undefined;
    }
    const ticket = ++this.running;
    this.runAbort?.abort();
    const abort = new AbortController();
    this.runAbort = abort;
    this.cancelButton.hidden = false;
    this.setBusy('Running…');
    try {
      const result = await runQuery(cypher, params, abort.signal);
      if (ticket !== this.running) return undefined;
      this.cancelButton.hidden = true;
      this.hideError();
      this.lastQueryRan = { cypher, params };
      this.parts.history.add(cypher, paramsText);
      this.parts.onQueryRan(result);
      if (options.push) pushUrlQuery({ cypher, params: paramsText });
      const whole = await this.completeGraph(result.graph);
      const names = new Map(whole.nodes.map((n) => [n.id, n.properties.name?.toString()]));
      this.parts.results.setResult(result, (id) => this.nodeName(id) ?? names.get(id));
      if (whole.nodes.length > 0) {
        this.record();
        this.expansions.clear();
        this.parts.inspector.clear();
        const plan = new DrawPlan(whole);
        const first = plan.next({ nodes: 0, edges: 0 }, DISPLAY_CAP);
        this.drawing = { plan, drawn: first.progress };
        this.showDrawing();
        await this.view.setGraph(first.graph);
        if (this.switchedToTable) this.parts.results.show('graph');
        this.switchedToTable = false;
      } else {
        // The canvas keeps what it showed, but "showing N of M" and its buttons belonged to the
        // query before, and the status line now speaks of this one.
        this.drawing = undefined;
        this.showDrawing();
        if (this.parts.results.tab === 'graph') {
          this.parts.results.show('table');
          this.switchedToTable = true;
        }
      }
      this.setBusy('');
      return result;
    } catch (error) {
      if (ticket !== this.running) return undefined;
      this.cancelButton.hidden = true;
      this.setBusy('');
      this.drawing = undefined;
      this.showDrawing();
      this.parts.results.setFailed();
      if (error instanceof ApiError) this.showError(error.code, error.message);
      else this.showError('Error', error instanceof Error ? error.message : String(error));
      return undefined;
    } finally {
      this.refreshButtons();
    }
  }

  /**
   * Stops waiting for the running query; its answer, when it comes, is dropped. The engine cannot
   * be interrupted from outside: the server ends the statement by its time limit, and a write may
   * still happen.
   */
  cancelRun(): void {
    if (this.cancelButton.hidden) return;
    this.running++;
    this.runAbort?.abort();
    this.runAbort = undefined;
    this.cancelButton.hidden = true;
    this.setBusy('');
    this.runStatus.textContent = 'Cancelled (the server ends it by its time limit).';
    this.refreshButtons();
  }

  /** Relationships whose end nodes the query did not return get those nodes fetched, so they can be drawn. */
  private async completeGraph(graph: GraphData): Promise<GraphData> {
    const have = new Set(graph.nodes.map((n) => n.id));
    const missing = [...new Set(graph.edges.flatMap((e) => [e.source, e.target]))].filter(
      (id) => !have.has(id),
    );
    const fetched = await Promise.all(
      missing.slice(0, 200).map((id) => fetchNode(id).catch(() => undefined)),
    );
    return {
      nodes: [...graph.nodes, ...fetched.filter((n): n is ApiNode => n !== undefined)],
      edges: graph.edges,
    };
  }

  /** Draws the next step of the last query's result (`all`: the whole rest); undoable. */
  async drawMore(options: { all?: boolean } = {}): Promise<void> {
    const drawing = this.drawing;
    if (!drawing || drawing.plan.done(drawing.drawn)) return;
    this.record();
    const step = drawing.plan.next(drawing.drawn, options.all ? EVERYTHING : DISPLAY_CAP);
    this.drawing = { plan: drawing.plan, drawn: step.progress };
    this.showDrawing();
    this.setBusy('Drawing…');
    try {
      await this.view.addGraph(step.graph, { fitIfFitted: true });
    } finally {
      this.setBusy('');
    }
  }

  /** "showing 1,000 of 3,312 nodes" with the buttons that draw more, or nothing when all are drawn. */
  private showDrawing(): void {
    const drawing = this.drawing;
    this.parts.results.setDrawing(
      drawing && !drawing.plan.done(drawing.drawn)
        ? {
            drawn: drawing.drawn,
            total: { nodes: drawing.plan.totalNodes, edges: drawing.plan.totalEdges },
            step: DISPLAY_CAP,
          }
        : undefined,
      (options) => void this.drawMore(options),
    );
  }

  private showError(code: string, message: string): void {
    replaceChildren(this.errorBox, [el('span', { class: 'error-code', text: code }), message]);
    this.errorBox.hidden = false;
  }

  private hideError(): void {
    this.errorBox.hidden = true;
    replaceChildren(this.errorBox, []);
  }

  private setBusy(text: string): void {
    this.runStatus.textContent = text;
    document.body.toggleAttribute('data-busy', text !== '');
  }

  // ---- expansion -----------------------------------------------------------------------------

  /** Loads the first page of a node's neighbours (the budget), or the next page when it was expanded. */
  async expand(id: string): Promise<void> {
    const known = this.expansions.get(id);
    if (known && this.remainingOf(known) === 0) {
      this.view.focus(id);
      return;
    }
    await this.loadPage(id);
  }

  /** Loads the next page of neighbours of an expanded node. */
  async loadMore(id: string): Promise<void> {
    await this.loadPage(id);
  }

  /** Loads the next page of a node's neighbours along one relationship type (either direction). */
  async expandType(id: string, type: string): Promise<void> {
    await this.loadPage(id, type);
  }

  /**
   * Loads up to the budget of neighbours not loaded yet, of every type or of one: in runs that
   * skip what the other pager loaded already (neighbourPaging.ts), so every one drawn is new.
   */
  private async loadPage(id: string, type?: string): Promise<void> {
    const previous = this.expansions.get(id);
    let counts = previous?.counts;
    let offsets: PagerOffsets = previous?.offsets ?? { all: 0, byType: {} };
    this.setBusy(type === undefined ? 'Expanding…' : `Expanding along ${type}…`);
    try {
      const nodes: ApiNode[] = [];
      const edges: ApiEdge[] = [];
      let budget = EXPANSION_BUDGET;
      for (let request = 0; budget > 0 && request < MAX_REQUESTS_PER_STEP; request++) {
        const from = type === undefined ? offsets.all : (offsets.byType[type] ?? 0);
        const run = counts ? nextRun(counts, offsets, type) : { offset: from, length: budget };
        if (!run) break;
        const limit = Math.min(budget, run.length);
        const page = await fetchNeighbors(id, {
          limit,
          offset: run.offset,
          ...(type === undefined ? {} : { types: [type] }),
        });
        counts = page.counts;
        const reached = run.offset + page.returned;
        offsets =
          type === undefined
            ? { ...offsets, all: reached }
            : { ...offsets, byType: { ...offsets.byType, [type]: reached } };
        nodes.push(...page.nodes);
        edges.push(...page.edges);
        budget -= page.returned;
        // Fewer than asked: the listing ended (or changed under a write).
        if (page.returned < limit) break;
      }
      this.record();
      const expansion: Expansion = { offsets, counts: counts ?? [] };
      this.expansions.set(id, expansion);
      // Badge and selection first: on a big canvas each separate change costs a redraw.
      this.view.setBadge(id, this.badgeFor(expansion));
      this.view.select([id]);
      await this.view.addGraph({ nodes, edges }, { anchor: id });
      this.inspectSelection(id);
    } catch (error) {
      this.showError(
        error instanceof ApiError ? error.code : 'Error',
        error instanceof Error ? error.message : String(error),
      );
    } finally {
      this.setBusy('');
      this.refreshButtons();
    }
  }

  private remainingOf(expansion: Expansion): number {
    return remainingByType(expansion.counts, expansion.offsets).reduce((sum, r) => sum + r.count, 0);
  }

  /**
   * "+7 more: MENTIONS 5, ABOUT 2" under a node that has neighbours not loaded; with more types
   * "+430,564 more", which stays one line under a hub (the inspector lists the types).
   */
  private badgeFor(expansion: Expansion): string | undefined {
    const byType = remainingByType(expansion.counts, expansion.offsets);
    const remaining = byType.reduce((sum, r) => sum + r.count, 0);
    if (remaining <= 0) return undefined;
    if (byType.length > 2) return `+${formatCount(remaining)} more`;
    return `+${formatCount(remaining)} more: ${byType.map((r) => `${r.type} ${formatCount(r.count)}`).join(', ')}`;
  }

  // ---- canvas steps --------------------------------------------------------------------------

  private snapshot(): ExplorerState {
    return {
      view: this.view.snapshot(),
      expansions: [...this.expansions].map(([id, e]) => [id, { ...e }]),
      // Drawing states are replaced, never changed, so undo can keep the same object.
      drawing: this.drawing,
    };
  }

  /** Remembers the state before a step, for undo. */
  private record(): void {
    this.undoStack.record(this.snapshot());
    this.refreshButtons();
  }

  private apply(state: ExplorerState): void {
    this.view.restore(state.view);
    this.expansions = new Map(state.expansions);
    this.drawing = state.drawing;
    this.showDrawing();
    this.inspectRestoredSelection();
    this.refreshButtons();
  }

  /** The inspector shows what the restored canvas has selected, as after a click. */
  private inspectRestoredSelection(): void {
    const nodeIds = this.view.selectedNodeIds();
    const edgeIds = this.view.selectedEdgeIds();
    if (nodeIds.length + edgeIds.length > 1) this.parts.inspector.showSelection(nodeIds, edgeIds);
    else if (nodeIds.length + edgeIds.length === 1) this.inspectSelection([...nodeIds, ...edgeIds][0]!);
    else this.parts.inspector.clear();
  }

  undo(): void {
    const state = this.undoStack.undo(this.snapshot());
    if (state) this.apply(state);
  }

  redo(): void {
    const state = this.undoStack.redo(this.snapshot());
    if (state) this.apply(state);
  }

  private selection(): string[] {
    return [...this.view.selectedNodeIds(), ...this.view.selectedEdgeIds()];
  }

  hide(ids: string[] = this.selection()): void {
    if (ids.length === 0) return;
    this.record();
    this.view.hide(ids);
    this.parts.inspector.clear();
  }

  showHidden(): void {
    this.record();
    this.view.showHidden();
  }

  togglePin(ids: string[] = this.view.selectedNodeIds()): void {
    if (ids.length === 0) return;
    this.record();
    const pin = !ids.every((id) => this.view.isPinned(id));
    this.view.setPinned(ids, pin);
    if (ids.length === 1) this.inspectSelection(ids[0]!);
  }

  keepOnly(ids: string[] = this.selection()): void {
    if (ids.length === 0) return;
    this.record();
    this.view.keepOnly(ids);
  }

  async expandSelection(): Promise<void> {
    for (const id of this.view.selectedNodeIds()) await this.expand(id);
  }

  async loadMoreSelection(): Promise<void> {
    const [id] = this.view.selectedNodeIds();
    if (id) await this.loadMore(id);
  }

  async layout(name: LayoutName): Promise<void> {
    await this.view.runLayout(name, { incremental: false });
  }

  /** Adds a node (from search or a link) with its relationships to nodes already shown, and centres it. */
  async addAndFocus(node: ApiNode): Promise<void> {
    if (!this.view.has(node.id)) {
      this.record();
      let graph: GraphData = { nodes: [node], edges: [] };
      try {
        const around = await fetchNeighbors(node.id, { limit: 200 });
        // Its relationships to what is drawn, and to itself (a loop).
        const drawn = (id: string) => id === node.id || this.view.has(id);
        graph = { nodes: [node], edges: around.edges.filter((e) => drawn(e.source) && drawn(e.target)) };
      } catch {
        // The node alone is still worth showing.
      }
      await this.view.addGraph(graph, {});
    }
    this.view.focus(node.id);
    this.inspectSelection(node.id);
  }

  /** Shows the Article node a relationship's `article` property names. */
  async showArticle(uid: string): Promise<void> {
    try {
      const result = await runQuery('MATCH (a:Article {uid: $uid}) RETURN a', { uid });
      const node = result.graph.nodes[0];
      if (!node) this.showError('NotFound', `No Article has the uid "${uid}".`);
      else await this.addAndFocus(node);
    } catch (error) {
      this.showError(
        error instanceof ApiError ? error.code : 'Error',
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  setFilter(filter: { hiddenLabels: Set<string>; hiddenTypes: Set<string> }): void {
    this.hiddenLabels = filter.hiddenLabels;
    this.hiddenTypes = filter.hiddenTypes;
    this.view.setFilter(filter);
  }

  /** The last query that ran without error (for exporting its whole result), if any. */
  get lastQuery(): { cypher: string; params: Record<string, Value> } | undefined {
    return this.lastQueryRan;
  }

  /**
   * Replaces the canvas with `graph`, nodes where `positions` puts them (an opened file), and says
   * where it came from in the status line; undoable.
   */
  async showPlaced(
    graph: GraphData,
    positions: Map<string, { x: number; y: number }>,
    options: { source: string },
  ): Promise<void> {
    this.record();
    this.expansions.clear();
    this.drawing = undefined;
    this.showDrawing();
    this.parts.inspector.clear();
    await this.view.setGraphAt(graph, positions);
    this.parts.results.show('graph');
    this.parts.results.setNote(
      `${options.source}: ${graph.nodes.length} nodes, ${graph.edges.length} relationships, as saved (Table and JSON show the last query)`,
    );
    this.refreshButtons();
  }

  // ---- panels --------------------------------------------------------------------------------

  nodeName(id: string): string | undefined {
    const node = this.view.node(id);
    return node ? nodeCaption(node) : undefined;
  }

  private inspectSelection(id: string): void {
    const node = this.view.node(id);
    if (node) {
      const expansion = this.expansions.get(id);
      const byType = expansion ? remainingByType(expansion.counts, expansion.offsets) : [];
      const remaining = byType.reduce((sum, r) => sum + r.count, 0);
      this.parts.inspector.showNode(
        node,
        {
          pinned: this.view.isPinned(id),
          ...(remaining > 0
            ? { remaining: { total: remaining, nextPage: Math.min(remaining, EXPANSION_BUDGET), byType } }
            : {}),
        },
        fetchNeighbors(id, { limit: 1 }).then((page) => page.counts),
      );
      return;
    }
    const edge = this.view.edge(id);
    if (edge) this.parts.inspector.showEdge(edge);
  }

  private refreshLegend(): void {
    const labels = new Map<string, number>();
    const types = new Map<string, number>();
    for (const node of this.view.nodes())
      for (const label of node.labels) labels.set(label, (labels.get(label) ?? 0) + 1);
    for (const edge of this.view.edges()) types.set(edge.type, (types.get(edge.type) ?? 0) + 1);
    renderLegend(
      byId('legend-labels'),
      byId('legend-types'),
      { labels, types, hiddenLabels: this.hiddenLabels, hiddenTypes: this.hiddenTypes },
      (filter) => this.setFilter(filter),
    );
    byId('legend-types-summary').textContent = `Relationship types (${types.size})`;
    const summary = this.view.summary();
    byId('canvas-hint').textContent =
      `${formatCount(summary.visibleNodes)} of ${formatCount(summary.nodes)} nodes, ${formatCount(summary.visibleEdges)} of ${formatCount(summary.edges)} relationships visible · ` +
      'double-click a node to expand · Shift+drag to box-select';
  }

  private refreshButtons(): void {
    const set = (action: string, enabled: boolean) => {
      const button = document.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
      if (button) button.disabled = !enabled;
    };
    set('undo', this.undoStack.canUndo);
    set('redo', this.undoStack.canRedo);
  }

  /** What tests and the console may read: the canvas content as the user sees it. */
  debugState(): Record<string, unknown> {
    const hiddenCaptions = new Set(this.view.hiddenCaptionIds());
    return {
      summary: this.view.summary(),
      nodes: this.view.nodes().map((n) => ({
        id: n.id,
        name: nodeCaption(n),
        labels: n.labels,
        visible: this.view.isVisible(n.id),
        captionShown: !hiddenCaptions.has(n.id),
        badge: this.view.badgeOf(n.id),
      })),
      edges: this.view.edges().map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target })),
      busy: this.view.busy || document.body.hasAttribute('data-busy'),
      canUndo: this.undoStack.canUndo,
      canRedo: this.undoStack.canRedo,
    };
  }
}
