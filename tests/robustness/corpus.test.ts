// Sends every request of the bad-request corpus to a real Lagebild: each must get its 4xx with a
// message that says what is wrong, the server must answer /api/health after each, and the graph's
// checksum must be the same after the whole corpus as before.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphChecksum } from '../_helpers/graphChecksum.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';
import { rawRequest } from '../_helpers/rawRequest.ts';
import { BAD_REQUESTS, INJECTION_ATTEMPTS } from './corpus.ts';

let lb: RunningLagebild;
let before: Awaited<ReturnType<typeof graphChecksum>>;

beforeAll(async () => {
  lb = await startLagebild();
  before = await graphChecksum(lb.url);
});
afterAll(async () => {
  await lb.dispose();
});

async function expectHealthy(): Promise<void> {
  const health = await rawRequest(lb.url, { method: 'GET', path: '/api/health' });
  expect(health.status).toBe(200);
  expect(health.json.status).toBe('ok');
}

describe('the bad-request corpus', () => {
  it('holds at least 60 bad requests with distinct names', () => {
    expect(BAD_REQUESTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(BAD_REQUESTS.map((r) => r.name)).size).toBe(BAD_REQUESTS.length);
  });

  it('starts from the article graph', () => {
    expect(before.nodes).toBeGreaterThan(10);
    expect(before.edges).toBeGreaterThan(10);
  });

  for (const bad of BAD_REQUESTS) {
    it(`answers ${bad.expect.status} ${bad.expect.code} to ${bad.name}, and keeps serving`, async () => {
      const body = typeof bad.body === 'function' ? bad.body() : bad.body;
      const response = await rawRequest(lb.url, {
        method: bad.method,
        path: bad.path,
        headers: bad.headers ?? {},
        ...(body !== undefined ? { body } : {}),
      });
      expect({ status: response.status, code: response.json?.error?.code }).toEqual({
        status: bad.expect.status,
        code: bad.expect.code,
      });
      const message: string = response.json.error.message;
      expect(message.length).toBeGreaterThan(15);
      expect(message.toLowerCase()).toContain(bad.expect.message.toLowerCase());
      await expectHealthy();
    });
  }

  for (const attempt of INJECTION_ATTEMPTS) {
    it(`treats ${attempt.name} as a plain value that matches nothing`, async () => {
      const response = await rawRequest(lb.url, { method: 'GET', path: attempt.path });
      expect(response.status).toBe(attempt.expect.status);
      if ('hits' in attempt.expect) expect(response.json.hits).toHaveLength(attempt.expect.hits);
      await expectHealthy();
    });
  }

  it('leaves the graph exactly as it was', async () => {
    const after = await graphChecksum(lb.url);
    expect(after).toEqual(before);
  });
});
