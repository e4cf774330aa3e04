// POST /api/export: streams a subgraph in the requested format as a file download. The body
// is checked first (4xx before the first byte); a client that goes away stops the export.

import express, { Router } from 'express';
import { prepareExport } from '../../export/runExport.ts';
import { exportRequestSchema } from '../../export/request.schema.ts';
import type { GraphStore } from '../../store/types.ts';
import { LagebildError, invalidRequest } from '../../errors.ts';
import { parseOrThrow } from '../errorHandler.ts';
import { parseJsonText } from '../../import/jsonText.ts';
import { auditWrite } from '../security.ts';

/** Canvas exports send their elements; a large canvas needs more than the API's 2 MB. */
export const EXPORT_BODY_LIMIT = '50mb';

export interface ExportRouteOptions {
  timeoutMs: number;
  log: (entry: Record<string, unknown>) => void;
}

export function exportRoutes(store: GraphStore, options: ExportRouteOptions): Router {
  const router = Router();
  router.post(
    '/export',
    // Read as text and parsed here, so that integers beyond 2^53 in canvas elements stay exact.
    express.text({ limit: EXPORT_BODY_LIMIT, type: ['application/json', 'application/*+json'] }),
    async (req, res) => {
      if (typeof req.body !== 'string' || req.body.trim() === '')
        throw invalidRequest(
          'The request needs a JSON body with Content-Type: application/json, e.g. {"format": "graphml", "scope": {"kind": "query", "cypher": "MATCH (n)-[r]->(m) RETURN n, r, m"}}.',
        );
      const request = parseOrThrow(
        exportRequestSchema,
        parseJsonText(req.body, 'export request'),
        'export request',
      );
      const abort = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) abort.abort(new Error('The client closed the connection.'));
      });
      const preparing = performance.now();
      const job = await prepareExport(store, request, {
        signal: abort.signal,
        timeoutMs: options.timeoutMs,
      }).catch((error: unknown) => {
        // Exports only read: a query that writes is refused, and the attempt goes into the audit log.
        if (error instanceof LagebildError && error.code === 'ReadOnly' && request.scope.kind === 'query')
          auditWrite(options.log, req, {
            outcome: 'refused',
            cypher: request.scope.cypher,
            params: request.scope.params,
            elapsedMs: performance.now() - preparing,
            error: error.code,
          });
        throw error;
      });
      res.status(200).set({
        'Content-Type': job.format.contentType,
        'Content-Disposition': `attachment; filename="${job.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      const started = performance.now();
      try {
        await job.run(res, { signal: abort.signal });
        options.log({
          level: 'info',
          msg: 'export finished',
          format: request.format,
          title: job.title,
          ms: Math.round(performance.now() - started),
        });
      } catch (error) {
        await job.cancel().catch(() => undefined);
        if (abort.signal.aborted) {
          options.log({
            level: 'info',
            msg: 'export cancelled: the client went away',
            format: request.format,
            title: job.title,
          });
          return;
        }
        // Headers are out: break the connection so that the client sees a failed download, not a short file.
        options.log({
          level: 'error',
          msg: 'export failed while streaming',
          error: String(error instanceof Error ? error.message : error),
        });
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    },
  );
  return router;
}
