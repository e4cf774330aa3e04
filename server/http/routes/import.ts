// POST /api/import: merges a file the exporter wrote (Lagebild JSON, GraphML, Cypher script)
// into the database in one transaction. The body is the file itself (any content type), up to
// its own limit; read-only servers refuse before reading it.

import express, { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { LagebildError, invalidRequest, readOnly } from '../../errors.ts';
import { IMPORT_FORMATS, importFile } from '../../import/importFile.ts';
import type { GraphStore } from '../../store/types.ts';
import { parseOrThrow } from '../errorHandler.ts';
import { writeTokenRequired } from '../security.ts';
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
}

export function importRoutes(store: GraphStore, options: ImportRouteOptions = {}): Router {
  const router = Router();
  // Refused before the body is read: a large file is not uploaded only to be turned away.
  const refuseWhenReadOnly: RequestHandler = (req, _res, next) =>
    next(
      store.readOnly
        ? readOnly(
            'This Lagebild runs read-only (READ_ONLY=true): imports are refused and nothing was changed.',
          )
        : options.canWrite && !options.canWrite(req)
          ? writeTokenRequired()
          : undefined,
    );
  router.post('/import', refuseWhenReadOnly, fileBody, async (req, res) => {
    const { format } = parseOrThrow(importQuerySchema, req.query, 'import parameters');
    if (typeof req.body !== 'string' || req.body === '')
      throw invalidRequest(
        'Send the file as the request body (e.g. curl --data-binary @graph.graphml). It was empty.',
      );
    const summary = await importFile(store, req.body, { format });
    sendJson(res, summary);
  });
  return router;
}
