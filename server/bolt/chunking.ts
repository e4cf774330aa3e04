// Bolt's message framing: a message travels as chunks (a 16-bit size, then that many bytes)
// and ends with a zero-size chunk. A zero-size chunk between messages is a keep-alive (NOOP).

/** Largest message we accept; a client sending more is closed rather than buffered without end. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const MAX_CHUNK = 0xffff;

/** Thrown when a client's framing is broken; the connection is then closed. */
export class FramingError extends Error {
  override name = 'FramingError';
}

/** Collects incoming bytes and hands out whole messages. */
export class Dechunker {
  private pending: Buffer = Buffer.alloc(0);
  private parts: Buffer[] = [];
  private messageBytes = 0;

  /** Adds received bytes; returns the messages they complete, in order. */
  push(data: Buffer): Buffer[] {
    this.pending = this.pending.length === 0 ? data : Buffer.concat([this.pending, data]);
    const messages: Buffer[] = [];
    let offset = 0;
    while (this.pending.length - offset >= 2) {
      const size = this.pending.readUInt16BE(offset);
      if (size === 0) {
        offset += 2;
        if (this.parts.length > 0) {
          messages.push(this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts));
          this.parts = [];
          this.messageBytes = 0;
        }
        continue;
      }
      if (this.pending.length - offset - 2 < size) break;
      this.messageBytes += size;
      if (this.messageBytes > MAX_MESSAGE_BYTES)
        throw new FramingError(`A message is larger than ${MAX_MESSAGE_BYTES} bytes.`);
      this.parts.push(Buffer.from(this.pending.subarray(offset + 2, offset + 2 + size)));
      offset += 2 + size;
    }
    this.pending = this.pending.subarray(offset);
    return messages;
  }
}

/** Frames one message's bytes as chunks followed by the end marker. */
export function chunkMessage(message: Buffer): Buffer {
  const chunks = Math.max(1, Math.ceil(message.length / MAX_CHUNK));
  const out = Buffer.allocUnsafe(message.length + chunks * 2 + 2);
  let written = 0;
  for (let from = 0; from < message.length; from += MAX_CHUNK) {
    const part = message.subarray(from, from + MAX_CHUNK);
    out.writeUInt16BE(part.length, written);
    part.copy(out, written + 2);
    written += part.length + 2;
  }
  out.writeUInt16BE(0, written);
  return out.subarray(0, written + 2);
}
