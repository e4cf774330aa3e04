// Builds the explorer (client/) with Vite into client/dist, or another directory.
// `tsx scripts/buildClient.ts --if-missing` builds only when client/dist/index.html is absent (npm start).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLIENT_ROOT = path.join(ROOT, 'client');
export const CLIENT_DIST = path.join(CLIENT_ROOT, 'dist');

/** Builds the client into `outDir` (client/dist by default); quiet unless `verbose`. */
export async function buildClient(options: { outDir?: string; verbose?: boolean } = {}): Promise<string> {
  const outDir = options.outDir ?? CLIENT_DIST;
  await build({
    root: CLIENT_ROOT,
    configFile: false,
    logLevel: options.verbose ? 'info' : 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  });
  return outDir;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const ifMissing = process.argv.includes('--if-missing');
  if (ifMissing && existsSync(path.join(CLIENT_DIST, 'index.html'))) process.exit(0);
  buildClient({ verbose: true }).catch((error: unknown) => {
    console.error(`Building the client failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
