import type { ExtractLimits } from './types';

/** A file broke a limit or could not be read; its message becomes an `error` part and extraction goes on. */
export class ExtractError extends Error {
  /**
   * @param fatal true when the whole input must stop (its byte or time budget is spent), false when only the
   *   current file or entry is lost and its siblings can still be read.
   */
  constructor(
    message: string,
    readonly fatal = false,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}

export function isFatal(error: unknown): boolean {
  return error instanceof ExtractError && error.fatal;
}

/**
 * The budget shared by one input file and everything nested in it: bytes produced and time spent.
 * Time is counted only while the extractor works, not while the consumer holds a part or a chunk, so a slow
 * scanner cannot make a large but harmless file fail its budget.
 */
export class ExtractBudget {
  private extracted = 0;
  private spentMs = 0;
  private runningSince: number | null;

  constructor(
    readonly limits: ExtractLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.runningSince = now();
  }

  /** Counts bytes of inflated data or produced text; throws once the input as a whole goes past the limit. */
  charge(bytes: number): void {
    this.extracted += bytes;
    if (this.extracted > this.limits.maxExtractedBytes) {
      throw new ExtractError(
        `over maxExtractedBytes (${this.limits.maxExtractedBytes}): this input produced more than that ` +
          'much inflated or extracted data; the rest of it was not read',
        true,
      );
    }
  }

  get extractedBytes(): number {
    return this.extracted;
  }

  elapsedMs(): number {
    return this.spentMs + (this.runningSince === null ? 0 : this.now() - this.runningSince);
  }

  remainingMs(): number {
    return Math.max(0, this.limits.timeBudgetMs - this.elapsedMs());
  }

  checkTime(): void {
    if (this.elapsedMs() >= this.limits.timeBudgetMs) throw this.timeError();
  }

  timeError(): ExtractError {
    return new ExtractError(
      `over timeBudgetMs (${this.limits.timeBudgetMs}): extraction of this file took too long; ` +
        'the rest of it was not read',
      true,
    );
  }

  /** Called before handing something to the consumer. */
  pause(): void {
    if (this.runningSince === null) return;
    this.spentMs += this.now() - this.runningSince;
    this.runningSince = null;
  }

  /** Called when the consumer asks for more. */
  resume(): void {
    if (this.runningSince === null) this.runningSince = this.now();
  }
}

export function describeError(error: unknown): string {
  if (error instanceof ExtractError) return error.message;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
