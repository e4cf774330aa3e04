// Bolt's configuration: the default port, 0 to turn it off, and a password off loopback.

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('Bolt configuration', () => {
  it('listens on 7687 by default and takes 0 to turn Bolt off', () => {
    expect(loadConfig({}).BOLT_PORT).toBe(7687);
    expect(loadConfig({ BOLT_PORT: '0' }).BOLT_PORT).toBe(0);
    expect(() => loadConfig({ BOLT_PORT: '70000' })).toThrow(/BOLT_PORT="70000" must be at most 65535/);
  });

  it('refuses to serve Bolt beyond loopback without BOLT_PASSWORD', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/set BOLT_PASSWORD, or BOLT_PORT=0/);
    expect(loadConfig({ HOST: '0.0.0.0', BOLT_PASSWORD: 'sesam' }).BOLT_PASSWORD).toBe('sesam');
    expect(loadConfig({ HOST: '0.0.0.0', BOLT_PORT: '0' }).BOLT_PORT).toBe(0);
    expect(loadConfig({ HOST: 'localhost' }).HOST).toBe('localhost');
  });
});
