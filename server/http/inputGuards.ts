// Checks on the raw request before any route sees it: the body must be valid UTF-8 and the URL's
// percent-encoding must decode, so that no replacement characters slip silently into a query.

import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { LagebildError } from '../errors.ts';

/** For express.json({ verify }): refuses a body that is not valid UTF-8 instead of guessing. */
export function verifyUtf8Body(req: IncomingMessage, _res: unknown, body: Buffer): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    throw Object.assign(
      new Error(
        `The request body is declared as charset=${charset.slice(0, 40)}; JSON must be sent as UTF-8.`,
      ),
      { status: 400, expose: true },
    );
  }
  if (!isUtf8(body)) {
    throw Object.assign(
      new Error(
        'The request body is not valid UTF-8 (it holds bytes that are not UTF-8 text). Send JSON encoded as UTF-8.',
      ),
      { status: 400, expose: true },
    );
  }
}

/** Refuses URLs whose percent-encoding does not decode to UTF-8 text (e.g. "%FF" or a cut "%E2%82"). */
export const rejectMalformedUrls: RequestHandler = (req, _res, next) => {
  try {
    decodeURIComponent(req.url.replaceAll('+', ' '));
  } catch {
    return next(
      new LagebildError(
        'InvalidRequest',
        'The URL holds percent-encoded bytes that are not valid UTF-8 (such as "%FF"). Encode parameters with encodeURIComponent.',
      ),
    );
  }
  next();
};

/** How deep a parameter value may nest (maps in lists in maps ...). */
export const MAX_PARAM_DEPTH = 32;

/** The nesting depth of a JSON value, stopping early once it passes `limit`. */
export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    if (item !== null && typeof item === 'object')
      for (const child of Object.values(item as object)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * A number JSON can write but a database cannot hold (1e400 parses as Infinity), as a path like
 * "x.2", or undefined when there is none.
 */
export function nonFiniteNumberPath(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, at] = stack.pop()!;
    if (typeof item === 'number' && !Number.isFinite(item)) return at;
    if (item !== null && typeof item === 'object')
      for (const [key, child] of Object.entries(item as object))
        stack.push([child, at ? `${at}.${key}` : key]);
  }
  return undefined;
}
