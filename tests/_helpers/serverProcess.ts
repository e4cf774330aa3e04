// Runs Lagebild as a real separate process (node --import tsx server/index.ts), for tests that
// kill it, signal it or watch it refuse to start.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The command that starts Lagebild; `wrap` puts it inside another command (e.g. unshare). */
function command(wrap?: (argv: string[]) => string[]): [string, string[]] {
  const argv = [process.execPath, '--import', 'tsx', path.join(ROOT, 'server/index.ts')];
  const full = wrap ? wrap(argv) : argv;
  return [full[0]!, full.slice(1)];
}

function launch(env: Record<string, string>, wrap?: (argv: string[]) => string[]) {
  const [file, args] = command(wrap);
  const child = spawn(file, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: '0',
      BOLT_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => text, exited };
}

/** Starts Lagebild and resolves once it listens; rejects with its output if it ends first. */
export async function startServerProcess(
  env: Record<string, string>,
  options: { timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const running = launch(env);
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let ended = false;
  void running.exited.then(() => (ended = true));
  while (Date.now() < deadline && !ended) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(running.output());
    if (match) return { ...running, url: match[1]! };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  running.child.kill('SIGKILL');
  throw new Error(`Lagebild did not start:\n${running.output()}`);
}

/** Starts Lagebild expecting it to refuse; resolves with its exit code and output. */
export async function runUntilExit(
  env: Record<string, string>,
  options: { wrap?: (argv: string[]) => string[]; timeoutMs?: number } = {},
): Promise<{ code: number | null; output: string }> {
  const running = launch(env, options.wrap);
  const timer = setTimeout(() => running.child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
  const { code } = await running.exited;
  clearTimeout(timer);
  return { code, output: running.output() };
}
