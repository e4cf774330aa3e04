// Load test with writes (issue #7): 64 concurrent clients for 5 minutes by default, on a fresh
// copy of the article graph; see bench/lib/writeLoad.ts. Also part of npm run bench.
// Run: npm run bench:load [-- --seconds 300] [--clients 64] [--write-share 0.2]

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runWriteLoad, type WriteLoadOptions } from './lib/writeLoad.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function parseArgs(argv: string[]): WriteLoadOptions {
  const options: WriteLoadOptions = { seconds: 300, clients: 64, writeShare: 0.2 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], Number(argv[i + 1])];
    if (!Number.isFinite(value)) throw new Error(`${flag} needs a number`);
    if (flag === '--seconds') options.seconds = value;
    else if (flag === '--clients') options.clients = value;
    else if (flag === '--write-share') options.writeShare = value;
    else throw new Error(`unknown option ${flag}; known: --seconds, --clients, --write-share`);
  }
  return options;
}

async function main(): Promise<void> {
  const summary = await runWriteLoad(parseArgs(process.argv.slice(2)));
  console.log(JSON.stringify(summary, null, 2));
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    path.join(ROOT, 'bench', 'results', `load-${summary.when.replace(/[:.]/g, '-')}.json`),
    JSON.stringify(summary, null, 2),
  );
  if (summary.errors > 0 || summary.writesLost > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
