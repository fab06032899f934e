// The one error the matching engine throws: its input breaks a contract (duplicate ids, bad weights, unreadable dates).
import { RoundsError } from '../errors.ts';

export class MatchingInputError extends RoundsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid_matching_input', message, options);
  }
}
