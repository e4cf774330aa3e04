// Configuration, read once at start from environment variables and --flags (flags win),
// through one zod schema. A bad value stops the start with one line that names it.

import { z } from 'zod';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const integer = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

/** A shared secret: long enough that guessing it over HTTP is hopeless. */
const secret = z.string().min(16, { message: 'must be at least 16 characters long' });

export const configSchema = z.object({
  PORT: integer(0, 65535).default(3000),
  HOST: z.string().min(1, { message: 'must not be empty' }).default('127.0.0.1'),
  DATA_DIR: z.string().min(1, { message: 'must not be empty' }).default('./data'),
  READ_ONLY: boolean.default(false),
  QUERY_TIMEOUT_MS: integer(1, 3_600_000).default(30_000),
  MAX_ROWS: integer(1, 10_000_000).default(10_000),
  /** The embedded engine's page cache in MiB; unset, the engine takes up to 80 % of the memory. */
  CACHE_MB: integer(64, 4_194_304).optional(),
  /** Set to serve an existing Neo4j instead of the embedded database. */
  NEO4J_URI: z.string().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  /** Port of the Bolt endpoint serving the embedded database to Neo4j drivers; 0 turns it off. */
  BOLT_PORT: integer(0, 65535).default(7687),
  /** Password Bolt clients must log in with (basic auth, any user); required when HOST is not loopback. */
  BOLT_PASSWORD: z.string().min(1, { message: 'must not be empty' }).optional(),
  /** Bearer token every /api request must carry; required when HOST is not a loopback address. */
  AUTH_TOKEN: secret.optional(),
  /** When set, only requests carrying this bearer token may run statements that write. */
  WRITE_TOKEN: secret.optional(),
  /** The one browser origin allowed to call the API from another site; CORS is off when unset. */
  CORS_ORIGIN: z
    .string()
    .regex(/^https?:\/\/[^/\s]+$/, { message: 'must be an origin such as https://example.org (no path)' })
    .optional(),
});

export type Config = z.infer<typeof configSchema>;

const KEYS = Object.keys(configSchema.shape) as (keyof Config)[];

/** Turns `--data-dir x`, `--data-dir=x` and a bare `--read-only` into DATA_DIR=x, READ_ONLY=true. */
export function flagsToEnv(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--'))
      throw new ConfigError(`unexpected argument "${arg}"; options look like --port 3000`);
    const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const key = flag.toUpperCase().replaceAll('-', '_') as keyof Config;
    if (!KEYS.includes(key))
      throw new ConfigError(
        `unknown option --${flag}; known options: ${KEYS.map((k) => `--${k.toLowerCase().replaceAll('_', '-')}`).join(', ')}`,
      );
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      } else value = 'true';
    }
    out[key] = value;
  }
  return out;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** True for 127.0.0.0/8, ::1 and localhost: addresses other machines cannot reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Parses environment and flags; throws a ConfigError with one readable line on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv, argv: string[] = []): Config {
  const merged: Record<string, string | undefined> = {};
  for (const key of KEYS) if (env[key] !== undefined && env[key] !== '') merged[key] = env[key];
  Object.assign(merged, flagsToEnv(argv));
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]);
    throw new ConfigError(
      `Invalid configuration: ${key}=${/TOKEN|PASSWORD/.test(key) ? '(hidden)' : JSON.stringify(merged[key] ?? '')} ${issue.message}.`,
    );
  }
  const config = parsed.data;
  if (config.BOLT_PORT !== 0 && !config.NEO4J_URI && !isLoopback(config.HOST) && !config.BOLT_PASSWORD)
    throw new ConfigError(
      `Invalid configuration: HOST=${config.HOST} is reachable from other machines, so the Bolt endpoint needs a password: set BOLT_PASSWORD, or BOLT_PORT=0 to turn Bolt off.`,
    );
  return config;
}
