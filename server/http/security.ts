// Who may reach the API and who may change the graph: security headers (helmet, a strict CSP),
// CORS only for CORS_ORIGIN, bearer tokens (AUTH_TOKEN, WRITE_TOKEN) and the start-up exposure check.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import { auditWrite as writeAuditLog, type LogSink, type WriteOutcome } from '../audit/writeAudit.ts';
import { ConfigError, type Config } from '../config.ts';
import { LagebildError } from '../errors.ts';

/** What the security middleware needs from the configuration. */
export interface SecurityOptions {
  /** Every /api request except /api/health must carry `Authorization: Bearer <authToken>`. */
  authToken?: string | undefined;
  /** Statements that write need `Authorization: Bearer <writeToken>` (which also grants reading). */
  writeToken?: string | undefined;
  /** The one foreign origin a browser may call the API from; none when unset. */
  corsOrigin?: string | undefined;
}

/** Picks the security settings out of the configuration. */
export function securityOptionsFrom(
  config: Pick<Config, 'AUTH_TOKEN' | 'WRITE_TOKEN' | 'CORS_ORIGIN'>,
): SecurityOptions {
  return { authToken: config.AUTH_TOKEN, writeToken: config.WRITE_TOKEN, corsOrigin: config.CORS_ORIGIN };
}

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    bare === 'localhost' ||
    bare === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(bare) ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(bare)
  );
}

/**
 * Refuses a start that would expose the graph to the network without a password: bound to any
 * address other than loopback, AUTH_TOKEN is required, and BOLT_PASSWORD when the Bolt endpoint exists.
 */
export function assertSafeExposure(config: Config): void {
  if (isLoopbackHost(config.HOST)) return;
  const missing: string[] = [];
  if (!config.AUTH_TOKEN) missing.push('AUTH_TOKEN');
  const boltServed = config.BOLT_PORT !== 0 && !config.NEO4J_URI;
  if (boltServed && !config.BOLT_PASSWORD) missing.push('BOLT_PASSWORD');
  if (missing.length > 0)
    throw new ConfigError(
      `Refusing to start: HOST=${config.HOST} is reachable from other machines, so ${missing.join(' and ')} must be set (at least 16 characters each), or bind to HOST=127.0.0.1.`,
    );
}

/**
 * The Content-Security-Policy: only our own scripts and connections, no inline script, no eval.
 * Inline styles are allowed: the canvas (cytoscape) and the editor (CodeMirror) set element
 * styles at run time, and a style cannot run code.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** helmet's usual headers with the strict policy above. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    // Lagebild serves plain HTTP itself; HSTS belongs on the TLS proxy in front of it.
    strictTransportSecurity: false,
  });
}

/**
 * Cross-origin browser requests: answered for CORS_ORIGIN only. Any other foreign Origin is refused
 * outright (403), which also stops a foreign page from posting "simple" requests at a local Lagebild.
 */
export function corsPolicy(options: SecurityOptions): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin === undefined || isSameOrigin(req, origin)) return next();
    if (options.corsOrigin === undefined || origin !== options.corsOrigin) {
      return next(
        new LagebildError(
          'Forbidden',
          `Requests from the web page at ${JSON.stringify(origin).slice(0, 200)} are refused: cross-origin access is off. Set CORS_ORIGIN to that origin to allow it.`,
        ),
      );
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

function isSameOrigin(req: Request, origin: string): boolean {
  const host = req.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

/**
 * With no AUTH_TOKEN the API trusts whoever reaches it, which is only safe on loopback. A Host
 * header naming some other site means a DNS-rebinding page is knocking; refuse it.
 */
export function loopbackHostGuard(options: SecurityOptions): RequestHandler {
  return (req, _res, next) => {
    if (options.authToken) return next();
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (isLoopbackHost(host)) return next();
    next(
      new LagebildError(
        'Forbidden',
        `Requests for host ${JSON.stringify(host).slice(0, 200)} are refused: without AUTH_TOKEN this server only answers to localhost / 127.0.0.1.`,
      ),
    );
  };
}

/** The bearer token a request carries, if any. */
function bearerOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** Compares secrets in constant time (over their hashes, so lengths leak nothing either). */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Paths under /api that answer without a token (so a monitor can probe and the explorer can tell it must ask). */
const OPEN_PATHS = new Set(['/health']);

/** Requires `Authorization: Bearer <AUTH_TOKEN or WRITE_TOKEN>` on /api when AUTH_TOKEN is set. */
export function bearerAuth(options: SecurityOptions): RequestHandler {
  return (req, res, next) => {
    const { authToken, writeToken } = options;
    if (!authToken || OPEN_PATHS.has(req.path)) return next();
    const given = bearerOf(req);
    if (sameSecret(given, authToken) || (writeToken !== undefined && sameSecret(given, writeToken)))
      return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="lagebild"');
    next(
      new LagebildError(
        'Unauthorized',
        given === undefined
          ? 'This Lagebild needs an access token: send the header "Authorization: Bearer <AUTH_TOKEN>".'
          : 'The access token is wrong: send the AUTH_TOKEN this server was started with as "Authorization: Bearer <token>".',
      ),
    );
  };
}

/** Whether this request may run statements that write (WRITE_TOKEN unset, or presented). */
export function mayWrite(req: Request, options: SecurityOptions): boolean {
  return options.writeToken === undefined || sameSecret(bearerOf(req), options.writeToken);
}

/** The error for a write attempted without the write token; nothing was changed. */
export function writeTokenRequired(): LagebildError {
  return new LagebildError(
    'Forbidden',
    'This statement writes, and writes need the write token: send "Authorization: Bearer <WRITE_TOKEN>". Nothing was changed.',
  );
}

/** Who sent a request, for the audit log. */
export function clientAddress(req: Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** What the audit log records about one write statement sent over HTTP. */
export interface WriteAuditEntry {
  outcome: WriteOutcome;
  cypher: string;
  params: Record<string, unknown> | undefined;
  elapsedMs: number;
  error?: string | undefined;
}

/**
 * One structured line per write statement sent over HTTP (server/audit/writeAudit.ts): when,
 * from where, what (the statement and the parameter names; values stay out of the log), and how it ended.
 */
export function auditWrite(log: LogSink, req: Request, entry: WriteAuditEntry): void {
  writeAuditLog(log, { via: 'http', client: clientAddress(req), ...entry });
}
