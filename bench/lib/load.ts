// Concurrent load: N clients in a loop, each sending a mix of expand, search and query
// requests for a fixed time; reports requests/s, latency percentiles and errors.

import { request } from './httpClient.ts';
import { latency } from './stats.ts';

export interface LoadRequest {
  kind: string;
  path: string;
  body?: unknown;
}

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  firstErrors: string[];
  all: ReturnType<typeof latency>;
  byKind: Record<string, ReturnType<typeof latency>>;
}

/** Runs `clients` loops for `seconds`, each request chosen by `next(random)`. */
export async function runLoad(
  baseUrl: string,
  options: { clients: number; seconds: number; next: (client: number, n: number) => LoadRequest },
): Promise<LoadResult> {
  const times: number[] = [];
  const byKind = new Map<string, number[]>();
  const firstErrors: string[] = [];
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const next = options.next(client, n);
        const t0 = performance.now();
        try {
          const response = await request(baseUrl, next.path, next.body);
          if (response.status >= 400) {
            errors++;
            if (firstErrors.length < 5)
              firstErrors.push(`${next.path}: ${response.status} ${response.body.slice(0, 200)}`);
          }
        } catch (error) {
          errors++;
          if (firstErrors.length < 5) firstErrors.push(`${next.path}: ${String(error)}`);
        }
        const ms = performance.now() - t0;
        times.push(ms);
        if (!byKind.has(next.kind)) byKind.set(next.kind, []);
        byKind.get(next.kind)!.push(ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    clients: options.clients,
    seconds: Math.round(seconds * 10) / 10,
    requests: times.length,
    requestsPerSecond: Math.round(times.length / seconds),
    errors,
    firstErrors,
    all: latency(times),
    byKind: Object.fromEntries([...byKind].map(([kind, samples]) => [kind, latency(samples)])),
  };
}
