// A bare Bolt client over a TCP socket, for what a driver will not do on purpose: send garbage,
// stop reading in the middle of a result, hang up with a transaction open, pick a version.

import net from 'node:net';
import { Dechunker, chunkMessage } from '../../server/bolt/chunking.ts';
import { Structure, pack, unpackMessage, type PackValue } from '../../server/bolt/packstream.ts';

export interface WireResponse {
  tag: number;
  name: 'SUCCESS' | 'RECORD' | 'IGNORED' | 'FAILURE' | 'OTHER';
  fields: PackValue[];
}

const NAMES: Record<number, WireResponse['name']> = {
  0x70: 'SUCCESS',
  0x71: 'RECORD',
  0x7e: 'IGNORED',
  0x7f: 'FAILURE',
};

export class WireClient {
  readonly socket: net.Socket;
  private buffer = Buffer.alloc(0);
  private readonly dechunker = new Dechunker();
  private readonly responses: WireResponse[] = [];
  private waiters: (() => void)[] = [];
  private handshakeDone = false;
  closed = false;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (data) => {
      if (!this.handshakeDone) {
        this.buffer = Buffer.concat([this.buffer, data]);
      } else {
        for (const message of this.dechunker.push(data)) {
          const structure = unpackMessage(message);
          this.responses.push({
            tag: structure.tag,
            name: NAMES[structure.tag] ?? 'OTHER',
            fields: structure.fields,
          });
        }
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private waitForChange(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  static connect(port: number): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new WireClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends the preamble and up to four proposals ([major, minor, range]); returns the server's 4-byte answer. */
  async handshake(proposals: [number, number, number][]): Promise<Buffer> {
    const bytes = Buffer.alloc(20);
    bytes.writeUInt32BE(0x6060b017, 0);
    proposals.forEach(([major, minor, range], i) =>
      bytes.writeUInt32BE((range << 16) | (minor << 8) | major, 4 + i * 4),
    );
    this.socket.write(bytes);
    while (this.buffer.length < 4 && !this.closed) await this.waitForChange();
    const answer = this.buffer.subarray(0, 4);
    this.buffer = this.buffer.subarray(4);
    this.handshakeDone = true;
    return answer;
  }

  /** Bolt 5.4 handshake, HELLO and LOGON. */
  async login(): Promise<void> {
    await this.handshake([[5, 4, 0]]);
    this.send(0x01, [{ user_agent: 'wire-test/1', bolt_agent: { product: 'wire-test/1' } }]);
    this.send(0x6a, [{ scheme: 'none' }]);
    await this.next();
    await this.next();
  }

  send(tag: number, fields: PackValue[]): void {
    this.socket.write(chunkMessage(pack(new Structure(tag, fields))));
  }

  /** Sends raw bytes as they are. */
  sendRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The next response; rejects when the server closed the connection first. */
  async next(): Promise<WireResponse> {
    while (this.responses.length === 0) {
      if (this.closed) throw new Error('the server closed the connection');
      await this.waitForChange();
    }
    return this.responses.shift()!;
  }

  /** Responses up to and including the next SUCCESS, FAILURE or IGNORED. */
  async untilSummary(): Promise<WireResponse[]> {
    const out: WireResponse[] = [];
    for (;;) {
      const response = await this.next();
      out.push(response);
      if (response.name !== 'RECORD') return out;
    }
  }

  /** Resolves once the server has closed the connection. */
  async waitClosed(): Promise<void> {
    while (!this.closed) await this.waitForChange();
  }

  destroy(): void {
    this.socket.destroy();
  }
}
