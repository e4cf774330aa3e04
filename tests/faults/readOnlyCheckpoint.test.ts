// A read-only open that meets a checkpoint under way: the engine refuses it while a checkpoint's
// shadow file lies beside the database. The file is planted for real (the engine writes it during
// every checkpoint); the store must wait for it to go, or say clearly what to do when it stays.

import { rm, unlink, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.ts';
import { embeddedDatabasePath, openEmbeddedStore } from '../../server/store/openStore.ts';
import { CYPHER_DIR, makeDataDir } from '../_helpers/lagebild.ts';

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A closed database holding the article graph, and the path of its shadow file. */
async function articleDatabase() {
  dataDir = await makeDataDir();
  const { store } = await openEmbeddedStore(
    { DATA_DIR: dataDir, READ_ONLY: false, QUERY_TIMEOUT_MS: 30_000 },
    CYPHER_DIR,
  );
  await store.close();
  const path = embeddedDatabasePath({ DATA_DIR: dataDir });
  return { path, shadow: `${path}.shadow` };
}

/** A read-only open that waits `checkpointWaitMs` for a checkpoint under way (the default when absent). */
const openReadOnly = (path: string, checkpointWaitMs?: number) =>
  LadybugStore.open({ path, readOnly: true, defaultTimeoutMs: 30_000, checkpointWaitMs });

const countries = async (store: LadybugStore) =>
  (await store.query('MATCH (c:Country) RETURN count(c) AS n')).rows[0]![0];

describe('a read-only open during a checkpoint', () => {
  it('waits until the checkpoint is over, then opens and reads', async () => {
    const { path, shadow } = await articleDatabase();
    await writeFile(shadow, '');
    setTimeout(() => void unlink(shadow), 400);
    const started = Date.now();
    const store = await openReadOnly(path, 10_000);
    try {
      expect(Date.now() - started).toBeGreaterThanOrEqual(350); // it waited for the checkpoint
      expect(store.readOnly).toBe(true);
      expect(Number(await countries(store))).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('says what to do when the checkpoint never ends, and leaves the data as it was', async () => {
    const { path, shadow } = await articleDatabase();
    const original = await openReadOnly(path);
    const before = await countries(original);
    await original.close();
    await writeFile(shadow, '');
    const error = await openReadOnly(path, 300).then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(error?.code).toBe('Unavailable');
    expect(error?.message).toMatch(/checkpoint is under way/);
    expect(error?.message).toMatch(/without READ_ONLY/);
    // The advice works: a writable open completes it, and the graph is whole.
    const writable = await LadybugStore.open({ path, readOnly: false, defaultTimeoutMs: 30_000 });
    expect(await countries(writable)).toEqual(before);
    await writable.close();
    const readOnly = await openReadOnly(path, 0);
    try {
      expect(await countries(readOnly)).toEqual(before);
    } finally {
      await readOnly.close();
    }
  });

  it('opens read-only at once right after a writable store closed (nothing left to checkpoint)', async () => {
    for (let i = 0; i < 5; i++) {
      const { path } = await articleDatabase();
      const store = await openReadOnly(path, 0);
      await store.close();
      await rm(dataDir!, { recursive: true, force: true });
    }
  });
});
