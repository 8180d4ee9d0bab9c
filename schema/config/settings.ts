import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting LeakShield reads, validated once at start-up. Names follow the prototype's settings
 * (see .env.example). Secrets are never printed: error messages name the setting and the problem only.
 */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const postgresUrl = optionalText.refine(
  (v) => {
    if (v === undefined) return true;
    try {
      const url = new URL(v);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  {
    message: 'must be a postgres:// or postgresql:// URL with a host, e.g. postgres://user:pass@host:5432/db',
  },
);

const httpUrl = (example: string) =>
  optionalText.refine(
    (v) => {
      if (v === undefined) return true;
      try {
        const url = new URL(v);
        return url.protocol === 'http:' || url.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: `must be an http(s) URL, e.g. ${example}` },
  );

const encryptionKey = optionalText.refine((v) => v === undefined || decodeKey(v) !== null, {
  message: 'must be 32 bytes: 64 hex characters or 44 base64 characters (openssl rand -base64 32)',
});

const prefixed = (prefixes: string[], what: string) =>
  optionalText.refine((v) => v === undefined || prefixes.some((p) => v.startsWith(p)), {
    message: `must be ${what} (starting with ${prefixes.join(' or ')})`,
  });

const booleanFlag = (fallback: boolean) =>
  optionalText
    .refine((v) => v === undefined || /^(true|false|1|0|yes|no|on|off)$/i.test(v), {
      message: 'must be true or false',
    })
    .transform((v) => (v === undefined ? fallback : /^(true|1|yes|on)$/i.test(v)));

export const settingsSchema = z.object({
  NODE_ENV: optionalText,
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  DATABASE_URL: postgresUrl,
  LEAKSHIELD_DATA_DIR: optionalText,
  SQS_ENDPOINT: httpUrl('http://127.0.0.1:9324'),
  AWS_SQS_QUEUE_NAME: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be 1–80 letters, digits, "-" or "_"')
    .default('leakshield-scan'),
  AWS_DEFAULT_REGION: z
    .string()
    .trim()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as us-east-1')
    .default('us-east-1'),
  AWS_ACCESS_KEY_ID: optionalText,
  AWS_SECRET_ACCESS_KEY: optionalText,
  /** Create the queue and its dead-letter queue when missing (turn off where IAM forbids sqs:CreateQueue). */
  SQS_CREATE_QUEUES: booleanFlag(true),
  /** Receives before a task is dead-lettered and a ScanFailed is recorded. */
  SQS_MAX_RECEIVE_COUNT: z.coerce.number().int().min(1).max(1000).default(5),
  /** Seconds a received task stays invisible to other workers (extended while the scan runs). */
  SQS_VISIBILITY_TIMEOUT: z.coerce.number().int().min(5).max(43200).default(60),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: prefixed(['xoxb-'], 'a bot token'),
  SLACK_WORKSPACE_ACCESS_TOKEN: prefixed(['xoxp-', 'xoxe.xoxp-'], 'a user token'),
  SLACK_WORKSPACE_REFRESH_TOKEN: prefixed(['xoxe-'], 'a refresh token'),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_APP_LEVEL_TOKEN: prefixed(['xapp-'], 'an app-level token'),
  SLACK_API_URL: httpUrl('https://slack.com/api/'),
  SLACK_ADMIN_CHANNEL: optionalText,
  LEAKSHIELD_ADMIN_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 24, {
    message: 'must be at least 24 characters',
  }),
  LEAKSHIELD_ENCRYPTION_KEY: encryptionKey,
  /** Keys retired by a rotation, comma-separated, still able to open what they sealed. */
  LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS: optionalText.refine(
    (v) =>
      v === undefined || v.split(',').every((part) => part.trim() === '' || decodeKey(part.trim()) !== null),
    { message: 'must be a comma-separated list of 32-byte keys (64 hex or 44 base64 characters each)' },
  ),
  /** Keep the raw content of each finding, sealed with LEAKSHIELD_ENCRYPTION_KEY (off: only masked content). */
  LEAKSHIELD_STORE_RAW_CONTENT: booleanFlag(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Settings that only make sense together. Checked on the raw values so they show even beside field errors. */
function relationProblems(env: NodeJS.ProcessEnv): string[] {
  const set = (key: string): boolean => (env[key] ?? '').trim() !== '';
  const problems: string[] = [];
  const need = (when: boolean, key: string, message: string): void => {
    if (when) problems.push(`${key} ${message}`);
  };
  need(
    set('SLACK_SIGNING_SECRET') && !set('SLACK_BOT_TOKEN') && !set('SLACK_APP_LEVEL_TOKEN'),
    'SLACK_BOT_TOKEN',
    'is required when SLACK_SIGNING_SECRET is set (the bot posts notices and reads files)',
  );
  need(
    set('SLACK_BOT_TOKEN') && !set('SLACK_SIGNING_SECRET') && !set('SLACK_APP_LEVEL_TOKEN'),
    'SLACK_SIGNING_SECRET',
    'is required with SLACK_BOT_TOKEN to verify incoming Slack events (or set SLACK_APP_LEVEL_TOKEN for Socket Mode)',
  );
  need(
    set('SLACK_APP_LEVEL_TOKEN') && !set('SLACK_BOT_TOKEN'),
    'SLACK_BOT_TOKEN',
    'is required when SLACK_APP_LEVEL_TOKEN is set (Socket Mode still posts with the bot token)',
  );
  const refreshing = set('SLACK_WORKSPACE_REFRESH_TOKEN');
  need(refreshing && !set('SLACK_CLIENT_ID'), 'SLACK_CLIENT_ID', 'is required to refresh the admin token');
  need(
    refreshing && !set('SLACK_CLIENT_SECRET'),
    'SLACK_CLIENT_SECRET',
    'is required to refresh the admin token',
  );
  need(
    refreshing && !set('LEAKSHIELD_ENCRYPTION_KEY'),
    'LEAKSHIELD_ENCRYPTION_KEY',
    'is required to store rotated Slack tokens encrypted',
  );
  need(
    /^(true|1|yes|on)$/i.test((env.LEAKSHIELD_STORE_RAW_CONTENT ?? '').trim()) &&
      !set('LEAKSHIELD_ENCRYPTION_KEY'),
    'LEAKSHIELD_ENCRYPTION_KEY',
    'is required when LEAKSHIELD_STORE_RAW_CONTENT is on (raw content is only ever stored encrypted)',
  );
  need(
    set('AWS_ACCESS_KEY_ID') !== set('AWS_SECRET_ACCESS_KEY'),
    set('AWS_ACCESS_KEY_ID') ? 'AWS_SECRET_ACCESS_KEY' : 'AWS_ACCESS_KEY_ID',
    'is required: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together',
  );
  return problems;
}

export type Settings = z.output<typeof settingsSchema>;

/** Exit code for a configuration error (EX_CONFIG from sysexits.h). */
export const EXIT_CONFIG = 78;

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `LeakShield cannot start: ${problems.length} setting${problems.length > 1 ? 's are' : ' is'} wrong\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'SettingsError';
  }
}

/**
 * Reads settings from the environment (after loading `.env` from the working directory when present) and
 * reports every problem at once.
 * @example const settings = loadSettings(process.env);
 */
export function loadSettings(
  env: NodeJS.ProcessEnv = process.env,
  options: { dotenv?: boolean } = {},
): Settings {
  if (options.dotenv !== false && env === process.env) {
    const file = resolve(process.cwd(), '.env');
    if (existsSync(file)) process.loadEnvFile(file);
  }
  const parsed = settingsSchema.safeParse(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.') || '(settings)'} ${i.message}`)),
    ...relationProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new SettingsError(problems);
  return parsed.data;
}

/** A 32-byte key from hex or base64, or null. */
export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return key.length === 32 ? key : null;
  }
  return null;
}
