// Graph browsing endpoints: schema, search and a node's neighbourhood.

import { Router } from 'express';
import { invalidRequest } from '../../errors.ts';
import { searchPhraseOrWords } from '../../search/everyWord.ts';
import type { GraphStore } from '../../store/types.ts';
import { parseOrThrow } from '../errorHandler.ts';
import { neighborsQuerySchema, nodeIdSchema, searchQuerySchema } from '../schemas.ts';
import { sendJson } from '../sendJson.ts';

export function graphRoutes(store: GraphStore): Router {
  const router = Router();

  router.get('/schema', async (_req, res) => {
    sendJson(res, await store.schema());
  });

  router.get('/search', async (req, res) => {
    const { q, limit } = parseOrThrow(searchQuerySchema, req.query, 'search parameters');
    const hits = await searchPhraseOrWords((text, most) => store.search(text, { limit: most }), q, limit);
    sendJson(res, { query: q, hits });
  });

  router.get('/nodes/:id/neighbors', async (req, res) => {
    const id = parseOrThrow(nodeIdSchema, req.params.id, 'node id');
    const options = parseOrThrow(neighborsQuerySchema, req.query, 'neighbour parameters');
    if (options.types?.length) {
      const known = new Set((await store.schema()).relationshipTypes.map((t) => t.type));
      const unknown = options.types.filter((type) => !known.has(type));
      if (unknown.length > 0)
        throw invalidRequest(
          `Invalid neighbour parameters: types names relationship types this graph does not have: ${unknown.map((t) => JSON.stringify(t)).join(', ')}. Known types: ${[...known].sort().join(', ')}.`,
        );
    }
    const neighborhood = await store.neighbors(id, options);
    sendJson(res, {
      ...neighborhood,
      returned: neighborhood.edges.length,
      remaining: Math.max(0, neighborhood.total - options.offset - neighborhood.edges.length),
    });
  });

  router.get('/nodes/:id', async (req, res) => {
    const id = parseOrThrow(nodeIdSchema, req.params.id, 'node id');
    const [node] = await store.nodesById([id]);
    if (!node) {
      res.status(404).json({ error: { code: 'NotFound', message: `No node has the id "${id}".` } });
      return;
    }
    sendJson(res, node);
  });

  return router;
}
