// The few errors Lagebild raises on purpose, each with a stable code and an HTTP status.
// Adapters translate engine errors into these; the HTTP layer maps them in one place.

export type ErrorCode =
  | 'InvalidRequest'
  | 'InvalidQuery'
  | 'NotFound'
  | 'Timeout'
  | 'ReadOnly'
  | 'Forbidden'
  | 'Unauthorized'
  | 'Unavailable'
  | 'PayloadTooLarge'
  | 'Internal';

const STATUS: Record<ErrorCode, number> = {
  InvalidRequest: 400,
  InvalidQuery: 400,
  NotFound: 404,
  Timeout: 408,
  ReadOnly: 403,
  Forbidden: 403,
  Unauthorized: 401,
  Unavailable: 503,
  PayloadTooLarge: 413,
  Internal: 500,
};

export interface IssueDetail {
  /** Where in the input the problem is, e.g. ["params", "x"]. */
  path: (string | number)[];
  message: string;
}

export class LagebildError extends Error {
  readonly code: ErrorCode;
  readonly details: IssueDetail[] | undefined;

  constructor(code: ErrorCode, message: string, options: { details?: IssueDetail[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'LagebildError';
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const invalidRequest = (message: string, details?: IssueDetail[]) =>
  new LagebildError('InvalidRequest', message, { details });
export const invalidQuery = (message: string, cause?: unknown) =>
  new LagebildError('InvalidQuery', message, { cause });
export const notFound = (message: string) => new LagebildError('NotFound', message);
export const timeout = (ms: number) =>
  new LagebildError(
    'Timeout',
    `The query ran longer than the time limit of ${ms} ms and was cancelled. Narrow it (add a LIMIT or a more selective MATCH) or raise QUERY_TIMEOUT_MS.`,
  );
export const busyTimeout = (ms: number, busy: number) =>
  new LagebildError(
    'Timeout',
    `No connection to the database became free within the time limit of ${ms} ms: all ${busy} were running other queries, so this one was not run. Try again in a moment, or cancel slow queries (they end at the time limit).`,
  );
export const readOnly = (message?: string) =>
  new LagebildError(
    'ReadOnly',
    message ?? 'This Lagebild runs read-only (READ_ONLY=true): writes are refused and nothing was changed.',
  );
export const unavailable = (message: string, cause?: unknown) =>
  new LagebildError('Unavailable', message, { cause });
