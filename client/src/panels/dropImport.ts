// Drag and drop onto the canvas: a Lagebild JSON, GraphML or Cypher file is imported through
// POST /api/import, the result (or the server's message saying where the file is wrong) is shown,
// and a Lagebild JSON file is handed on so the canvas can show it as it was saved.

import { parseExactJson } from '../api/exactJson.ts';
import { importGraphFile, type ImportSummary, type LagebildJsonDocument } from '../export/exportClient.ts';
import { el } from '../ui/dom.ts';

/** How long a success message stays. */
const INFO_SECONDS = 12;

export interface DropImportOptions {
  /** The element files are dropped on (the graph pane). */
  target: HTMLElement;
  /** Called after a Lagebild JSON file was imported, with the parsed file and its name. */
  onLagebildJson: (document: LagebildJsonDocument, fileName: string) => Promise<void>;
}

/** The file as a Lagebild JSON document when it is one (by its content), else undefined. */
export function asLagebildJson(text: string): LagebildJsonDocument | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const parsed = parseExactJson(text) as Partial<LagebildJsonDocument> | null;
    return parsed &&
      parsed.format === 'lagebild-graph' &&
      Array.isArray(parsed.nodes) &&
      Array.isArray(parsed.edges)
      ? (parsed as LagebildJsonDocument)
      : undefined;
  } catch {
    return undefined; // the server says where the JSON is broken
  }
}

/** "31 nodes and 40 relationships" from the import answer (Cypher scripts count statements). */
export function describeImport(summary: ImportSummary): string {
  const parts =
    summary.nodes !== null || summary.edges !== null
      ? `${summary.nodes ?? 0} nodes and ${summary.edges ?? 0} relationships`
      : `${summary.statements} statements`;
  return `${parts} in ${Math.round(summary.elapsedMs)} ms`;
}

/** Makes `target` accept dropped files; returns the status element it reports in. */
export function installDropImport(options: DropImportOptions): HTMLElement {
  const { target } = options;
  const status = el('div', {
    class: 'import-status',
    attrs: { id: 'import-status', role: 'status', 'aria-live': 'polite' },
  });
  status.hidden = true;
  const overlay = el('div', { class: 'drop-overlay' }, [
    el('span', { text: 'Drop a Lagebild JSON, GraphML or Cypher file to import it' }),
  ]);
  overlay.hidden = true;
  const close = el('button', {
    class: 'icon-button',
    text: '×',
    attrs: { type: 'button', 'aria-label': 'Close the message' },
    on: { click: () => (status.hidden = true) },
  });
  const message = el('span');
  status.append(message, close);
  target.append(overlay, status);

  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string, kind: 'info' | 'error' | 'busy') => {
    message.textContent = text;
    status.dataset.kind = kind;
    status.hidden = false;
    clearTimeout(hideTimer);
    // Success fades after a while; errors stay until closed, so the line number can be read.
    if (kind === 'info') hideTimer = setTimeout(() => (status.hidden = true), INFO_SECONDS * 1000);
  };
  const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

  target.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    overlay.hidden = false;
  });
  target.addEventListener('dragleave', (event) => {
    if (!target.contains(event.relatedTarget as Node | null)) overlay.hidden = true;
  });
  target.addEventListener('drop', (event) => {
    overlay.hidden = true;
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void (async () => {
      say(`Importing ${file.name}…`, 'busy');
      try {
        const document = asLagebildJson(await file.text());
        const summary = await importGraphFile(file);
        say(`Imported ${file.name}: ${describeImport(summary)}.`, 'info');
        if (document) await options.onLagebildJson(document, file.name);
      } catch (error) {
        say(
          `${file.name} was not imported: ${error instanceof Error ? error.message : String(error)}`,
          'error',
        );
      }
    })();
  });
  return status;
}
