// A keep-alive HTTP client for the benchmark: lower and steadier overhead per request than
// fetch, so that the numbers show the server, not the client.

import http from 'node:http';

export interface HttpResponse {
  status: number;
  body: string;
  bytes: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** Sends one request to `baseUrl + path`; a JSON `body` makes it a POST. */
export async function request(baseUrl: string, path: string, body?: unknown): Promise<HttpResponse> {
  try {
    return await requestOnce(baseUrl, path, body);
  } catch (error) {
    // The server closes a keep-alive socket after 5 s idle; a request sent on it at that moment is
    // reset before the server reads it (seen once as "read ECONNRESET" that stopped a full run
    // after a pause of several seconds between requests). It was never handled: send it again.
    if ((error as { reusedSocketReset?: boolean }).reusedSocketReset) return requestOnce(baseUrl, path, body);
    throw error;
  }
}

function requestOnce(baseUrl: string, path: string, body?: unknown): Promise<HttpResponse> {
  const url = new URL(path, baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method: payload ? 'POST' : 'GET',
        headers: payload
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const buffer = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, body: buffer.toString('utf8'), bytes: buffer.length });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        req.reusedSocket && error.code === 'ECONNRESET'
          ? Object.assign(error, { reusedSocketReset: true })
          : error,
      ),
    );
    req.end(payload);
  });
}

/** Like `request`, but fails on any status other than 2xx. */
export async function requestOk(baseUrl: string, path: string, body?: unknown): Promise<HttpResponse> {
  const response = await request(baseUrl, path, body);
  if (response.status < 200 || response.status >= 300)
    throw new Error(`${path} answered ${response.status}: ${response.body.slice(0, 300)}`);
  return response;
}

/** Closes idle keep-alive sockets so the process can exit. */
export function closeClient(): void {
  agent.destroy();
}
