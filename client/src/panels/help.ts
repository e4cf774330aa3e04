// The keyboard shortcut list, shown as an overlay with "?".

import { byId, el, replaceChildren } from '../ui/dom.ts';

/** Every shortcut the explorer understands, as shown in the help overlay. */
export const SHORTCUTS: [keys: string[], what: string][] = [
  [['Ctrl/⌘', 'Enter'], 'Run the query'],
  [['Ctrl/⌘', '↑ / ↓'], 'Previous / next query from history (also ↑ on the first line, ↓ on the last)'],
  [['Ctrl/⌘', 'Space'], 'Complete labels, relationship types, properties'],
  [['Ctrl/⌘', 'Z'], 'Undo the last canvas step'],
  [['Ctrl/⌘', 'Shift', 'Z'], 'Redo (also Ctrl+Y)'],
  [['/'], 'Focus the search box'],
  [['E'], 'Expand the selected nodes (or double-click a node)'],
  [['M'], 'Load more neighbours of the selected node'],
  [['H'], 'Hide the selection'],
  [['Shift', 'H'], 'Show everything hidden'],
  [['P'], 'Pin / unpin the selected nodes'],
  [['K'], 'Keep only the selection, remove the rest'],
  [['F'], 'Fit the graph to the screen'],
  [['+ / −'], 'Zoom in / out'],
  [['L'], 'Lay out again'],
  [['Shift', 'drag'], 'Box-select; Shift+click adds to the selection'],
  [['Drop a file'], 'Import a Lagebild JSON, GraphML or Cypher file (on the canvas)'],
  [['Esc'], 'Close this help, clear the selection'],
  [['?'], 'Show this help'],
];

export class HelpOverlay {
  private readonly root = byId('help-overlay');

  constructor() {
    const close = el('button', { text: 'Close', on: { click: () => this.close() } });
    replaceChildren(this.root, [
      el('div', { class: 'dialog' }, [
        el('h2', { text: 'Keyboard shortcuts', attrs: { id: 'help-title' } }),
        el(
          'table',
          {},
          SHORTCUTS.map(([keys, what]) =>
            el('tr', {}, [
              el(
                'td',
                {},
                keys.flatMap((key, i) => [i > 0 ? ' + ' : null, el('kbd', { text: key })]),
              ),
              el('td', { text: what }),
            ]),
          ),
        ),
        el('p', { class: 'muted', text: 'Links keep the query: copy the address to share the view.' }),
        close,
      ]),
    ]);
    this.root.addEventListener('click', (event) => {
      if (event.target === this.root) this.close();
    });
  }

  get isOpen(): boolean {
    return !this.root.hidden;
  }

  open(): void {
    this.root.hidden = false;
    this.root.querySelector('button')?.focus();
  }

  close(): void {
    this.root.hidden = true;
  }
}
