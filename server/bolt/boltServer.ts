// Serves a GraphStore over Bolt 5, so that every official Neo4j driver (and the tools built on
// them) can query the embedded database: `bolt://host:7687` or `neo4j://host:7687`.

import net from 'node:net';
import type { GraphStore } from '../store/types.ts';
import { BoltConnection } from './connection.ts';

export interface BoltServerOptions {
  store: GraphStore;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** When set, clients must log in with basic auth carrying this password. */
  password?: string;
  /** The query time limit (QUERY_TIMEOUT_MS); also caps each transaction. */
  timeoutMs: number;
  /** Lagebild's version, reported by dbms.components(). */
  version: string;
  log?: (entry: Record<string, unknown>) => void;
}

export interface RunningBoltServer {
  /** The port actually listened on. */
  port: number;
  /** Stops accepting, closes every client connection (their transactions roll back). */
  close(): Promise<void>;
}

/** Starts listening; rejects when the port cannot be bound. */
export async function startBoltServer(options: BoltServerOptions): Promise<RunningBoltServer> {
  const log = options.log ?? (() => undefined);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    new BoltConnection(socket, {
      store: options.store,
      password: options.password,
      timeoutMs: options.timeoutMs,
      version: options.version,
      log,
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log({ level: 'error', msg: 'Bolt server error', error: error.message }));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
