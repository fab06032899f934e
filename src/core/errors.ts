// Errors of Rounds: each has a stable `code` for logs and metrics, and an optional `cause`.

export class RoundsError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

export class NotFoundError extends RoundsError {
  constructor(what: string, id: string) {
    super('not_found', `${what} ${id} not found`);
  }
}

/** The platform asked us to slow down; retry after `retryAfterMs`. */
export class RateLimitedError extends RoundsError {
  readonly retryAfterMs: number;

  constructor(retryAfterMs: number, options?: { cause?: unknown }) {
    super('rate_limited', `rate limited, retry after ${retryAfterMs} ms`, options);
    this.retryAfterMs = retryAfterMs;
  }
}

/** A platform call failed in a way a retry may fix (5xx, network). */
export class PlatformUnavailableError extends RoundsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('platform_unavailable', message, options);
  }
}

/** A platform call failed in a way no retry will fix (unknown user, revoked token). */
export class PlatformRejectedError extends RoundsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('platform_rejected', message, options);
  }
}

/** A CSV text could not be read; `line` is 1-based, as a spreadsheet shows it. */
export class CsvFormatError extends RoundsError {
  readonly line: number;
  /** `unclosed_quote`: a quoted cell opened on `line` never closes. */
  readonly problem: 'unclosed_quote' | 'invalid';

  constructor(line: number, message: string, options?: { cause?: unknown; problem?: 'unclosed_quote' | 'invalid' }) {
    super('csv_invalid', message, options);
    this.line = line;
    this.problem = options?.problem ?? 'invalid';
  }
}
