/**
 * An append's expected stream version was stale: someone else appended to the stream first.
 * The caller reloads the stream, decides again and retries.
 */
export class ConcurrencyError extends Error {
  override name = 'ConcurrencyError';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      `stream ${streamId} is at version ${actualVersion}, but the append expected version ${expectedVersion}: ` +
        'it was changed concurrently; reload it and try again',
    );
  }
}

/** An event id was reused for a different event, or a batch was only partly appended before. */
export class IdempotencyConflictError extends Error {
  override name = 'IdempotencyConflictError';
}
