// Audit lines for writes made on this machine rather than by a network client: the command-line
// import and seed, and the server loading the article graph into an empty database at start.

import os from 'node:os';
import { auditWrite, type LogSink, type WriteOutcome } from './writeAudit.ts';

/** The operating-system user running this process, or undefined when the system cannot say. */
export function localUser(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return undefined;
  }
}

/** A command-line tool's audit sink: one JSON line on stderr, so stdout stays the tool's own report. */
export const stderrLog: LogSink = (entry) => process.stderr.write(`${JSON.stringify(entry)}\n`);

/** Logs one write done locally (`client: "local"`, the OS user), with what it loaded as the description. */
export function auditLocalWrite(
  log: LogSink,
  entry: {
    via: 'cli' | 'startup';
    outcome: WriteOutcome;
    description: string;
    elapsedMs: number;
    error?: string | undefined;
    extra?: Record<string, unknown> | undefined;
  },
): void {
  auditWrite(log, { client: 'local', user: localUser(), ...entry });
}
