import pino, { type DestinationStream, type Logger } from 'pino';
import { builtinDetectors } from '../../worker/dlp/detectors';
import { redactText } from '../../worker/dlp/redact';
import { compileScanner, type Scanner } from '../../worker/dlp/scanner';

export type { Logger } from 'pino';

/**
 * Field names that may carry content or credentials. Their values never reach a log line, whatever they hold:
 * the code is not supposed to log them, and this makes a slip harmless.
 */
export const REDACTED_FIELDS = [
  'text',
  'content',
  'body',
  'message.text',
  'blocks',
  'attachments',
  'token',
  'accessToken',
  'refreshToken',
  'password',
  'secret',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'key',
];

let scrubber: Scanner | null = null;

/** Masks anything the built-in detectors recognise, in every string of a log record (the safety net). */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    if (value.length < 8) return value;
    scrubber ??= compileScanner(builtinDetectors);
    const findings = scrubber.scan(value);
    return findings.length > 0 ? redactText(value, findings) : value;
  }
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: scrubValue(value.message, depth + 1) };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, depth + 1)]));
}

/**
 * JSON logs (pino). Known content and credential fields are replaced by `[redacted]`; every other string is
 * passed through the DLP engine so a secret that slips into a message is masked before it is written.
 * @example const log = createLogger({ level: 'info', name: 'worker' }); log.info({ channelId }, 'message scanned');
 */
export function createLogger(
  options: { level?: string; name?: string } = {},
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      name: options.name ?? 'leakshield',
      base: { service: options.name ?? 'leakshield' },
      redact: { paths: [...REDACTED_FIELDS, ...REDACTED_FIELDS.map((f) => `*.${f}`)], censor: '[redacted]' },
      formatters: {
        log: (record) => scrubValue(record) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          // The message string itself goes through the scrubber too.
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrubValue(a) : a)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
