/**
 * The DLP engine's vocabulary: what a pattern is, and what a finding is.
 * Everything here is plain data so it can cross every boundary (CLI JSON, events, GraphQL) unchanged.
 */

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Ordered from the least to the most strict, so the strictest action wins with a simple max. */
export const ACTIONS = ['LOG', 'ALERT', 'REDACT', 'BLOCK'] as const;
export type Action = (typeof ACTIONS)[number];

export const VALIDATOR_NAMES = [
  'luhn',
  'iban',
  'us-ssn',
  'aba-routing',
  'github-token',
  'jwt',
  'npm-token',
  'slack-webhook',
  'email',
  'phone',
  'aws-secret-key',
  'pem-private-key',
  'url-credentials',
  'password-value',
  'generic-secret',
  'basic-auth',
  'discord-bot-token',
  'uk-nino',
] as const;
export type ValidatorName = (typeof VALIDATOR_NAMES)[number];

/** How a match is masked before it leaves the engine. */
export const MASK_STYLES = ['card', 'ssn', 'email', 'token', 'pem', 'url-credentials', 'full'] as const;
export type MaskStyle = (typeof MASK_STYLES)[number];

export interface PatternFlags {
  caseInsensitive?: boolean;
  /** `^` and `$` match at line boundaries. */
  multiline?: boolean;
  /** `.` matches a newline too. */
  dotAll?: boolean;
}

export interface ContextKeywords {
  /** Case-insensitive words looked for around the match. */
  words: string[];
  /** Characters on each side of the match that count as "near". Default 80. */
  window?: number;
  /** When true a match without any of the words nearby is not a finding. */
  required?: boolean;
}

export interface Allowlist {
  /** Exact values (compared with the secret part of the match) never reported. */
  values?: string[];
  /** RE2 regexes; a secret that matches any of them in full or in part is never reported. */
  regexes?: string[];
}

/**
 * A detection rule, admin-authored or built in.
 * @example
 * { id: 'github-pat-classic', name: 'GitHub personal access token', regex: '\\bghp_[A-Za-z0-9]{36}\\b',
 *   validator: 'github-token', severity: 'CRITICAL', action: 'BLOCK', keepPrefix: 4 }
 */
export interface PatternDefinition {
  id: string;
  name: string;
  description?: string;
  /** RE2 syntax: no backreferences, no lookaround, so scanning stays linear in the input. */
  regex: string;
  flags?: PatternFlags;
  /**
   * Which capture group holds the secret (a number, or the name of a named group `(?P<name>…)`).
   * Default: the whole match. Lets a pattern require a prefix such as `password=` without reporting it.
   */
  secretGroup?: number | string;
  validator?: ValidatorName;
  context?: ContextKeywords;
  allowlist?: Allowlist;
  /** Reject obvious placeholders (`XXXX`, `<your-key>`, `${TOKEN}`, `EXAMPLE`, repeated characters…). */
  rejectPlaceholders?: boolean;
  /** Minimum Shannon entropy (bits per character) of the secret; catches `password=password`. */
  minEntropy?: number;
  severity: Severity;
  action: Action;
  /** 0..1 before context keywords are counted. Default 0.7 (0.9 when a validator passed). */
  baseConfidence?: number;
  mask?: MaskStyle;
  /** Characters at the start of the secret that may be shown (a public prefix such as `ghp_`). */
  keepPrefix?: number;
  enabled?: boolean;
  /** Slack channels the pattern applies to; by default every monitored channel. */
  channelScope?: ChannelScope;
  builtin?: boolean;
  /** Free-form grouping for the detector catalogue (e.g. 'payment', 'cloud', 'identity'). */
  category?: string;
}

export interface ChannelScope {
  /** When non-empty, only these channel ids. */
  include?: string[];
  /** Never these channel ids. */
  exclude?: string[];
}

/** One thing the engine found. Holds no raw secret: only the masked form and where it was. */
export interface Finding {
  patternId: string;
  patternName: string;
  severity: Severity;
  action: Action;
  /** 0..1 */
  confidence: number;
  /** UTF-16 offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units from the line start. */
  column: number;
  maskedMatch: string;
}

export type Validator = (secret: string) => boolean;
