// Edges found while nodes are still being written wait in a temporary file (one JSON line
// each), because every format writes all nodes before any edge. Memory stays flat.

import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { GraphEdge } from '../store/types.ts';
import { drained, endStream } from './textOut.ts';

const BIGINT = '$bigint';
const BIGINT_MARK = `"${BIGINT}"`;

/** One edge as a JSON line; bigints (rare) become {"$bigint": "digits"}. */
function encode(edge: GraphEdge): string {
  try {
    return JSON.stringify(edge);
  } catch {
    return JSON.stringify(edge, (_k, v: unknown) => (typeof v === 'bigint' ? { [BIGINT]: v.toString() } : v));
  }
}

/** A temporary file of edges: append while reading a result, then read them back in order. */
export class EdgeSpool {
  private file: WriteStream | undefined;
  private dir: string | undefined;
  private buffer = '';
  count = 0;

  async append(edge: GraphEdge): Promise<void> {
    this.count++;
    this.buffer += `${encode(edge)}\n`;
    if (this.buffer.length < 256 * 1024) return;
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.file) {
      this.dir = await mkdtemp(path.join(os.tmpdir(), 'lagebild-export-'));
      this.file = createWriteStream(path.join(this.dir, 'edges.ndjson'));
    }
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.file.write(chunk)) await drained(this.file);
  }

  /** The edges in the order they were appended. */
  async *edges(): AsyncGenerator<GraphEdge> {
    // A reviver costs on every value; only lines that hold a bigint need one.
    const revive = (line: string) =>
      (line.includes(BIGINT_MARK)
        ? JSON.parse(line, (_k, v: unknown) =>
            v !== null && typeof v === 'object' && BIGINT in v
              ? BigInt((v as Record<string, string>)[BIGINT]!)
              : v,
          )
        : JSON.parse(line)) as GraphEdge;
    if (this.file) {
      await this.flush();
      await endStream(this.file);
      const lines = readline.createInterface({
        input: createReadStream(this.file.path),
        crlfDelay: Infinity,
      });
      for await (const line of lines) if (line) yield revive(line);
    }
    for (const line of this.buffer.split('\n')) if (line) yield revive(line);
  }

  /** Deletes the temporary file. */
  async dispose(): Promise<void> {
    this.file?.destroy();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}
