// Starts the real Lagebild server as a child process (so that its event loop is not the
// benchmark's) on a free port, and waits until it listens.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Runs `tsx server/index.ts` with the given environment; resolves with its URL. */
export function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/index.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the server did not start within 180 s')), 180_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(`${error.message}\n${output.slice(-2000)}`));
    };
    child.on('exit', (code) => fail(new Error(`the server exited with code ${code}`)));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)\//.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout!.off('data', onData);
      // Keep the last of what the server says: if it dies during the run, that says why (a run
      // once stopped on "read ECONNRESET" with nothing else to go on).
      child.stdout!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
      let stopping = false;
      child.once('exit', (code, signal) => {
        if (!stopping)
          console.error(
            `The server exited during the run (code ${code}, signal ${signal}):\n${output.slice(-2000)}`,
          );
      });
      resolve({
        url: match[1]!,
        process: child,
        stop: () =>
          new Promise((done) => {
            stopping = true;
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
}
