// The saved queries from /api/queries as a list; clicking one runs it.

import type { SavedQuery } from '../api/types.ts';
import { el, replaceChildren } from '../ui/dom.ts';

/** "Deutsch (English)" titles as a main line and a muted second line. */
function titleParts(title: string): HTMLElement[] {
  const match = /^(.*?)\s*\((.+)\)\s*$/.exec(title);
  if (!match) return [el('span', { class: 'query-title', text: title })];
  return [
    el('span', { class: 'query-title', text: match[1]! }),
    el('span', { class: 'query-subtitle', text: match[2]! }),
  ];
}

/** Lists saved queries in `root`; `onRun` gets the query that was clicked. */
export function renderSavedQueries(
  root: HTMLElement,
  queries: SavedQuery[],
  onRun: (query: SavedQuery) => void,
): void {
  if (queries.length === 0) {
    replaceChildren(root, [
      el('li', { class: 'muted', text: 'No saved queries (cypher/queries/*.cypher).' }),
    ]);
    return;
  }
  replaceChildren(
    root,
    queries.map((query) =>
      el('li', {}, [
        el(
          'button',
          {
            title: `${query.description}\n\n${query.cypher}`,
            dataset: { queryId: query.id },
            on: { click: () => onRun(query) },
          },
          titleParts(query.title),
        ),
      ]),
    ),
  );
}
