// npm cannot lock @ladybugdb/core's optional platform packages that the registry does not
// serve (only core-linux-x64 exists), and `npm ci` then refuses the lock file as out of sync.
// This adds the missing entries as optional, platform-bound packages that npm skips on
// other platforms. Run it after `npm install` changes the lock: node scripts/lock-optional-platforms.mjs

/* global URL, console */
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const core = lock.packages['node_modules/@ladybugdb/core'];
let added = 0;
for (const [name, version] of Object.entries(core.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const [os, cpu] = name.replace('@ladybugdb/core-', '').split('-');
  lock.packages[key] = { version, cpu: [cpu], license: 'MIT', optional: true, os: [os] };
  added++;
}
const entries = Object.entries(lock.packages).sort(([a], [b]) =>
  a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
);
lock.packages = Object.fromEntries(entries);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  added
    ? `Added ${added} optional platform entries to package-lock.json.`
    : 'package-lock.json already complete.',
);
