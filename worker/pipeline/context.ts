import type { Settings } from '../../schema/config/settings';
import type { Keyring } from '../../schema/crypto/content-encryption';
import type { Logger } from '../../schema/observability/logger';
import type { Metrics } from '../../schema/observability/metrics';
import type { EventStore } from '../../schema/store/event-store';
import type { ExtractLimits } from '../dlp/extract';
import type { ActivePatternSet } from '../patterns/active-pattern-set';
import type { EffectJournal } from '../reactors/effect-journal';
import type { ReactorContext } from '../reactors/reactor-context';

/** Limits on what one file task may download and extract. */
export interface FileLimits {
  /** Largest file downloaded at all; larger ones are recorded as skipped. */
  maxFileBytes: number;
  downloadTimeoutMs: number;
  /** Characters of one extracted part held for scanning; the rest of a giant part is not scanned (and said so). */
  maxPartChars: number;
  extract: Partial<ExtractLimits>;
}

export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  downloadTimeoutMs: 60_000,
  maxPartChars: 20 * 1024 * 1024,
  extract: {},
};

/** Findings recorded per message or file; a document full of one pattern is one leak told 1,000 times. */
export const MAX_FINDINGS_PER_TASK = 1_000;

/**
 * Everything one scan task is processed with.
 * @example await processTask(task, { attempt: 1, maxAttempts: 5 }, context);
 */
export interface PipelineContext {
  settings: Settings;
  store: EventStore;
  patterns: ActivePatternSet;
  reactors: ReactorContext;
  journal: EffectJournal;
  /** Set only when the operator asked for raw content to be kept (sealed); null otherwise. */
  rawContentKeyring: Keyring | null;
  fileLimits: FileLimits;
  logger: Logger;
  metrics: Metrics;
  now(): number;
}

/** Where a task is in its delivery life: SQS's receive count, and the last one before dead-lettering. */
export interface Attempt {
  attempt: number;
  maxAttempts: number;
}

/** A failure worth another delivery (a Slack rate limit, an outage, a concurrent worker): SQS retries with backoff. */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
  constructor(
    message: string,
    readonly stage: 'load-patterns' | 'download' | 'extract' | 'scan' | 'record' | 'act',
    readonly code: string,
  ) {
    super(message);
  }
}
