// Maps every error to JSON {"error": {"code", "message", "details"?}} with its HTTP status,
// in one place. Nothing reaches the client as a stack trace.

import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { LagebildError, type IssueDetail } from '../errors.ts';

/** Turns a zod failure into an InvalidRequest that names each field and what is wrong with it. */
export function fromZod(error: z.ZodError, where: string): LagebildError {
  const details: IssueDetail[] = error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message:
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove them`
        : issue.message,
  }));
  const summary = details
    .map((d) => (d.path.length ? `${d.path.join('.')}: ${d.message}` : d.message))
    .join('; ');
  return new LagebildError('InvalidRequest', `Invalid ${where}: ${summary}`, { details });
}

/** Parses `input` with `schema` or throws an InvalidRequest naming the fields. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error, where);
  return parsed.data;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(
    new LagebildError(
      'NotFound',
      `No API endpoint ${req.method} ${(req.baseUrl + req.path).slice(0, 200)}. See the README for the endpoints.`,
    ),
  );
};

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

export function errorHandler(log: (entry: Record<string, unknown>) => void): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const mapped = toLagebildError(error);
    if (mapped.code === 'Internal')
      log({
        level: 'error',
        msg: 'unexpected error',
        path: req.path,
        error: String(error instanceof Error ? error.stack : error),
      });
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(mapped.status).json({
      error: {
        code: mapped.code,
        message: mapped.message,
        ...(mapped.details ? { details: mapped.details } : {}),
      },
    });
  };
}

function toLagebildError(error: unknown): LagebildError {
  if (error instanceof LagebildError) return error;
  if (error instanceof z.ZodError) return fromZod(error, 'request');
  const bodyError = error as BodyParserError;
  switch (bodyError?.type) {
    case 'entity.parse.failed':
      return new LagebildError(
        'InvalidRequest',
        `Malformed JSON in the request body: ${bodyError.message}. Send a JSON object such as {"cypher": "RETURN 1"}.`,
      );
    case 'entity.too.large':
      return new LagebildError(
        'PayloadTooLarge',
        `The request body is larger than the limit of ${bodyError.limit} bytes. Send less, or pass large values as a file import.`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new LagebildError(
        'InvalidRequest',
        `Unsupported body encoding: ${bodyError.message}. Send UTF-8 JSON.`,
      );
    default:
      if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
        return new LagebildError('InvalidRequest', bodyError.message);
      }
      return new LagebildError(
        'Internal',
        'An unexpected error occurred; it has been logged. The server keeps running; try again.',
      );
  }
}
