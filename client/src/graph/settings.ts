// Settings of the graph view in three steps, as sigma.js does: DEFAULT_SETTINGS, then
// resolveSettings (defaults + what the caller gave), then validateSettings (refuse nonsense early).

/** Layouts the view can run. */
export const LAYOUTS = ['fcose', 'concentric', 'breadthfirst', 'grid'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** Colours the canvas needs from the page theme. */
export interface ThemeColors {
  background: string;
  text: string;
  textOutline: string;
  edge: string;
  quietEdge: string;
  selection: string;
}

export interface GraphViewSettings {
  /** Layout run for a new graph. */
  layout: LayoutName;
  /** Animate layouts of small graphs (up to `animateUpTo` nodes). */
  animateUpTo: number;
  minZoom: number;
  maxZoom: number;
  /** Fitting a small graph zooms in at most this far. */
  maxFitZoom: number;
  /** Node caption size in model units. */
  nodeFontSize: number;
  edgeFontSize: number;
  /** Hide captions that would overlap others (most connected nodes keep theirs). */
  declutterLabels: boolean;
  /** Relationship types drawn faintly and without caption. */
  quietTypes: readonly string[];
  /**
   * From this many visible nodes and relationships on, the canvas draws with less detail (straight
   * edges, captions only when zoomed in) and pans and zooms a picture of itself.
   */
  largeGraphFrom: number;
  /**
   * From this many visible nodes and relationships on, the default layout is a force layout in a
   * Web Worker instead of fcose on the page's main thread.
   */
  workerLayoutFrom: number;
  /** 'auto' draws with WebGL when the browser has a hardware GPU and with the 2D canvas otherwise. */
  renderer: RendererChoice;
  theme: ThemeColors;
}

export const RENDERERS = ['auto', 'canvas', 'webgl'] as const;
export type RendererChoice = (typeof RENDERERS)[number];

export const DEFAULT_SETTINGS: GraphViewSettings = {
  layout: 'fcose',
  animateUpTo: 300,
  minZoom: 0.05,
  maxZoom: 4,
  maxFitZoom: 1.4,
  nodeFontSize: 11,
  edgeFontSize: 8,
  declutterLabels: true,
  quietTypes: [],
  largeGraphFrom: 2000,
  workerLayoutFrom: 1000,
  renderer: 'auto',
  theme: {
    background: '#ffffff',
    text: '#1e293b',
    textOutline: '#ffffff',
    edge: '#94a3b8',
    quietEdge: '#cbd5e1',
    selection: '#f59e0b',
  },
};

/** What a caller may pass: any setting, and any part of the theme. */
export type GraphViewSettingsInput = Partial<Omit<GraphViewSettings, 'theme'>> & {
  theme?: Partial<ThemeColors>;
};

/** Defaults overlaid with the caller's settings. */
export function resolveSettings(partial: GraphViewSettingsInput = {}): GraphViewSettings {
  return { ...DEFAULT_SETTINGS, ...partial, theme: { ...DEFAULT_SETTINGS.theme, ...partial.theme } };
}

/** Throws a message naming the bad setting and what would be valid. */
export function validateSettings(settings: GraphViewSettings): GraphViewSettings {
  if (!LAYOUTS.includes(settings.layout))
    throw new Error(`GraphView: layout "${settings.layout}" is unknown; use one of ${LAYOUTS.join(', ')}.`);
  if (!(settings.minZoom > 0 && settings.minZoom < settings.maxZoom))
    throw new Error('GraphView: minZoom must be above 0 and below maxZoom.');
  if (!RENDERERS.includes(settings.renderer))
    throw new Error(
      `GraphView: renderer "${settings.renderer}" is unknown; use one of ${RENDERERS.join(', ')}.`,
    );
  for (const key of [
    'nodeFontSize',
    'edgeFontSize',
    'animateUpTo',
    'maxFitZoom',
    'largeGraphFrom',
    'workerLayoutFrom',
  ] as const) {
    if (!Number.isFinite(settings[key]) || settings[key] < 0)
      throw new Error(`GraphView: ${key} must be a number of at least 0.`);
  }
  return settings;
}
