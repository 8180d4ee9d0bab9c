import type { Role } from '../../schema/access/roles';
import type { ChannelMonitoringMode } from '../../schema/channels/channel-monitoring';
import type { FindingSource } from '../../schema/events/common';
import type { Action, Severity } from '../../worker/dlp/types';
import type { Principal } from '../auth/roles';

/**
 * The shapes the services hand to resolvers: plain data, already named and typed as the GraphQL schema shows it,
 * so a resolver returns them as they are.
 */

/** A page read with keyset pagination: `items` in display order, `hasMore` beyond the page's far end. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
}

/** A page request in one direction (see api/graphql/relay.ts). */
export interface PageRequest<K> {
  direction: 'forward' | 'backward';
  size: number;
  cursor: K | null;
}

/** Who runs a command and for which request: becomes the appended events' metadata. */
export interface CommandContext {
  principal: Principal;
  requestId: string;
}

/** A problem with one input field, e.g. `{ field: ['input', 'regex'], message: '…', code: 'INVALID_REGEX' }`. */
export interface FieldError {
  field: string[];
  message: string;
  code: string | null;
}

// ---- patterns

export interface PatternFlagsRecord {
  caseInsensitive: boolean;
  multiline: boolean;
  dotAll: boolean;
}

export interface PatternRecord {
  id: string;
  name: string;
  description: string | null;
  regex: string;
  flags: PatternFlagsRecord;
  secretGroup: string | null;
  validator: string | null;
  context: { words: string[]; window: number; required: boolean } | null;
  allowlist: { values: string[]; regexes: string[] } | null;
  rejectPlaceholders: boolean;
  minEntropy: number | null;
  severity: Severity;
  action: Action;
  enabled: boolean;
  builtin: boolean;
  category: string | null;
  channelScope: { include: string[]; exclude: string[] } | null;
  /** The pattern stream's version: grows with every change, and is what updatePattern's expectedVersion checks. */
  version: number;
  /** Definition revisions: 1 when created, +1 per update. */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PatternFilter {
  search?: string;
  enabled?: boolean;
  builtin?: boolean;
  severity?: Severity[];
  action?: Action[];
}

/** Keyset position in the patterns list, ordered by name then id. */
export type PatternCursor = [name: string, id: string];

/** A pattern definition as an admin wrote it (the engine validates it). */
export type PatternDraft = Record<string, unknown>;

export type PatternMutationResult =
  { pattern: PatternRecord; userErrors: [] } | { pattern: null; userErrors: FieldError[] };

// ---- detections

export type OutcomeStatus = 'PENDING' | 'DONE' | 'FAILED';

export interface DetectionRecord {
  id: string;
  source: FindingSource;
  teamId: string;
  channelId: string | null;
  userId: string | null;
  messageTs: string | null;
  threadTs: string | null;
  fileId: string | null;
  fileName: string | null;
  patternId: string;
  patternName: string;
  patternVersion: number | null;
  severity: Severity;
  action: Action;
  outcome: OutcomeStatus;
  outcomeError: string | null;
  actionTaken: 'LOGGED' | 'ALERTED' | 'REDACTED' | 'BLOCKED' | null;
  confidence: number;
  maskedMatch: string;
  redactedContent: string | null;
  contentAvailable: boolean;
  revealCount: number;
  detectedAt: Date;
  /** The message's or file's stream: every event about it. */
  streamId: string;
}

export interface DetectionFilter {
  channelId?: string;
  userId?: string;
  patternId?: string;
  source?: FindingSource;
  severity?: Severity[];
  action?: Action[];
  from?: Date;
  to?: Date;
  search?: string;
  outcome?: OutcomeStatus;
}

export type DetectionOrderField = 'DETECTED_AT' | 'SEVERITY';
export type OrderDirection = 'ASC' | 'DESC';

export interface DetectionOrder {
  field: DetectionOrderField;
  direction: OrderDirection;
}

/** Keyset position: [detectedAt ISO, id] or [severity rank, detectedAt ISO, id]. */
export type DetectionCursor = Array<string | number>;

export type RevealResult =
  | { content: string; detection: DetectionRecord; userErrors: [] }
  | { content: null; detection: DetectionRecord; userErrors: FieldError[] };

// ---- audit log

export interface AuditEventRecord {
  id: string;
  /** A 64-bit integer, as a string. */
  position: string;
  type: string;
  streamId: string;
  streamVersion: number;
  /** The payload's schema version as written. */
  version: number;
  occurredAt: Date;
  recordedAt: Date;
  /** `system`, `api_key:<id>`, `slack_user:<id>`. */
  actor: string;
  data: unknown;
  metadata: unknown;
  hash: string;
  prevHash: string;
}

export interface AuditEventFilter {
  types?: string[];
  streamId?: string;
  streamIds?: string[];
  from?: Date;
  to?: Date;
  actor?: string;
}

export interface IntegrityRecord {
  ok: boolean;
  checkedEvents: number;
  firstBrokenPosition: string | null;
  reason: 'hash' | 'link' | null;
  lastPosition: string | null;
  lastHash: string | null;
  checkedAt: Date;
}

// ---- stats

export type StatsBucket = 'HOUR' | 'DAY';

export interface ActionCountRecord {
  action: Action;
  count: number;
}

export interface StatsPointRecord {
  start: Date;
  scans: number;
  detections: number;
  byAction: ActionCountRecord[];
}

export interface StatsRecord {
  /** The range as covered: `from` rounded down and `to` rounded up to whole buckets. */
  from: Date;
  to: Date;
  bucket: StatsBucket;
  totals: {
    scans: number;
    detections: number;
    blocked: number;
    redacted: number;
    alerted: number;
    logged: number;
    failedActions: number;
  };
  series: StatsPointRecord[];
  byAction: ActionCountRecord[];
}

export interface PatternCountRecord {
  patternId: string;
  patternName: string;
  count: number;
}

export interface ChannelCountRecord {
  channelId: string;
  count: number;
}

// ---- API keys and channels

export interface ApiKeyRecord {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface ChannelMonitoringRecord {
  mode: ChannelMonitoringMode;
  channelIds: string[];
  updatedAt: Date | null;
}
