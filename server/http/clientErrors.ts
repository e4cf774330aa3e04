// Requests that Node's HTTP parser refuses before express sees them (headers or URL over 16 KB,
// malformed request lines) get a JSON error that says what to do, like every other bad request,
// instead of a bare status line.

import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

const ANSWERS: Record<string, { status: number; reason: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    message:
      'The URL or headers are longer than 16 KB. Send long values in a POST body, e.g. a query with params.',
  },
};
const MALFORMED = {
  status: 400,
  reason: 'Bad Request',
  message: 'The request is not valid HTTP/1.1. Check the client; nothing was done.',
};

/** Answers parser-level errors on `server` with `{"error": {code, message}}` and closes the socket. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) {
      socket.destroy();
      return;
    }
    const answer = ANSWERS[error.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({ error: { code: 'InvalidRequest', message: answer.message } });
    socket.end(
      `HTTP/1.1 ${answer.status} ${answer.reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
