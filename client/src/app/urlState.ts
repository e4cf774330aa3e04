// The query and its parameters in the address bar (?q=…&params=…), so a link reproduces a view
// and back/forward walk through the queries that were run.

export interface UrlQuery {
  cypher: string;
  /** Parameters as JSON text. */
  params: string;
}

/** The query in a location's search string, if it holds one. */
export function readUrlQuery(search: string = location.search): UrlQuery | undefined {
  const query = new URLSearchParams(search);
  const cypher = query.get('q');
  if (!cypher) return undefined;
  return { cypher, params: query.get('params') ?? '{}' };
}

/** The search string for a query; parameters are left out when there are none. */
export function urlSearchFor(state: UrlQuery): string {
  const query = new URLSearchParams({ q: state.cypher });
  if (state.params.trim() && state.params.trim() !== '{}') query.set('params', state.params);
  return `?${query}`;
}

/** Adds a history entry for the query unless the address already shows it. */
export function pushUrlQuery(state: UrlQuery): void {
  const search = urlSearchFor(state);
  if (search === location.search) return;
  history.pushState(state, '', `${location.pathname}${search}`);
}
