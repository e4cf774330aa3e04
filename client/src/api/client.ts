// Typed calls to the Lagebild HTTP API; every response is parsed with exact big integers and
// every error becomes an ApiError carrying the server's code and message.

import { authorizedFetch } from './auth.ts';
import { parseExactJson, stringifyExactJson } from './exactJson.ts';
import type {
  ApiNode,
  HealthResponse,
  NeighborsResponse,
  QueryResponse,
  SavedQuery,
  SchemaResponse,
  SearchHit,
  Value,
} from './types.ts';

/** An error the API reported (`{"error": {code, message}}`) or a failure to reach it. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/** Told about every request that failed because the server or its database did not answer. */
let unavailableListener: ((error: ApiError) => void) | undefined;

/** Registers the one listener for 503s and unanswered requests (the connection banner). */
export function onUnavailable(listener: (error: ApiError) => void): void {
  unavailableListener = listener;
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  try {
    return await requestOnce<T>(path, init);
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.code !== 'Cancelled' &&
      (error.status === 503 || error.status === 0)
    )
      unavailableListener?.(error);
    throw error;
  }
}

async function requestOnce<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await authorizedFetch(path, init);
  } catch (error) {
    if (init?.signal?.aborted) throw new ApiError('Cancelled', 'The request was cancelled.', 0);
    throw new ApiError(
      'Unavailable',
      `Cannot reach the Lagebild server (${error instanceof Error ? error.message : String(error)}). Is it running?`,
      0,
    );
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = parseExactJson(text);
  } catch {
    throw new ApiError(
      'BadResponse',
      `The server answered ${response.status} with something that is not JSON.`,
      response.status,
    );
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } }).error;
    throw new ApiError(error?.code ?? 'Error', error?.message ?? `HTTP ${response.status}`, response.status);
  }
  return body as T;
}

/** Runs one Cypher statement with parameters. */
export function runQuery(
  cypher: string,
  params: Record<string, Value> = {},
  signal?: AbortSignal,
): Promise<QueryResponse> {
  return request<QueryResponse>('/api/query', {
    signal,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: stringifyExactJson({ cypher, params }, ''),
  });
}

export function fetchSchema(): Promise<SchemaResponse> {
  return request<SchemaResponse>('/api/schema');
}

export async function searchNodes(text: string, limit = 10): Promise<SearchHit[]> {
  const params = new URLSearchParams({ q: text, limit: String(limit) });
  return (await request<{ hits: SearchHit[] }>(`/api/search?${params}`)).hits;
}

/** One page of a node's neighbourhood (`limit` is the budget), optionally of some relationship types. */
export function fetchNeighbors(
  id: string,
  options: { limit: number; offset?: number; types?: string[] },
): Promise<NeighborsResponse> {
  const params = new URLSearchParams({ limit: String(options.limit), offset: String(options.offset ?? 0) });
  if (options.types?.length) params.set('types', options.types.join(','));
  return request<NeighborsResponse>(`/api/nodes/${encodeURIComponent(id)}/neighbors?${params}`);
}

export function fetchNode(id: string): Promise<ApiNode> {
  return request<ApiNode>(`/api/nodes/${encodeURIComponent(id)}`);
}

export async function fetchSavedQueries(): Promise<SavedQuery[]> {
  return (await request<{ queries: SavedQuery[] }>('/api/queries')).queries;
}

export function fetchHealth(): Promise<HealthResponse> {
  return request<HealthResponse>('/api/health');
}
