// Health and the saved queries.

import { Router } from 'express';
import type { SavedQuery } from '../../savedQueries.ts';
import type { GraphStore } from '../../store/types.ts';
import { sendJson } from '../sendJson.ts';

export function metaRoutes(
  store: GraphStore,
  options: { savedQueries: SavedQuery[]; version: string },
): Router {
  const router = Router();

  router.get('/health', async (_req, res) => {
    const health = await store.health();
    sendJson(
      res,
      {
        status: health.ok ? 'ok' : 'unavailable',
        backend: health.backend,
        readOnly: health.readOnly,
        version: options.version,
        ...(health.message ? { message: health.message } : {}),
        ...(health.searchIndex ? { searchIndex: health.searchIndex } : {}),
        ...(health.hubCounts ? { hubCounts: health.hubCounts } : {}),
      },
      health.ok ? 200 : 503,
    );
  });

  router.get('/queries', (_req, res) => {
    sendJson(res, { queries: options.savedQueries });
  });

  return router;
}
