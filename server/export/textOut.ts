// Text to a byte stream in large chunks, waiting for the stream to drain when it is full
// (backpressure), so a slow client slows the export down instead of filling memory.

import type { Writable } from 'node:stream';

const CHUNK_CHARS = 64 * 1024;

/** Buffers small writes into chunks of about 64K characters and respects backpressure. */
export class TextOut {
  private buffer = '';
  /** Bytes handed to the stream so far. */
  bytes = 0;

  constructor(private readonly out: Writable) {}

  /** Appends text; resolves at once unless a full chunk had to wait for the stream. */
  write(text: string): Promise<void> | undefined {
    this.buffer += text;
    return this.buffer.length >= CHUNK_CHARS ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.bytes += chunk.length;
    if (!this.out.write(chunk)) await drained(this.out);
  }

  /** Writes what is left and ends the stream; resolves when the stream has finished. */
  async end(): Promise<void> {
    await this.flush();
    await endStream(this.out);
  }
}

/** Resolves when `out` drains; rejects when it closes or fails first (the reader went away). */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('The output stream was closed.'));
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onError);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new Error('The output stream was closed.'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onError);
  });
}

/** Ends a stream and waits until everything written is flushed. */
export function endStream(out: Writable): Promise<void> {
  if (out.writableFinished) return Promise.resolve();
  return new Promise((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
}
