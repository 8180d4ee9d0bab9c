import { LogLevel, webApi } from '@slack/bolt';
import type { Logger } from '../../schema/observability/logger';
import type { Metrics } from '../../schema/observability/metrics';

/** A Slack call that did not work, in Slack's own words (`cant_delete_message`, `ratelimited`, `http_503`…). */
export interface SlackFailure {
  ok: false;
  code: string;
  /** Worth trying again later: rate limits after our own retries, Slack-side errors, the network. */
  retryable: boolean;
  /**
   * The request may have reached Slack and been carried out although no answer came back (a timeout, a dropped
   * connection, a 5xx): a retry of a delete may then find nothing to delete, and a retried post may post twice.
   */
  ambiguous?: boolean;
}

/** Methods that only read: safe to send again at once when the answer was lost. */
const IDEMPOTENT_METHODS = new Set([
  'auth.test',
  'files.info',
  'chat.getPermalink',
  'conversations.history',
  'conversations.replies',
]);

export type SlackResult<T> = ({ ok: true } & T) | SlackFailure;

/** Slack error codes that say "not now" rather than "no". */
const RETRYABLE_CODES = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

/** Codes that mean the token itself is no good (expired, revoked, rotated away). */
export const TOKEN_REJECTED_CODES = new Set(['token_expired', 'invalid_auth', 'token_revoked', 'not_authed']);

export interface SlackApiOptions {
  /** SLACK_API_URL; Slack's own when undefined. */
  slackApiUrl?: string;
  logger: Logger;
  metrics: Metrics;
  /** How many 429s in a row one call sits out (honouring Retry-After) before it is reported as `ratelimited`. */
  maxRateLimitRetries?: number;
  /** Longest single Retry-After honoured; a longer one is reported at once so the task retries later. */
  maxRetryAfterSeconds?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Calls Slack's Web API and turns every failure into a SlackFailure value. A 429 is honoured by waiting its
 * Retry-After in this call only: other tasks keep calling Slack meanwhile (the Web API client's own handling
 * would pause every call of the client). HTTP 5xx and network errors get two quick retries.
 * @example const result = await slack.call<{ ts: string }>('chat.postMessage', { channel, text }, botToken);
 */
export class SlackApi {
  private readonly client: webApi.WebClient;
  private readonly maxRateLimitRetries: number;
  private readonly maxRetryAfterSeconds: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SlackApiOptions) {
    this.client = new webApi.WebClient(undefined, {
      ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
      rejectRateLimitedCalls: true,
      // No retries inside the client: a lost answer to a write must not become a second write (see `call`).
      retryConfig: { retries: 0 },
      timeout: options.timeoutMs ?? 15_000,
      logLevel: LogLevel.ERROR,
      logger: quietLogger(options.logger),
    });
    this.maxRateLimitRetries = options.maxRateLimitRetries ?? 3;
    this.maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 60;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The Slack Web API base URL in use (ends with a slash). */
  get apiUrl(): string {
    return this.client.slackApiUrl;
  }

  async call<T extends object = Record<string, unknown>>(
    method: string,
    args: Record<string, unknown>,
    token: string | undefined,
  ): Promise<SlackResult<T>> {
    let rateLimited = 0;
    let lost = 0;
    for (;;) {
      try {
        const result = await this.client.apiCall(method, { ...args, ...(token ? { token } : {}) });
        return result as unknown as { ok: true } & T;
      } catch (error) {
        const failure = toFailure(error);
        if ('retryAfter' in failure) {
          // A 429 means Slack did nothing: waiting and sending again is safe for every method.
          if (rateLimited < this.maxRateLimitRetries && failure.retryAfter <= this.maxRetryAfterSeconds) {
            rateLimited += 1;
            this.options.metrics.slackApiErrors.inc({ method, code: 'ratelimited' });
            await this.sleep(Math.max(0, failure.retryAfter) * 1_000);
            continue;
          }
          return this.failed(method, { ok: false, code: 'ratelimited', retryable: true });
        }
        if (failure.ambiguous && IDEMPOTENT_METHODS.has(method) && lost < 2) {
          lost += 1;
          this.options.metrics.slackApiErrors.inc({ method, code: failure.code });
          await this.sleep(100 * 2 ** lost);
          continue;
        }
        return this.failed(method, failure);
      }
    }
  }

  private failed(method: string, failure: SlackFailure): SlackFailure {
    this.options.metrics.slackApiErrors.inc({ method, code: failure.code });
    this.options.logger.warn(
      { method, code: failure.code, retryable: failure.retryable },
      'Slack API call failed',
    );
    return failure;
  }
}

function toFailure(error: unknown): SlackFailure | { retryAfter: number } {
  const coded = error as {
    code?: unknown;
    data?: { error?: unknown };
    retryAfter?: unknown;
    statusCode?: unknown;
  };
  switch (coded?.code) {
    case webApi.ErrorCode.RateLimitedError:
      return { retryAfter: typeof coded.retryAfter === 'number' ? coded.retryAfter : 1 };
    case webApi.ErrorCode.PlatformError: {
      const code = typeof coded.data?.error === 'string' ? coded.data.error : 'unknown_error';
      return { ok: false, code: safeCode(code), retryable: RETRYABLE_CODES.has(code) };
    }
    case webApi.ErrorCode.HTTPError: {
      const status = typeof coded.statusCode === 'number' ? coded.statusCode : 0;
      const serverSide = status >= 500 || status === 0;
      return { ok: false, code: `http_${status}`, retryable: serverSide, ambiguous: serverSide };
    }
    case webApi.ErrorCode.RequestError:
      return { ok: false, code: 'request_error', retryable: true, ambiguous: true };
    default:
      return { ok: false, code: 'unexpected_error', retryable: true, ambiguous: true };
  }
}

/** Error codes go into events and metric labels: keep them to Slack's vocabulary's characters. */
function safeCode(code: string): string {
  const cleaned = code.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 100);
  return cleaned === '' ? 'unknown_error' : cleaned;
}

/** The Web API client logs request failures itself; ours are logged once, by `failed`, without arguments. */
function quietLogger(logger: Logger): webApi.Logger {
  const child = logger.child({ component: 'slack-web-api' });
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (...parts: unknown[]) => child.error(parts.map(String).join(' ')),
    setLevel: () => undefined,
    getLevel: () => LogLevel.ERROR,
    setName: () => undefined,
  };
}
