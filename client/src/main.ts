// Starts the explorer: builds the panels, wires them to the canvas and the API, and shows the
// article's whole graph (or the query in the address bar).

import { fetchSavedQueries, fetchSchema, onUnavailable, runQuery } from './api/client.ts';
import type { SavedQuery, SchemaResponse } from './api/types.ts';
import { ConnectionWatch, fetchHealthState } from './app/connectionWatch.ts';
import { Explorer } from './app/explorer.ts';
import { cypherName } from './app/format.ts';
import { graphOfLagebildFile } from './app/openLagebildFile.ts';
import { QueryHistory } from './app/queryHistory.ts';
import { installShortcuts } from './app/shortcuts.ts';
import { readUrlQuery, type UrlQuery } from './app/urlState.ts';
import { schemaNames, type SchemaNames } from './editor/completion.ts';
import { CypherEditor } from './editor/cypherEditor.ts';
import { QUIET_TYPES } from './graph/palette.ts';
import { LAYOUTS, type LayoutName } from './graph/settings.ts';
import { GraphView } from './graph/view.ts';
import { installDropImport } from './panels/dropImport.ts';
import { ExportMenu } from './panels/exportMenu.ts';
import { HelpOverlay } from './panels/help.ts';
import { Inspector } from './panels/inspector.ts';
import { ResultPanel } from './panels/results.ts';
import { renderSavedQueries } from './panels/savedQueries.ts';
import { SchemaView } from './panels/schemaView.ts';
import { SearchBox } from './panels/search.ts';
import { byId, el, replaceChildren } from './ui/dom.ts';
import { makeSplitter } from './ui/splitter.ts';
import { canvasTheme, watchTheme } from './ui/theme.ts';

/** The article the first graph was built from; its title and date head the page. */
const ARTICLE_UID = 'article-2024-11-18-nordkorea-russland';
/** The saved query shown first. */
const FIRST_QUERY_ID = '00-der-ganze-artikel';
const FALLBACK_FIRST_QUERY = 'MATCH (a)-[r]->(b)\nRETURN a, r, b';
/**
 * A database with more relationships than this (not the article's, a big one) first shows only
 * a sample of the whole-graph query, so the first view stays fast; the LIMIT is in the editor.
 */
const WHOLE_GRAPH_FIRST_UP_TO = 5000;
const FIRST_VIEW_SAMPLE = 300;

const paramsInput = byId<HTMLTextAreaElement>('params');
let names: SchemaNames = { labels: [], types: [], properties: [] };
const history = new QueryHistory();

const view = new GraphView(byId('canvas'), { quietTypes: QUIET_TYPES, theme: canvasTheme() });
const results = new ResultPanel((tab) => {
  if (tab === 'graph') view.resize();
});
const help = new HelpOverlay();

// The inspector's actions go to the explorer, created right after it (they run only on clicks).
const inspector = new Inspector(byId('inspector'), {
  expand: (id) => void explorer.expand(id),
  loadMore: (id) => void explorer.loadMore(id),
  expandType: (id, type) => void explorer.expandType(id, type),
  togglePin: (id) => explorer.togglePin([id]),
  hide: (ids) => explorer.hide(ids),
  keepOnly: (ids) => explorer.keepOnly(ids),
  focus: (id) => view.focus(id),
  showArticle: (uid) => void explorer.showArticle(uid),
  nodeName: (id) => explorer.nodeName(id),
});

const editor = new CypherEditor({
  parent: byId('editor'),
  onRun: () => runFromEditor(),
  onHistory: (step) => {
    const entry = history.step(step);
    if (entry) paramsInput.value = entry.params;
    return entry?.cypher;
  },
  names: () => names,
});

const explorer: Explorer = new Explorer({
  view,
  inspector,
  results,
  history,
  onQueryRan: (result) => {
    renderHistoryList();
    // The schema panel's counts and the editor's completion follow what a write changed.
    if (result.summary.wrote) void loadSchema();
  },
});

function runFromEditor(): void {
  void explorer.run(editor.text, paramsInput.value, { push: true });
}

/** Puts a query into the editor and the params panel and runs it. */
function runQuery_(query: UrlQuery, options: { push: boolean }): void {
  editor.text = query.cypher;
  paramsInput.value = query.params;
  void explorer.run(query.cypher, query.params, options);
}

// ---- editor drawers ---------------------------------------------------------------------------

function toggleDrawer(buttonId: string, drawerId: string): void {
  const drawer = byId(drawerId);
  drawer.hidden = !drawer.hidden;
  byId(buttonId).setAttribute('aria-expanded', String(!drawer.hidden));
}
byId('run-button').addEventListener('click', runFromEditor);
byId('cancel-button').addEventListener('click', () => explorer.cancelRun());
byId('params-button').addEventListener('click', () => toggleDrawer('params-button', 'params-panel'));
byId('history-button').addEventListener('click', () => toggleDrawer('history-button', 'history-list'));

function renderHistoryList(): void {
  const entries = history.list();
  replaceChildren(
    byId('history-list'),
    entries.length === 0
      ? [el('li', { class: 'muted', text: 'Queries you run appear here.' })]
      : entries.map((entry) =>
          el('li', {}, [
            el(
              'button',
              {
                title: 'Put into the editor',
                on: {
                  click: () => {
                    editor.text = entry.cypher;
                    paramsInput.value = entry.params;
                    editor.focus();
                  },
                },
              },
              [el('code', { text: entry.cypher.replace(/\s+/g, ' ') })],
            ),
          ]),
        ),
  );
}
renderHistoryList();

// ---- canvas toolbar ---------------------------------------------------------------------------

const toolbarActions: Record<string, () => void> = {
  fit: () => view.fit(),
  zoomIn: () => view.zoomBy(1.25),
  zoomOut: () => view.zoomBy(0.8),
  expand: () => void explorer.expandSelection(),
  hide: () => explorer.hide(),
  showHidden: () => explorer.showHidden(),
  pin: () => explorer.togglePin(),
  keepOnly: () => explorer.keepOnly(),
  undo: () => explorer.undo(),
  redo: () => explorer.redo(),
};
document.querySelectorAll<HTMLButtonElement>('.canvas-toolbar [data-action]').forEach((button) => {
  button.addEventListener('click', () => toolbarActions[button.dataset.action!]?.());
});
const layoutSelect = byId<HTMLSelectElement>('layout-select');
layoutSelect.addEventListener('change', () => {
  const name = layoutSelect.value as LayoutName;
  if (LAYOUTS.includes(name)) void explorer.layout(name);
});

// ---- export menu and drag-and-drop import ---------------------------------------------------

const exportMenu = new ExportMenu(byId<HTMLButtonElement>('export-button'), byId('graph-pane'), {
  placedElements: (options) => view.placedElements(options),
  selectedNodeIds: () => view.selectedNodeIds(),
  lastQuery: () => explorer.lastQuery,
  knownNames: () => names,
  png: () => view.png(),
  svg: (title) => view.svg(title),
});
view.events.on('selectionChange', () => exportMenu.refresh());
installDropImport({
  target: byId('graph-pane'),
  onLagebildJson: async (document, fileName) => {
    const { graph, positions, omittedNodes } = await graphOfLagebildFile(document);
    const source = omittedNodes > 0 ? `${fileName} (the first ${graph.nodes.length} nodes drawn)` : fileName;
    if (graph.nodes.length > 0) await explorer.showPlaced(graph, positions, { source });
  },
});

// ---- side panel, search, header -------------------------------------------------------------

const schemaView = new SchemaView(byId('schema-graph'), byId('schema-labels'), (label) =>
  runQuery_({ cypher: `MATCH (n:${cypherName(label)})\nRETURN n\nLIMIT 25`, params: '{}' }, { push: true }),
);
new SearchBox(
  byId<HTMLInputElement>('search'),
  byId<HTMLUListElement>('search-suggestions'),
  (node) => void explorer.addAndFocus(node),
);

async function loadHeader(): Promise<void> {
  try {
    const result = await runQuery('MATCH (a:Article {uid: $uid}) RETURN a.title AS title, a.date AS date', {
      uid: ARTICLE_UID,
    });
    const [title, date] = result.rows[0] ?? [];
    if (typeof title === 'string') byId('article-title').textContent = title;
    const day = typeof date === 'object' && date && 'value' in date ? String(date.value) : undefined;
    if (day)
      byId('article-date').textContent = new Date(`${day}T00:00:00Z`).toLocaleDateString('de-DE', {
        dateStyle: 'long',
        timeZone: 'UTC',
      });
  } catch {
    // Another database without the article: the header keeps its neutral title.
  }
}

/** Shows the schema in the side panel (fetched anew unless `fetched` is given). */
async function loadSchema(
  fetched: Promise<SchemaResponse> = fetchSchema(),
): Promise<SchemaResponse | undefined> {
  try {
    const schema = await fetched;
    names = schemaNames(schema);
    await schemaView.show(schema, canvasTheme());
    return schema;
  } catch (error) {
    replaceChildren(byId('schema-labels'), [
      el('li', { class: 'error', text: error instanceof Error ? error.message : String(error) }),
    ]);
    return undefined;
  }
}

async function loadSavedQueries(): Promise<SavedQuery[]> {
  try {
    const queries = await fetchSavedQueries();
    renderSavedQueries(byId('saved-queries'), queries, (query) =>
      runQuery_({ cypher: query.cypher, params: JSON.stringify(query.params ?? {}) }, { push: true }),
    );
    return queries;
  } catch (error) {
    replaceChildren(byId('saved-queries'), [
      el('li', { class: 'error', text: error instanceof Error ? error.message : String(error) }),
    ]);
    return [];
  }
}

// ---- layout, theme, shortcuts, history ------------------------------------------------------

const resized = () => {
  view.resize();
  schemaView.resize();
};
makeSplitter({
  handle: byId('split-sidebar'),
  variable: '--sidebar-width',
  axis: 'x',
  direction: 1,
  min: 160,
  max: 520,
  onResize: resized,
});
makeSplitter({
  handle: byId('split-inspector'),
  variable: '--inspector-width',
  axis: 'x',
  direction: -1,
  min: 200,
  max: 640,
  onResize: resized,
});
makeSplitter({
  handle: byId('split-editor'),
  variable: '--editor-height',
  axis: 'y',
  direction: 1,
  min: 40,
  max: 480,
  onResize: resized,
});
window.addEventListener('resize', resized);
watchTheme((theme) => {
  view.setTheme(theme);
  schemaView.setTheme(theme);
});

installShortcuts({
  run: runFromEditor,
  undo: () => explorer.undo(),
  redo: () => explorer.redo(),
  hide: () => explorer.hide(),
  showHidden: () => explorer.showHidden(),
  expand: () => void explorer.expandSelection(),
  loadMore: () => void explorer.loadMoreSelection(),
  pin: () => explorer.togglePin(),
  keepOnly: () => explorer.keepOnly(),
  fit: () => view.fit(),
  zoom: (factor) => view.zoomBy(factor),
  relayout: () => void explorer.layout(view.layout),
  focusSearch: () => byId<HTMLInputElement>('search').focus(),
  toggleHelp: () => (help.isOpen ? help.close() : help.open()),
  escape: () => {
    if (help.isOpen) help.close();
    else view.select([]);
  },
});
byId('help-button').addEventListener('click', () => help.open());

/** What the page shows without a query in the address (set once the saved queries are known). */
let firstQuery: UrlQuery = { cypher: FALLBACK_FIRST_QUERY, params: '{}' };

window.addEventListener('popstate', () => {
  runQuery_(readUrlQuery() ?? firstQuery, { push: false });
});

/** For tests and the console: the canvas as the user sees it. */
(window as unknown as { __lagebild: unknown }).__lagebild = {
  state: () => explorer.debugState(),
  /** Cheap to poll on a big canvas: counts, whether a layout runs, the level of detail. */
  summary: () => ({
    ...view.summary(),
    busy: view.busy || document.body.hasAttribute('data-busy'),
    large: view.largeGraph,
    webgl: view.webgl,
    forceLayouts: view.forceLayouts,
  }),
  position: (id: string) => view.renderedPosition(id),
  size: (id: string) => view.renderedSize(id),
  viewport: () => view.viewport(),
  select: (ids: string[]) => view.select(ids),
  selection: () => ({ nodeIds: view.selectedNodeIds(), edgeIds: view.selectedEdgeIds() }),
  expand: (id: string) => explorer.expand(id),
  focus: (id: string) => view.focus(id),
  captionBoxes: () => view.captionBoxes(),
  hoverText: () => view.hoverText,
};

// ---- the database going away and coming back -------------------------------------------------

const connection = new ConnectionWatch({
  banner: byId('connection-banner'),
  checkHealth: fetchHealthState,
  onRecovered: () => {
    // What failed while the database was away is loaded again; the canvas keeps what it shows.
    void loadSchema();
    void loadHeader();
    const errorCode = document.querySelector('#query-error:not([hidden]) .error-code')?.textContent;
    if (errorCode === 'Unavailable') byId('query-error').hidden = true;
  },
});
onUnavailable((error) => connection.reportUnavailable(error.message, { serverDown: error.status === 0 }));
connection.start();

async function start(): Promise<void> {
  // The header and the schema load alongside; the first graph waits only for the saved queries.
  void loadHeader();
  // The first view needs only the schema's counts, not the side panel's drawing of it.
  const fetchedSchema = fetchSchema();
  void loadSchema(fetchedSchema);
  const schema = fetchedSchema.catch(() => undefined);
  const queries = await loadSavedQueries();
  const first = queries.find((q) => q.id === FIRST_QUERY_ID);
  if (first) firstQuery = { cypher: first.cypher, params: '{}' };
  const fromUrl = readUrlQuery();
  const relationships = (await schema)?.relationshipTypes.reduce((sum, t) => sum + t.count, 0) ?? 0;
  if (!fromUrl && relationships > WHOLE_GRAPH_FIRST_UP_TO)
    firstQuery = { ...firstQuery, cypher: `${firstQuery.cypher.trimEnd()}\nLIMIT ${FIRST_VIEW_SAMPLE}` };
  runQuery_(fromUrl ?? firstQuery, { push: false });
}
void start();
