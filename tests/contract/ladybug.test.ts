// The contract suite against the embedded adapter on a fresh database with the article graph.

import { rm } from 'node:fs/promises';
import { openEmbeddedStore } from '../../server/store/openStore.ts';
import { CYPHER_DIR, makeDataDir } from '../_helpers/lagebild.ts';
import { runGraphStoreSpec } from './_spec.ts';

async function embedded(readOnly: boolean) {
  const dataDir = await makeDataDir();
  const { store } = await openEmbeddedStore(
    { DATA_DIR: dataDir, READ_ONLY: readOnly, QUERY_TIMEOUT_MS: 30_000 },
    CYPHER_DIR,
  );
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

runGraphStoreSpec('embedded LadybugDB', {
  dialect: 'ladybug',
  makeStore: () => embedded(false),
  makeReadOnlyStore: () => embedded(true),
});
