// Makes sure the data directory exists and can be written before the database opens, so that a
// wrong path, a read-only volume or a full disk stop the start with one line that says which.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'it is on a read-only file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a file stands where a directory should be',
  EEXIST: 'a file stands where a directory should be',
};

/** Thrown when the data directory cannot be used; the message is one line for the operator. */
export class DataDirError extends Error {
  override name = 'DataDirError';
}

/** Creates `dir` if needed and proves it writable with a small probe file; throws a DataDirError if not. */
export function prepareDataDir(dir: string, options: { readOnly?: boolean } = {}): void {
  const where = path.resolve(dir);
  try {
    mkdirSync(where, { recursive: true });
    if (options.readOnly) return;
    const probe = path.join(where, `.write-probe-${process.pid}`);
    writeFileSync(probe, 'lagebild');
    rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = REASONS[code] ?? (error instanceof Error ? error.message : String(error));
    throw new DataDirError(
      `The data directory ${where} cannot be ${options.readOnly ? 'created' : 'written'}: ${reason}${code ? ` (${code})` : ''}. Choose another with DATA_DIR or --data-dir, or fix its permissions.`,
    );
  }
}
