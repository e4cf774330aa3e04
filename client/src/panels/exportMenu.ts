// The Export menu of the canvas toolbar: pick a format and a scope (canvas, selection, the last
// query's whole result, the neighbourhood of the selection, every node of some labels or the whole
// graph), then download with a progress bar and Cancel (server formats) or save a picture drawn in
// the browser (PNG, SVG).

import type { Value } from '../api/types.ts';
import {
  EXPORT_FORMATS,
  elementsRequest,
  fetchExport,
  labelsRequest,
  localFileName,
  neighbourhoodRequest,
  queryRequest,
  saveBlob,
  type ExportFormatName,
  type ExportRequest,
} from '../export/exportClient.ts';
import type { PlacedElements } from '../graph/view.ts';
import { el } from '../ui/dom.ts';

/** Where the menu gets what it exports. */
export interface ExportSources {
  placedElements(options: { selectionOnly: boolean }): PlacedElements;
  selectedNodeIds(): string[];
  lastQuery(): { cypher: string; params: Record<string, Value> } | undefined;
  /** The database's label and relationship type names (GET /api/schema), empty until it has loaded. */
  knownNames(): { labels: string[]; types: string[] };
  png(): Promise<Blob>;
  svg(title: string): string;
}

type PictureFormat = 'png' | 'svg';
type MenuFormat = ExportFormatName | PictureFormat;
type ScopeName = 'canvas' | 'selection' | 'query' | 'neighbourhood' | 'labels';

const PICTURE_FORMATS: { format: PictureFormat; label: string; opensIn: string }[] = [
  { format: 'png', label: 'PNG picture', opensIn: 'any image viewer, slides (what the canvas shows)' },
  { format: 'svg', label: 'SVG picture', opensIn: 'browsers, Inkscape, Illustrator (what the canvas shows)' },
];

const SCOPES: { scope: ScopeName; label: string }[] = [
  { scope: 'canvas', label: 'Everything visible on the canvas' },
  { scope: 'selection', label: 'The selection' },
  { scope: 'query', label: 'The last query’s whole result (on the server)' },
  { scope: 'neighbourhood', label: 'Neighbourhood of the selection (on the server)' },
  { scope: 'labels', label: 'The whole graph, or only some labels (on the server)' },
];

/** "1.2 MB", "830 KB", "120 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} bytes`;
}

/** Label or relationship type names typed as "A, B c" → ["A", "B", "c"]. */
export function parseTypeList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((type) => type.trim())
    .filter((type) => type !== '');
}

/**
 * What a name list input can become with one more known name: "Country, P" → "Country, Person",
 * "Country, Place", … (names already in the list left out), for the input's datalist, which
 * matches whole values.
 */
export function suggestionsFor(text: string, names: string[]): string[] {
  const prefix = /^(.*[\s,;])?/.exec(text)![0];
  const taken = new Set(parseTypeList(prefix));
  return names.filter((name) => !taken.has(name)).map((name) => prefix + name);
}

/**
 * A text input for a list of names with a datalist of the known names, refreshed as the user
 * types so that each further name is offered too.
 */
function nameListInput(
  id: string,
  placeholder: string,
  names: () => string[],
): [HTMLInputElement, HTMLDataListElement] {
  const list = el('datalist', { attrs: { id: `${id}-names` } });
  const offer = () =>
    list.replaceChildren(
      ...suggestionsFor(input.value, names()).map((value) => el('option', { attrs: { value } })),
    );
  const input = el('input', {
    attrs: { id, type: 'text', placeholder, list: list.id, autocomplete: 'off', spellcheck: 'false' },
    on: { focus: offer, input: offer },
  });
  return [input, list];
}

function isPicture(format: MenuFormat): format is PictureFormat {
  return format === 'png' || format === 'svg';
}

/** The menu: a toolbar button and a panel under it. */
export class ExportMenu {
  private readonly panel: HTMLElement;
  private readonly formatSelect: HTMLSelectElement;
  private readonly opensIn: HTMLElement;
  private readonly scopeFieldset: HTMLFieldSetElement;
  private readonly neighbourhoodFields: HTMLElement;
  private readonly labelsFields: HTMLElement;
  private readonly labelsInput: HTMLInputElement;
  private readonly labelTypesInput: HTMLInputElement;
  private readonly depthInput: HTMLInputElement;
  private readonly typesInput: HTMLInputElement;
  private readonly exportButton: HTMLButtonElement;
  private readonly progressRow: HTMLElement;
  private readonly progressBar: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private readonly status: HTMLElement;
  private running: AbortController | undefined;

  constructor(
    private readonly button: HTMLButtonElement,
    host: HTMLElement,
    private readonly sources: ExportSources,
  ) {
    this.formatSelect = el(
      'select',
      { attrs: { id: 'export-format', name: 'format' }, on: { change: () => this.refresh() } },
      [...EXPORT_FORMATS, ...PICTURE_FORMATS].map((f) =>
        el('option', { text: f.label, attrs: { value: f.format } }),
      ),
    );
    this.opensIn = el('p', { class: 'hint', attrs: { id: 'export-opens-in' } });
    this.scopeFieldset = el('fieldset', { class: 'export-scopes' }, [
      el('legend', { text: 'What' }),
      ...SCOPES.map(({ scope, label }, index) =>
        el('label', {}, [
          el('input', {
            attrs: {
              type: 'radio',
              name: 'export-scope',
              value: scope,
              ...(index === 0 ? { checked: '' } : {}),
            },
            on: { change: () => this.refresh() },
          }),
          label,
        ]),
      ),
    ]);
    this.depthInput = el('input', {
      attrs: { id: 'export-depth', type: 'number', min: '0', max: '10', step: '1', value: '1' },
    });
    const known = () => this.sources.knownNames();
    const [typesInput, typesList] = nameListInput(
      'export-types',
      'all types, or e.g. SUPPORTS, SUPPLIES',
      () => known().types,
    );
    this.typesInput = typesInput;
    this.neighbourhoodFields = el('div', { class: 'export-fields' }, [
      el('label', { attrs: { for: 'export-depth' }, text: 'Depth (hops, 0–10)' }),
      this.depthInput,
      el('label', { attrs: { for: 'export-types' }, text: 'Only these relationship types' }),
      this.typesInput,
      typesList,
    ]);
    const [labelsInput, labelsList] = nameListInput(
      'export-labels',
      'all labels, or e.g. Country, Person',
      () => known().labels,
    );
    const [labelTypesInput, labelTypesList] = nameListInput(
      'export-label-types',
      'all types, or e.g. SUPPORTS, SUPPLIES',
      () => known().types,
    );
    this.labelsInput = labelsInput;
    this.labelTypesInput = labelTypesInput;
    this.labelsFields = el('div', { class: 'export-fields' }, [
      el('label', { attrs: { for: 'export-labels' }, text: 'Only these labels' }),
      this.labelsInput,
      labelsList,
      el('label', { attrs: { for: 'export-label-types' }, text: 'Only these relationship types' }),
      this.labelTypesInput,
      labelTypesList,
      el('p', {
        class: 'hint',
        text: 'Every node of these labels and the relationships among them. Leave both empty for the whole graph.',
      }),
    ]);
    this.exportButton = el('button', {
      class: 'primary',
      text: 'Export',
      attrs: { id: 'export-start', type: 'submit' },
    });
    this.progressBar = el('progress', { attrs: { id: 'export-progress', 'aria-label': 'Export progress' } });
    this.progressText = el('span', { class: 'muted', attrs: { id: 'export-progress-text' } });
    this.progressRow = el('div', { class: 'export-progress' }, [
      this.progressBar,
      this.progressText,
      el('button', {
        text: 'Cancel',
        attrs: { id: 'export-cancel', type: 'button' },
        on: { click: () => this.cancel() },
      }),
    ]);
    this.progressRow.hidden = true;
    this.status = el('p', {
      class: 'export-status',
      attrs: { id: 'export-status', role: 'status', 'aria-live': 'polite' },
    });
    this.panel = el(
      'form',
      {
        class: 'export-menu',
        attrs: { id: 'export-menu', 'aria-label': 'Export' },
        on: {
          submit: (event) => {
            event.preventDefault();
            void this.start();
          },
          keydown: (event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            this.close();
            this.button.focus();
          },
        },
      },
      [
        el('label', { attrs: { for: 'export-format' }, text: 'Format' }),
        this.formatSelect,
        this.opensIn,
        this.scopeFieldset,
        this.neighbourhoodFields,
        this.labelsFields,
        el('div', { class: 'export-actions' }, [
          this.exportButton,
          el('button', { text: 'Close', attrs: { type: 'button' }, on: { click: () => this.close() } }),
        ]),
        this.progressRow,
        this.status,
      ],
    );
    this.panel.hidden = true;
    host.append(this.panel);
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', 'export-menu');
    button.addEventListener('click', () => (this.panel.hidden ? this.open() : this.close()));
    // A click elsewhere closes the menu, unless an export is running (its progress and Cancel live here).
    document.addEventListener('pointerdown', (event) => {
      const target = event.target as Node | null;
      if (this.panel.hidden || this.running || this.panel.contains(target) || button.contains(target)) return;
      this.close();
    });
    this.refresh();
  }

  open(): void {
    this.panel.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.refresh();
    this.formatSelect.focus();
  }

  close(): void {
    this.panel.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
  }

  private get format(): MenuFormat {
    return this.formatSelect.value as MenuFormat;
  }

  private get scope(): ScopeName {
    return (this.scopeFieldset.querySelector<HTMLInputElement>('input:checked')?.value ??
      'canvas') as ScopeName;
  }

  /** Shows what the chosen format opens in, only the fields that apply, and the selection's size. */
  refresh(): void {
    const format = this.format;
    const all = [...EXPORT_FORMATS, ...PICTURE_FORMATS];
    this.opensIn.textContent = `Opens in: ${all.find((f) => f.format === format)?.opensIn ?? ''}`;
    this.scopeFieldset.disabled = isPicture(format);
    this.neighbourhoodFields.hidden = isPicture(format) || this.scope !== 'neighbourhood';
    this.labelsFields.hidden = isPicture(format) || this.scope !== 'labels';
    const selected = this.sources.selectedNodeIds().length;
    const labels = this.scopeFieldset.querySelectorAll('label');
    labels[1]!.lastChild!.textContent = `The selection (${selected} node${selected === 1 ? '' : 's'})`;
  }

  private say(text: string, options: { error?: boolean } = {}): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', options.error === true);
    // The status is the panel's last line: on a short window, scroll the panel so that it shows.
    if (text !== '') this.panel.scrollTop = this.panel.scrollHeight;
  }

  /** The server request for the chosen scope, or a message saying what is missing. */
  private request(format: ExportFormatName): ExportRequest | string {
    const scope = this.scope;
    if (scope === 'canvas' || scope === 'selection') {
      const elements = this.sources.placedElements({ selectionOnly: scope === 'selection' });
      if (elements.nodes.length === 0)
        return scope === 'selection'
          ? 'Nothing is selected: click a node, Shift+click more, or Shift+drag a box.'
          : 'The canvas is empty: run a query first.';
      return elementsRequest(format, elements, scope);
    }
    if (scope === 'query') {
      const last = this.sources.lastQuery();
      if (!last) return 'No query has run yet: run one, then export its whole result.';
      return queryRequest(format, last.cypher, last.params);
    }
    if (scope === 'labels')
      return labelsRequest(
        format,
        parseTypeList(this.labelsInput.value),
        parseTypeList(this.labelTypesInput.value),
      );
    const nodes = this.sources.selectedNodeIds();
    if (nodes.length === 0) return 'Select the start nodes of the neighbourhood first.';
    const depth = Number(this.depthInput.value);
    if (!Number.isInteger(depth) || depth < 0 || depth > 10)
      return 'Depth must be a whole number from 0 to 10.';
    return neighbourhoodRequest(format, nodes, depth, parseTypeList(this.typesInput.value));
  }

  private async start(): Promise<void> {
    if (this.running) return;
    const format = this.format;
    if (isPicture(format)) {
      await this.savePicture(format);
      return;
    }
    const request = this.request(format);
    if (typeof request === 'string') {
      this.say(request, { error: true });
      return;
    }
    const controller = new AbortController();
    this.running = controller;
    this.exportButton.disabled = true;
    this.progressRow.hidden = false;
    this.progressBar.removeAttribute('value');
    this.progressText.textContent = 'Waiting for the server…';
    this.say('');
    try {
      const { blob, fileName } = await fetchExport(request, {
        signal: controller.signal,
        onProgress: ({ receivedBytes }) => {
          this.progressText.textContent = `${formatBytes(receivedBytes)} received`;
        },
      });
      saveBlob(blob, fileName);
      this.say(`Saved ${fileName} (${formatBytes(blob.size)}).`);
    } catch (error) {
      if (controller.signal.aborted) this.say('Cancelled; nothing was saved.');
      else this.say(error instanceof Error ? error.message : String(error), { error: true });
    } finally {
      this.running = undefined;
      this.exportButton.disabled = false;
      this.progressRow.hidden = true;
    }
  }

  /** Stops a running server export (the server stops when the connection closes). */
  cancel(): void {
    this.running?.abort();
  }

  private async savePicture(format: PictureFormat): Promise<void> {
    const fileName = localFileName('canvas', format);
    try {
      const blob =
        format === 'png'
          ? await this.sources.png()
          : new Blob([this.sources.svg(fileName)], { type: 'image/svg+xml' });
      saveBlob(blob, fileName);
      this.say(`Saved ${fileName} (${formatBytes(blob.size)}).`);
    } catch (error) {
      this.say(`The picture could not be drawn: ${error instanceof Error ? error.message : String(error)}`, {
        error: true,
      });
    }
  }
}
