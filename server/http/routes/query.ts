// POST /api/query: runs one Cypher statement and returns rows plus the graph found in them.

import { Router } from 'express';
import { LagebildError, invalidRequest } from '../../errors.ts';
import { collectGraph } from '../../store/collectGraph.ts';
import type { GraphStore, Value } from '../../store/types.ts';
import { parseOrThrow } from '../errorHandler.ts';
import { queryRequestSchema } from '../schemas.ts';
import {
  auditWrite,
  mayWrite,
  writeTokenRequired,
  type SecurityOptions,
  type WriteAuditEntry,
} from '../security.ts';
import { sendJson } from '../sendJson.ts';

export interface QueryRouteOptions {
  maxRows: number;
  timeoutMs: number;
  log: (entry: Record<string, unknown>) => void;
  /** WRITE_TOKEN decides who may write; everyone may when absent. */
  security?: SecurityOptions;
}

export function queryRoutes(store: GraphStore, options: QueryRouteOptions): Router {
  const router = Router();
  router.post('/query', async (req, res) => {
    if (req.body === undefined) {
      throw invalidRequest(
        'The request needs a JSON body with Content-Type: application/json, e.g. {"cypher": "RETURN 1"}.',
      );
    }
    const body = parseOrThrow(queryRequestSchema, req.body, 'query request');
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const canWrite = mayWrite(req, options.security ?? {});
    let wrote = false;
    const started = performance.now();
    const audit = (outcome: WriteAuditEntry['outcome'], error?: string) =>
      auditWrite(options.log, req, {
        outcome,
        cypher: body.cypher,
        params: body.params,
        elapsedMs: performance.now() - started,
        error,
      });
    let result;
    try {
      result = await store.query(body.cypher, (body.params ?? {}) as Record<string, Value>, {
        maxRows: options.maxRows,
        timeoutMs: options.timeoutMs,
        signal: abort.signal,
        readOnly: !canWrite,
        onWrite: () => (wrote = true),
      });
    } catch (error) {
      const code = error instanceof LagebildError ? error.code : 'Internal';
      if (code === 'ReadOnly') {
        audit('refused', code);
        if (!canWrite && !store.readOnly) throw writeTokenRequired();
      } else if (wrote) audit('failed', code);
      throw error;
    }
    if (wrote) audit('committed');
    sendJson(res, {
      columns: result.columns,
      rows: result.rows,
      graph: collectGraph(result.rows),
      summary: {
        elapsedMs: Math.round(result.elapsedMs * 100) / 100,
        rowCount: result.rows.length,
        totalRows: result.totalRows ?? result.rows.length,
        truncated: result.truncated,
        // The statement may have written (the engine says so before running it): undoing on the
        // canvas does not undo it, and the explorer says so.
        wrote,
      },
    });
  });
  return router;
}
