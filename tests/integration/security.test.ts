// Who may reach and change the graph, against a real Lagebild: security headers, CORS only for
// CORS_ORIGIN, AUTH_TOKEN on /api, WRITE_TOKEN for statements the engine says write, the audit log.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { assertSafeExposure, isLoopbackHost } from '../../server/http/security.ts';
import { graphChecksum } from '../_helpers/graphChecksum.ts';
import { startLagebild, type RunningLagebild } from '../_helpers/lagebild.ts';
import { rawRequest } from '../_helpers/rawRequest.ts';

const AUTH = 'read-token-0123456789abcdef';
const WRITE = 'write-token-0123456789abcdef';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function post(url: string, cypher: string, headers: Record<string, string> = {}) {
  return rawRequest(url, {
    method: 'POST',
    path: '/api/query',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ cypher }),
  });
}

describe('security headers on a default start', () => {
  let lb: RunningLagebild;
  beforeAll(async () => {
    lb = await startLagebild();
  });
  afterAll(() => lb.dispose());

  it('sends a strict Content-Security-Policy without inline scripts and the usual helmet headers', async () => {
    const response = await rawRequest(lb.url, { method: 'GET', path: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Scripts: only our own files, nothing inline, no eval. Inline styles only (a style runs no code).
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '));
    expect(scriptSrc?.trim()).toBe("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('sends no CORS headers when CORS_ORIGIN is not set', async () => {
    const response = await rawRequest(lb.url, { method: 'GET', path: '/api/health' });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('accepts a same-origin request that carries an Origin header', async () => {
    const host = new URL(lb.url).host;
    const response = await post(lb.url, 'RETURN 1 AS one', { origin: `http://${host}` });
    expect(response.status).toBe(200);
  });
});

describe('CORS_ORIGIN', () => {
  let lb: RunningLagebild;
  beforeAll(async () => {
    lb = await startLagebild({ env: { CORS_ORIGIN: 'https://desk.example' } });
  });
  afterAll(() => lb.dispose());

  it('answers a preflight from that origin and names it', async () => {
    const response = await rawRequest(lb.url, {
      method: 'OPTIONS',
      path: '/api/query',
      headers: { origin: 'https://desk.example', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://desk.example');
    expect(response.headers['access-control-allow-headers']).toContain('Authorization');
  });

  it('still refuses every other origin', async () => {
    const response = await post(lb.url, 'RETURN 1', { origin: 'https://other.example' });
    expect(response.status).toBe(403);
    expect(response.json.error.message).toContain('CORS_ORIGIN');
  });
});

describe('AUTH_TOKEN and WRITE_TOKEN', () => {
  let lb: RunningLagebild;
  const logged: Record<string, unknown>[] = [];
  beforeAll(async () => {
    lb = await startLagebild({ env: { AUTH_TOKEN: AUTH, WRITE_TOKEN: WRITE }, log: (e) => logged.push(e) });
  });
  afterAll(() => lb.dispose());

  it('refuses /api without a token, with a 401 that says which header to send', async () => {
    const response = await rawRequest(lb.url, { method: 'GET', path: '/api/schema' });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('Unauthorized');
    expect(response.json.error.message).toContain('Authorization: Bearer');
    expect(response.headers['www-authenticate']).toContain('Bearer');
  });

  it('refuses a wrong token', async () => {
    const response = await rawRequest(lb.url, {
      method: 'GET',
      path: '/api/schema',
      headers: bearer('wrong-token-0123456789abcdef'),
    });
    expect(response.status).toBe(401);
    expect(response.json.error.message).toContain('wrong');
  });

  it('answers /api/health without a token, so a monitor can probe', async () => {
    const response = await rawRequest(lb.url, { method: 'GET', path: '/api/health' });
    expect(response.status).toBe(200);
  });

  it('lets the AUTH_TOKEN read, including text that only looks like a write', async () => {
    const response = await post(lb.url, "RETURN 'CREATE (x) SET x.a = 1 DELETE x' AS text", bearer(AUTH));
    expect(response.status).toBe(200);
    expect(response.json.rows[0][0]).toContain('CREATE');
  });

  it('refuses a write with only the AUTH_TOKEN, as the engine classifies it, and changes nothing', async () => {
    const headers = bearer(AUTH);
    const before = await graphChecksum(lb.url, headers);
    const response = await post(
      lb.url,
      "match (n:Country {uid: 'iran'}) set n.description = 'changed'",
      headers,
    );
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('Forbidden');
    expect(response.json.error.message).toContain('WRITE_TOKEN');
    expect(await graphChecksum(lb.url, headers)).toEqual(before);
    expect(logged).toContainEqual(expect.objectContaining({ msg: 'write query', outcome: 'refused' }));
  });

  it('runs a write with the WRITE_TOKEN and logs it with time and client address', async () => {
    const response = await post(
      lb.url,
      "CREATE (n:Country {uid: 'audit-test', name: 'Audit'}) RETURN n.uid",
      bearer(WRITE),
    );
    expect(response.status).toBe(200);
    const entry = logged.find((e) => e.msg === 'write query' && e.outcome === 'committed');
    expect(entry).toMatchObject({ client: '127.0.0.1', level: 'info' });
    expect(entry!.cypher).toContain('audit-test');
    expect(Date.parse(String(entry!.time))).toBeGreaterThan(Date.now() - 60_000);
  });

  it('does not log reads as writes', async () => {
    const before = logged.length;
    await post(lb.url, 'MATCH (n:Country) RETURN count(n)', bearer(WRITE));
    expect(logged.slice(before).filter((e) => e.msg === 'write query')).toEqual([]);
  });
});

describe('READ_ONLY', () => {
  let lb: RunningLagebild;
  beforeAll(async () => {
    lb = await startLagebild({ env: { READ_ONLY: 'true' } });
  });
  afterAll(() => lb.dispose());

  it('lets the engine refuse a write with ReadOnly and keeps the graph', async () => {
    const before = await graphChecksum(lb.url);
    const response = await post(lb.url, "MATCH (n:Country {uid: 'iran'}) DETACH DELETE n");
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('ReadOnly');
    expect(await graphChecksum(lb.url)).toEqual(before);
  });
});

describe('exposure check at start', () => {
  it('treats 127.x, ::1 and localhost as loopback and 0.0.0.0 as exposed', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.5', 'example.org'].some(isLoopbackHost)).toBe(false);
  });

  it('refuses HOST=0.0.0.0 without AUTH_TOKEN, with one line that names it', () => {
    expect(() => assertSafeExposure(loadConfig({ HOST: '0.0.0.0', BOLT_PORT: '0' }))).toThrow(
      /AUTH_TOKEN must be set/,
    );
  });

  it('accepts HOST=0.0.0.0 with AUTH_TOKEN and loopback without one', () => {
    expect(() =>
      assertSafeExposure(loadConfig({ HOST: '0.0.0.0', AUTH_TOKEN: AUTH, BOLT_PORT: '0' })),
    ).not.toThrow();
    expect(() => assertSafeExposure(loadConfig({ HOST: '127.0.0.1' }))).not.toThrow();
  });

  it('refuses a token shorter than 16 characters without printing it', () => {
    expect(() => loadConfig({ AUTH_TOKEN: 'short' })).toThrow('AUTH_TOKEN=(hidden) must be at least 16');
  });
});
