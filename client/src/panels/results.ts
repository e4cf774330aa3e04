// The result area: Graph, Table and JSON tabs and the line that says what the result holds
// ("showing N of M" when the server cut it).

import { stringifyExactJson } from '../api/exactJson.ts';
import type { QueryResponse } from '../api/types.ts';
import { byId, el, replaceChildren } from '../ui/dom.ts';
import { renderResultTable } from './resultTable.ts';

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export type ResultTab = 'graph' | 'table' | 'json';

export class ResultPanel {
  private readonly tabs = new Map<ResultTab, { button: HTMLElement; pane: HTMLElement }>();
  private readonly status = byId('result-status');
  private current: ResultTab = 'graph';

  constructor(private readonly onTabChange: (tab: ResultTab) => void) {
    for (const tab of ['graph', 'table', 'json'] as const) {
      const button = byId(`tab-${tab}`);
      const pane = byId(button.dataset.pane!);
      this.tabs.set(tab, { button, pane });
      button.addEventListener('click', () => this.show(tab));
    }
  }

  get tab(): ResultTab {
    return this.current;
  }

  show(tab: ResultTab): void {
    this.current = tab;
    for (const [name, { button, pane }] of this.tabs) {
      button.setAttribute('aria-selected', String(name === tab));
      pane.hidden = name !== tab;
    }
    this.onTabChange(tab);
  }

  /** Says in the status line what the canvas shows when it did not come from a query (e.g. an opened file). */
  setNote(text: string): void {
    replaceChildren(this.status, [text]);
  }

  /** Fills the Table and JSON tabs and the status line. */
  setResult(result: QueryResponse, names: (id: string) => string | undefined, omittedNodes = 0): void {
    renderResultTable(this.tabs.get('table')!.pane, result, names);
    byId('json-output').textContent = stringifyExactJson({
      columns: result.columns,
      rows: result.rows,
      summary: result.summary,
    });
    const { rowCount, totalRows, truncated, elapsedMs } = result.summary;
    replaceChildren(this.status, [
      truncated
        ? el('span', { class: 'truncated', text: `showing ${rowCount} of ${totalRows} rows` })
        : `${rowCount} ${rowCount === 1 ? 'row' : 'rows'}`,
      ` · ${plural(result.graph.nodes.length, 'node')}, ${plural(result.graph.edges.length, 'relationship')} in the result · ${elapsedMs} ms`,
      omittedNodes > 0
        ? el('span', {
            class: 'truncated',
            text: ` · drawing ${result.graph.nodes.length - omittedNodes} of ${result.graph.nodes.length} nodes (all rows are in the Table)`,
          })
        : null,
    ]);
  }
}
