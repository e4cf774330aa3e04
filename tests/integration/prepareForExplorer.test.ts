// A big graph gets its search index built in the background once it is opened, which the explorer
// needs; a command that only exports opens it without, so that the work does not share its cores.

import { describe, expect, it } from 'vitest';
import { freshStore } from '../_helpers/exportFixtures.ts';

/** A store holding 50,000 nodes, the size from which the index is built ahead. */
async function bigStore(prepareForExplorer: boolean | undefined) {
  const opened = await freshStore(prepareForExplorer === undefined ? {} : { prepareForExplorer });
  await opened.store.runScript([
    'CREATE NODE TABLE Item(uid STRING PRIMARY KEY, name STRING)',
    "UNWIND range(1, 50000) AS i CREATE (:Item {uid: 'item-' + CAST(i AS STRING), name: 'Ding ' + CAST(i AS STRING)})",
  ]);
  return opened;
}

describe('preparing a big graph for the explorer', () => {
  it('builds the search index ahead by default', async () => {
    const { store, dispose } = await bigStore(undefined);
    try {
      await store.searchIndex.whenIdle();
      expect((await store.health()).searchIndex).toBe('ready');
    } finally {
      await dispose();
    }
  });

  it('leaves it to the first search when told not to prepare, and that search still finds', async () => {
    const { store, dispose } = await bigStore(false);
    try {
      await store.searchIndex.whenIdle();
      expect((await store.health()).searchIndex).toBe('stale');
      const hits = await store.search('Ding 4711', { limit: 5 });
      expect(hits.map((hit) => hit.node.properties.uid)).toContain('item-4711');
    } finally {
      await dispose();
    }
  });
});
