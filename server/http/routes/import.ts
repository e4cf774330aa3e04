// POST /api/import: merges a file the exporter wrote (Lagebild JSON, GraphML, Cypher script)
// into the database in one transaction. The body is the file itself (any content type), up to
// its own limit; read-only servers refuse before reading it.

import express, { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { auditWrite, type LogSink, type WriteOutcome } from '../../audit/writeAudit.ts';
import { LagebildError, invalidRequest, readOnly } from '../../errors.ts';
import { IMPORT_FORMATS, detectFormat, importFile } from '../../import/importFile.ts';
import type { GraphStore } from '../../store/types.ts';
import { parseOrThrow } from '../errorHandler.ts';
import { clientAddress, writeTokenRequired } from '../security.ts';
import { sendJson } from '../sendJson.ts';

/** The largest file an import accepts. */
export const IMPORT_BODY_LIMIT = '50mb';

const importQuerySchema = z
  .object({
    format: z.enum(IMPORT_FORMATS, { message: `must be one of ${IMPORT_FORMATS.join(', ')}` }).optional(),
  })
  .strict();

const fileBody: RequestHandler = (req, res, next) =>
  express.text({ type: () => true, limit: IMPORT_BODY_LIMIT })(req, res, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large')
      return next(
        new LagebildError(
          'PayloadTooLarge',
          `The import file is larger than ${IMPORT_BODY_LIMIT}. Split it, or load it with the command line (npm run export writes files; the Cypher script can be run in parts).`,
        ),
      );
    next(error);
  });

export interface ImportRouteOptions {
  /** Whether this request may write (WRITE_TOKEN); every request may when absent. */
  canWrite?: (req: Request) => boolean;
  /** Receives one audit line per import request (server/audit/writeAudit.ts). */
  log?: LogSink;
}

/** One audit line for an import request: the file's format and size stand in for a statement. */
function auditImport(
  log: LogSink,
  req: Request,
  entry: {
    outcome: WriteOutcome;
    description: string;
    startedAt: number;
    error?: unknown;
    extra?: Record<string, unknown>;
  },
): void {
  auditWrite(log, {
    via: 'import',
    client: clientAddress(req),
    outcome: entry.outcome,
    description: entry.description,
    elapsedMs: performance.now() - entry.startedAt,
    error:
      entry.error === undefined
        ? undefined
        : entry.error instanceof LagebildError
          ? entry.error.code
          : 'Internal',
    extra: entry.extra,
  });
}

export function importRoutes(store: GraphStore, options: ImportRouteOptions = {}): Router {
  const router = Router();
  const log = options.log ?? (() => undefined);
  // Refused before the body is read: a large file is not uploaded only to be turned away.
  const refuseWhenReadOnly: RequestHandler = (req, _res, next) => {
    const refusal = store.readOnly
      ? readOnly(
          'This Lagebild runs read-only (READ_ONLY=true): imports are refused and nothing was changed.',
        )
      : options.canWrite && !options.canWrite(req)
        ? writeTokenRequired()
        : undefined;
    if (refusal)
      auditImport(log, req, {
        outcome: 'refused',
        description: `import of ${req.headers['content-length'] ?? 'an unknown number of'} bytes, refused before reading it`,
        startedAt: performance.now(),
        error: refusal,
      });
    next(refusal);
  };
  router.post('/import', refuseWhenReadOnly, fileBody, async (req, res) => {
    const startedAt = performance.now();
    const { format } = parseOrThrow(importQuerySchema, req.query, 'import parameters');
    if (typeof req.body !== 'string' || req.body === '')
      throw invalidRequest(
        'Send the file as the request body (e.g. curl --data-binary @graph.graphml). It was empty.',
      );
    const text: string = req.body;
    const description = `${format ?? detectFormat(text)} file of ${Buffer.byteLength(text)} bytes`;
    let summary;
    try {
      summary = await importFile(store, text, { format });
    } catch (error) {
      auditImport(log, req, { outcome: 'failed', description, startedAt, error });
      throw error;
    }
    auditImport(log, req, {
      outcome: 'committed',
      description,
      startedAt,
      extra: { nodes: summary.nodes, edges: summary.edges, statements: summary.statements },
    });
    sendJson(res, summary);
  });
  return router;
}
