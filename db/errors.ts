// The data layer's errors, as subclasses of the core's, so the core can catch them without knowing db/.
import { NotFoundError, RoundsError } from '../src/core/errors.ts';

/** The row an update or a reference names does not exist in that workspace (code `not_found`). */
export class RowNotFoundError extends NotFoundError {
  constructor(what: string, key: Record<string, string>, options?: { cause?: unknown }) {
    const where = Object.entries(key)
      .map(([name, value]) => `${name}=${value}`)
      .join(', ');
    super(what, `(${where})`);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** A delivery is already sent or failed, so no new send may start (code `delivery_not_pending`). */
export class DeliveryNotPendingError extends RoundsError {
  constructor(key: string, status: string) {
    super('delivery_not_pending', `delivery ${key} is ${status}, not pending`);
  }
}

/** A migration failed; the run is one transaction, so none of its migrations is applied (code `migration_failed`). */
export class MigrationError extends RoundsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('migration_failed', message, options);
  }
}

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Turns a foreign-key violation into RowNotFoundError. The composite (workspace_id, id) keys make
 * a reference to another workspace's row fail the same way as a reference to no row at all.
 */
export function rethrowMissingReference(error: unknown, what: string, key: Record<string, string>): never {
  if (typeof error === 'object' && error !== null && 'code' in error && error.code === FOREIGN_KEY_VIOLATION) {
    throw new RowNotFoundError(what, key, { cause: error });
  }
  throw error;
}
