// PackStream, the binary value format Bolt messages are written in: a writer that packs
// plain values and structures, and a reader that unpacks them (integers beyond 2^53 as bigint).

/** A PackStream structure: a one-byte tag and its fields (nodes, dates, messages...). */
export class Structure {
  constructor(
    readonly tag: number,
    readonly fields: PackValue[],
  ) {}
}

/** Float marks a number that must be packed as a float even when it is whole (e.g. 1.0). */
export class Float {
  constructor(readonly value: number) {}
}

export type PackValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | Float
  | Structure
  | PackValue[]
  | { [key: string]: PackValue };

/** Thrown when bytes are not valid PackStream; the connection that sent them is closed. */
export class PackStreamError extends Error {
  override name = 'PackStreamError';
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Packs values into a growing buffer. */
export class PackWriter {
  private buffer = Buffer.allocUnsafe(1024);
  private length = 0;

  /** The bytes written so far. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }

  private byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  private raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  pack(value: PackValue): void {
    if (value === null || value === undefined) return this.byte(0xc0);
    switch (typeof value) {
      case 'boolean':
        return this.byte(value ? 0xc3 : 0xc2);
      case 'number':
        return Number.isInteger(value) && Number.isSafeInteger(value)
          ? this.integer(BigInt(value))
          : this.float(value);
      case 'bigint':
        return this.integer(value);
      case 'string':
        return this.string(value);
    }
    if (value instanceof Float) return this.float(value.value);
    if (value instanceof Uint8Array) return this.bytesValue(value);
    if (value instanceof Structure) return this.structure(value);
    if (Array.isArray(value)) {
      this.header(value.length, 0x90, 0xd4);
      for (const item of value) this.pack(item);
      return;
    }
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    this.header(entries.length, 0xa0, 0xd8);
    for (const [key, item] of entries) {
      this.string(key);
      this.pack(item);
    }
  }

  private integer(value: bigint): void {
    if (value < INT64_MIN || value > INT64_MAX)
      throw new PackStreamError(`The integer ${value} does not fit into 64 bits.`);
    const n = Number(value);
    if (n >= -16 && n <= 127) return this.byte(n & 0xff);
    if (n >= -128 && n <= 127) {
      this.reserve(2);
      this.buffer[this.length++] = 0xc8;
      this.buffer.writeInt8(n, this.length++);
    } else if (n >= -32768 && n <= 32767) {
      this.reserve(3);
      this.buffer[this.length++] = 0xc9;
      this.buffer.writeInt16BE(n, this.length);
      this.length += 2;
    } else if (n >= -2147483648 && n <= 2147483647) {
      this.reserve(5);
      this.buffer[this.length++] = 0xca;
      this.buffer.writeInt32BE(n, this.length);
      this.length += 4;
    } else {
      this.reserve(9);
      this.buffer[this.length++] = 0xcb;
      this.buffer.writeBigInt64BE(value, this.length);
      this.length += 8;
    }
  }

  private float(value: number): void {
    this.reserve(9);
    this.buffer[this.length++] = 0xc1;
    this.buffer.writeDoubleBE(value, this.length);
    this.length += 8;
  }

  private string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    if (bytes.length < 16) this.byte(0x80 | bytes.length);
    else this.sizeMarker(bytes.length, 0xd0);
    this.raw(bytes);
  }

  private bytesValue(value: Uint8Array): void {
    this.sizeMarker(value.length, 0xcc);
    this.raw(value);
  }

  private structure(value: Structure): void {
    if (value.fields.length > 15)
      throw new PackStreamError(`A structure has at most 15 fields, not ${value.fields.length}.`);
    this.byte(0xb0 | value.fields.length);
    this.byte(value.tag);
    for (const field of value.fields) this.pack(field);
  }

  /** Tiny sizes fit into the marker's low nibble; larger ones take 8, 16 or 32 bits. */
  private header(size: number, tiny: number, sized: number): void {
    if (size < 16) this.byte(tiny | size);
    else this.sizeMarker(size, sized);
  }

  private sizeMarker(size: number, marker8: number): void {
    if (size < 0x100) {
      this.byte(marker8);
      this.byte(size);
    } else if (size < 0x10000) {
      this.reserve(3);
      this.buffer[this.length++] = marker8 + 1;
      this.buffer.writeUInt16BE(size, this.length);
      this.length += 2;
    } else {
      this.reserve(5);
      this.buffer[this.length++] = marker8 + 2;
      this.buffer.writeUInt32BE(size, this.length);
      this.length += 4;
    }
  }
}

/** Packs one value (a whole message is one structure) into bytes. */
export function pack(value: PackValue): Buffer {
  const writer = new PackWriter();
  writer.pack(value);
  return writer.bytes();
}

/** Unpacks values from one message's bytes. */
export class PackReader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}

  get done(): boolean {
    return this.offset >= this.buffer.length;
  }

  private need(count: number): void {
    if (this.offset + count > this.buffer.length)
      throw new PackStreamError('The message ended in the middle of a value.');
  }

  private u8(): number {
    this.need(1);
    return this.buffer[this.offset++]!;
  }

  private u16(): number {
    this.need(2);
    const value = this.buffer.readUInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  private u32(): number {
    this.need(4);
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  private slice(length: number): Buffer {
    this.need(length);
    const out = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  unpack(depth = 0): PackValue {
    if (depth > 64) throw new PackStreamError('Values are nested more than 64 levels deep.');
    const marker = this.u8();
    if (marker <= 0x7f) return marker;
    if (marker >= 0xf0) return marker - 0x100;
    const high = marker & 0xf0;
    if (high === 0x80) return this.text(marker & 0x0f);
    if (high === 0x90) return this.list(marker & 0x0f, depth);
    if (high === 0xa0) return this.map(marker & 0x0f, depth);
    if (high === 0xb0) return this.struct(marker & 0x0f, depth);
    switch (marker) {
      case 0xc0:
        return null;
      case 0xc1: {
        this.need(8);
        const value = this.buffer.readDoubleBE(this.offset);
        this.offset += 8;
        return new Float(value);
      }
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc8: {
        this.need(1);
        return this.buffer.readInt8(this.offset++);
      }
      case 0xc9: {
        this.need(2);
        const value = this.buffer.readInt16BE(this.offset);
        this.offset += 2;
        return value;
      }
      case 0xca: {
        this.need(4);
        const value = this.buffer.readInt32BE(this.offset);
        this.offset += 4;
        return value;
      }
      case 0xcb: {
        this.need(8);
        const value = this.buffer.readBigInt64BE(this.offset);
        this.offset += 8;
        return Number.isSafeInteger(Number(value)) ? Number(value) : value;
      }
      case 0xcc:
        return new Uint8Array(this.slice(this.u8()));
      case 0xcd:
        return new Uint8Array(this.slice(this.u16()));
      case 0xce:
        return new Uint8Array(this.slice(this.u32()));
      case 0xd0:
        return this.text(this.u8());
      case 0xd1:
        return this.text(this.u16());
      case 0xd2:
        return this.text(this.u32());
      case 0xd4:
        return this.list(this.u8(), depth);
      case 0xd5:
        return this.list(this.u16(), depth);
      case 0xd6:
        return this.list(this.u32(), depth);
      case 0xd8:
        return this.map(this.u8(), depth);
      case 0xd9:
        return this.map(this.u16(), depth);
      case 0xda:
        return this.map(this.u32(), depth);
    }
    throw new PackStreamError(`Unknown PackStream marker 0x${marker.toString(16).padStart(2, '0')}.`);
  }

  private text(length: number): string {
    return this.slice(length).toString('utf8');
  }

  private list(size: number, depth: number): PackValue[] {
    const out: PackValue[] = [];
    for (let i = 0; i < size; i++) out.push(this.unpack(depth + 1));
    return out;
  }

  private map(size: number, depth: number): Record<string, PackValue> {
    const out: Record<string, PackValue> = Object.create(null) as Record<string, PackValue>;
    for (let i = 0; i < size; i++) {
      const key = this.unpack(depth + 1);
      if (typeof key !== 'string') throw new PackStreamError('A map key must be a string.');
      out[key] = this.unpack(depth + 1);
    }
    return out;
  }

  private struct(size: number, depth: number): Structure {
    const tag = this.u8();
    const fields: PackValue[] = [];
    for (let i = 0; i < size; i++) fields.push(this.unpack(depth + 1));
    return new Structure(tag, fields);
  }
}

/** Unpacks one message: exactly one structure and nothing after it. */
export function unpackMessage(bytes: Buffer): Structure {
  const reader = new PackReader(bytes);
  const value = reader.unpack();
  if (!(value instanceof Structure)) throw new PackStreamError('A Bolt message must be a structure.');
  if (!reader.done) throw new PackStreamError('Bytes follow the end of the message.');
  return value;
}
