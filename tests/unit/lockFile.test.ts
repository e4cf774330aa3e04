import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../_helpers/lagebild.ts';

describe('package-lock.json', () => {
  it('locks every optional platform package of @ladybugdb/core, so that npm ci accepts it', () => {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    const optional = Object.keys(lock.packages['node_modules/@ladybugdb/core'].optionalDependencies ?? {});
    const missing = optional.filter((name) => !lock.packages[`node_modules/${name}`]);
    expect(missing, 'run: node scripts/lock-optional-platforms.mjs').toEqual([]);
  });
});
