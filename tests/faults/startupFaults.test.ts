// A data directory that cannot be written, a full disk and a database locked by another process:
// each stops the start with one clear line, and nothing already stored is harmed.

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphChecksum } from '../_helpers/graphChecksum.ts';
import { runUntilExit, startServerProcess, type ServerProcess } from '../_helpers/serverProcess.ts';

const scratch: string[] = [];
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const server of running) server.child.kill('SIGKILL');
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lagebild-fault-'));
  scratch.push(dir);
  return dir;
}

/** The error line Lagebild printed (the last non-empty line of its output). */
const lastLine = (output: string) => output.trim().split('\n').at(-1) ?? '';

/** Mounting needs a private mount namespace (unshare -m) and the right to mount; not every machine gives both. */
const canMount =
  process.platform === 'linux' &&
  spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs /mnt'], { stdio: 'ignore' })
    .status === 0;

/** Runs Lagebild inside its own mount namespace after `setup` (shell) has mounted what it needs. */
const insideMountNamespace = (setup: string) => (argv: string[]) => [
  'unshare',
  '-m',
  'sh',
  '-c',
  `${setup} && exec "$@"`,
  'lagebild-fault',
  ...argv,
];

describe('a data directory that cannot be used', () => {
  it('refuses to start when a regular file stands in the data path, in one line', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'file'), 'not a directory');
    const { code, output } = await runUntilExit({ DATA_DIR: path.join(dir, 'file', 'data') });
    expect(code).toBe(1);
    expect(lastLine(output)).toMatch(
      /data directory .* cannot be written: a file stands where a directory should be/,
    );
  });

  it.skipIf(!canMount)(
    'refuses to start on a read-only volume, and leaves the database on it intact',
    async () => {
      const dir = await tempDir();
      // A database with the article graph, then the same directory mounted read-only over itself.
      const first = await startServerProcess({ DATA_DIR: dir });
      const before = await graphChecksum(first.url);
      first.child.kill('SIGTERM');
      await first.exited;
      const { code, output } = await runUntilExit(
        { DATA_DIR: dir },
        { wrap: insideMountNamespace(`mount --bind "${dir}" "${dir}" && mount -o remount,bind,ro "${dir}"`) },
      );
      expect(code).toBe(1);
      expect(lastLine(output)).toMatch(/cannot be written: it is on a read-only file system \(EROFS\)/);
      const again = await startServerProcess({ DATA_DIR: dir });
      running.push(again);
      expect(await graphChecksum(again.url)).toEqual(before);
      again.child.kill('SIGTERM');
      await again.exited;
    },
  );

  it.skipIf(!canMount)('refuses to start on a full disk, saying the disk is full', async () => {
    const dir = await tempDir();
    const { code, output } = await runUntilExit(
      { DATA_DIR: dir },
      {
        wrap: insideMountNamespace(
          `mount -t tmpfs -o size=512k tmpfs "${dir}" && (dd if=/dev/zero of="${dir}/fill" bs=64k 2>/dev/null; true)`,
        ),
      },
    );
    expect(code).toBe(1);
    expect(lastLine(output)).toMatch(/the disk is full \(ENOSPC\)/);
  });
});

describe('a database locked by another process', () => {
  it('refuses the second start with one line naming the cause, while the first keeps serving', async () => {
    const dir = await tempDir();
    const first = await startServerProcess({ DATA_DIR: dir });
    running.push(first);
    const before = await graphChecksum(first.url);
    const { code, output } = await runUntilExit({ DATA_DIR: dir });
    expect(code).toBe(1);
    expect(lastLine(output)).toMatch(/is in use by another process \(another Lagebild\?\)/);
    expect(lastLine(output)).not.toMatch(/\n|at .*\.ts:\d+/);
    expect(await graphChecksum(first.url)).toEqual(before);
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
  });
});

describe('exposure', () => {
  it('refuses to bind to 0.0.0.0 without AUTH_TOKEN', async () => {
    const dir = await tempDir();
    const { code, output } = await runUntilExit({ DATA_DIR: dir, HOST: '0.0.0.0' });
    expect(code).toBe(1);
    expect(lastLine(output)).toMatch(/^Refusing to start: HOST=0\.0\.0\.0 .* AUTH_TOKEN must be set/);
  });
});
