// Builds the express app from its parts; server/index.ts reads config and listens.

import express from 'express';
import type { SavedQuery } from './savedQueries.ts';
import type { GraphStore } from './store/types.ts';
import { errorHandler, notFoundHandler } from './http/errorHandler.ts';
import { exportRoutes } from './http/routes/export.ts';
import { graphRoutes } from './http/routes/graph.ts';
import { importRoutes } from './http/routes/import.ts';
import { metaRoutes } from './http/routes/meta.ts';
import { rejectMalformedUrls, verifyUtf8Body } from './http/inputGuards.ts';
import { queryRoutes } from './http/routes/query.ts';
import {
  bearerAuth,
  corsPolicy,
  loopbackHostGuard,
  mayWrite,
  securityHeaders,
  type SecurityOptions,
} from './http/security.ts';

export interface AppOptions {
  store: GraphStore;
  savedQueries: SavedQuery[];
  version: string;
  maxRows: number;
  timeoutMs: number;
  /** Where the built client lives; not served when absent. */
  clientDir?: string;
  log?: (entry: Record<string, unknown>) => void;
  /** Tokens and CORS (server/http/security.ts); open on loopback when absent. */
  security?: SecurityOptions;
}

/** Largest JSON body the API accepts. */
export const BODY_LIMIT = '2mb';

export function createApp(options: AppOptions): express.Express {
  const log = options.log ?? (() => undefined);
  const app = express();
  app.disable('x-powered-by');
  // An ETag means hashing every body (5 MB for 100,000 rows); API answers are never asked for
  // conditionally, and the static files get theirs from express.static.
  app.set('etag', false);
  app.set('query parser', 'simple');
  const security = options.security ?? {};
  app.use(securityHeaders(), loopbackHostGuard(security), corsPolicy(security), rejectMalformedUrls);
  app.use('/api', bearerAuth(security));
  // Export and import read their own, larger bodies, so they come before the JSON parser.
  app.use(
    '/api',
    exportRoutes(options.store, { timeoutMs: options.timeoutMs, log }),
    importRoutes(options.store, { canWrite: (req) => mayWrite(req, security), log }),
  );
  app.use(
    express.json({
      limit: BODY_LIMIT,
      strict: false,
      type: ['application/json', 'application/*+json'],
      verify: verifyUtf8Body,
    }),
  );

  const api = express.Router();
  api.use(metaRoutes(options.store, { savedQueries: options.savedQueries, version: options.version }));
  api.use(
    queryRoutes(options.store, { maxRows: options.maxRows, timeoutMs: options.timeoutMs, log, security }),
  );
  api.use(graphRoutes(options.store));
  api.use(notFoundHandler);
  app.use('/api', api);

  if (options.clientDir) {
    app.use(express.static(options.clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile('index.html', { root: options.clientDir }));
  }

  app.use(errorHandler(log));
  return app;
}
