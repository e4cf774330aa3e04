// Offline supply-chain guards (`npm audit` cannot reach an advisory service from here, and CI must
// not depend on the network): the lock file is committed and CI installs exactly it with `npm ci`,
// every locked package comes from the registry with a sha512 checksum, and no package is locked
// below the first version that fixed an advisory we checked it against (docs/security.md).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../_helpers/lagebild.ts';

interface LockedPackage {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  optional?: boolean;
  dev?: boolean;
}

const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
};
const locked = Object.entries(lock.packages).filter(([key]) => key !== '');

/**
 * First fixed versions of advisories that affected these packages (checked by hand; see the
 * "Supply chain" part of docs/security.md). A downgrade below any of them fails this test.
 */
const FIRST_FIXED: Record<string, { version: string; advisories: string }> = {
  express: { version: '5.0.0', advisories: 'CVE-2024-43796 (res.redirect XSS in 4.x/5.0 betas)' },
  'path-to-regexp': { version: '8.4.0', advisories: 'GHSA-j3q9-mxjg-w52f, GHSA-27v5-c462-wpq7 (ReDoS)' },
  'body-parser': { version: '2.2.1', advisories: 'GHSA-wqch-xfxh-vrr4' },
  qs: {
    version: '6.16.0',
    advisories: 'GHSA-6rw7-vpxm-498p, GHSA-w7fw-mjwx-w883, GHSA-x5fp-wj9c-mxmx (arrayLimit bypass)',
  },
  cookie: { version: '0.7.0', advisories: 'CVE-2024-47764' },
  'serve-static': { version: '2.1.0', advisories: 'GHSA-cm22-4g7w-348p' },
  send: { version: '1.1.0', advisories: 'GHSA-m6fv-jmcg-4jfg' },
  tar: {
    version: '7.5.20',
    advisories: 'GHSA-qffp-2rhf-9h96, GHSA-9ppj-qmqm-q256 and later path-traversal fixes',
  },
  esbuild: { version: '0.28.1', advisories: 'GHSA-gv7w-rqvm-qjhr, GHSA-g7r4-m6w7-qqqr' },
  vite: { version: '8.0.5', advisories: 'CVE-2026-39363, CVE-2026-39364, CVE-2026-39365 (dev server)' },
};

/** Compares dotted release versions numerically (pre-release tags are ignored). */
function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split('-')[0]!.split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

describe('the supply chain, checked without the network', () => {
  it('commits package-lock.json (lockfile v3) and CI installs exactly it with npm ci', () => {
    const tracked = execFileSync('git', ['ls-files', '--error-unmatch', 'package-lock.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(tracked.trim()).toBe('package-lock.json');
    expect(lock.lockfileVersion).toBe(3);
    const ci = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).not.toMatch(/^npm (install|i)\b/m);
  });

  it('locks every package from the npm registry with a sha512 checksum', () => {
    // Platform builds of @ladybugdb/core that the registry does not serve are locked by
    // scripts/lock-optional-platforms.mjs without a checksum; npm skips them on this platform.
    const unchecked = locked.filter(
      ([key, entry]) =>
        !entry.link &&
        !(entry.optional && key.startsWith('node_modules/@ladybugdb/core-')) &&
        !entry.integrity?.startsWith('sha512-'),
    );
    expect(unchecked.map(([key]) => key)).toEqual([]);
    const elsewhere = locked.filter(
      ([, entry]) =>
        entry.resolved !== undefined && !entry.resolved.startsWith('https://registry.npmjs.org/'),
    );
    expect(elsewhere.map(([key, entry]) => `${key} from ${entry.resolved}`)).toEqual([]);
  });

  it.each(Object.entries(FIRST_FIXED))('locks %s at or above its first fixed version', (name, fixed) => {
    const versions = locked
      .filter(([key]) => key === `node_modules/${name}` || key.endsWith(`/node_modules/${name}`))
      .map(([, entry]) => entry.version!);
    expect(
      versions.length,
      `${name} is no longer in the lock file; drop it from FIRST_FIXED`,
    ).toBeGreaterThan(0);
    const below = versions.filter((version) => compareVersions(version, fixed.version) < 0);
    expect(below, `${name} below ${fixed.version}: ${fixed.advisories}`).toEqual([]);
  });

  it('compares versions numerically, not as text', () => {
    expect(compareVersions('7.5.23', '7.5.20')).toBeGreaterThan(0);
    expect(compareVersions('6.9.0', '6.16.0')).toBeLessThan(0);
    expect(compareVersions('8.4.0', '8.4.0')).toBe(0);
    expect(compareVersions('0.28.0', '0.28.1')).toBeLessThan(0);
  });
});
