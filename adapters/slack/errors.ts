// Slack Web API errors turned into Rounds errors at the edge, so nothing past the adapter knows the Slack SDK's error shapes.
import { ErrorCode } from '@slack/web-api';
import { PlatformRejectedError, PlatformUnavailableError, RateLimitedError, RoundsError } from '../../src/core/errors.ts';

/** Slack errors that say "fix something first": a retry will not help. */
const PERMANENT = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'user_not_found',
  'users_not_found',
  'channel_not_found',
  'is_archived',
  'cannot_dm_bot',
  'user_disabled',
  'invalid_blocks',
  'invalid_arguments',
  'msg_too_long',
  'too_many_users',
  'not_in_channel',
  'message_not_found',
  'cant_update_message',
  'invalid_metadata_format',
  'invalid_metadata_schema',
]);

export function toRoundsError(err: unknown, method: string): RoundsError {
  if (err instanceof RoundsError) return err;
  const code = (err as { code?: string }).code;
  switch (code) {
    case ErrorCode.RateLimitedError: {
      const seconds = (err as { retryAfter?: number }).retryAfter ?? 1;
      return new RateLimitedError(Math.max(1, seconds) * 1000, { cause: err });
    }
    case ErrorCode.PlatformError: {
      const slackError = (err as { data?: { error?: string } }).data?.error ?? 'unknown_error';
      return PERMANENT.has(slackError)
        ? new PlatformRejectedError(`${method}: ${slackError}`, { cause: err })
        : new PlatformUnavailableError(`${method}: ${slackError}`, { cause: err });
    }
    case ErrorCode.HTTPError: {
      const status = (err as { statusCode?: number }).statusCode ?? 0;
      return status >= 400 && status < 500 && status !== 408
        ? new PlatformRejectedError(`${method}: HTTP ${status}`, { cause: err })
        : new PlatformUnavailableError(`${method}: HTTP ${status}`, { cause: err });
    }
    default:
      return new PlatformUnavailableError(`${method}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  }
}
