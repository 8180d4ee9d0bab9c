// The shapes of schema/schema.graphql that the console reads. Hand-written (the schema is small and stable) and
// checked against the emitted SDL when it changes; the browser tests run every query against the real API.

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export type Action = 'LOG' | 'ALERT' | 'REDACT' | 'BLOCK';
export type Role = 'ADMIN' | 'ANALYST' | 'AUDITOR' | 'INTEGRATION';
export type FindingSource = 'MESSAGE' | 'FILE';
export type OutcomeStatus = 'PENDING' | 'DONE' | 'FAILED';
export type StatsBucket = 'HOUR' | 'DAY';
export type ChannelMonitoringMode = 'ALL' | 'INCLUDE' | 'EXCLUDE';

export const SEVERITIES: readonly Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
export const ACTIONS: readonly Action[] = ['LOG', 'ALERT', 'REDACT', 'BLOCK'];
export const ROLES: readonly Role[] = ['ADMIN', 'ANALYST', 'AUDITOR', 'INTEGRATION'];
export const OUTCOMES: readonly OutcomeStatus[] = ['PENDING', 'DONE', 'FAILED'];

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount?: number;
}

export interface UserError {
  field: string[];
  message: string;
  code: string | null;
}

/** The signed-in API key. @example { keyId: 'bootstrap', name: 'admin', role: 'ADMIN', permissions: [...] } */
export interface Viewer {
  keyId: string;
  name: string;
  role: Role;
  permissions: string[];
}

export interface AuditEvent {
  id: string;
  position: string;
  type: string;
  streamId: string;
  streamVersion: number;
  occurredAt: string;
  recordedAt: string;
  actor: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  hash: string;
}

export interface Detection {
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
  confidence: number;
  maskedMatch: string;
  redactedContent: string | null;
  line: number | null;
  column: number | null;
  contentAvailable: boolean;
  /** How many times the raw content was revealed (each one a ContentRevealed event). */
  revealCount: number;
  detectedAt: string;
  events?: AuditEvent[];
}

export interface PatternFlags {
  caseInsensitive: boolean;
  multiline: boolean;
  dotAll: boolean;
}

export interface Pattern {
  id: string;
  name: string;
  description: string | null;
  regex: string;
  flags: PatternFlags;
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
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What createPattern/updatePattern/testPattern take (PatternInput). */
export interface PatternInput {
  name: string;
  description?: string | null;
  regex: string;
  flags?: Partial<PatternFlags>;
  secretGroup?: string | null;
  validator?: string | null;
  context?: { words: string[]; window?: number | null; required?: boolean } | null;
  allowlist?: { values?: string[]; regexes?: string[] } | null;
  rejectPlaceholders?: boolean;
  minEntropy?: number | null;
  severity: Severity;
  action: Action;
  enabled?: boolean;
  channelScope?: { include?: string[]; exclude?: string[] } | null;
}

export interface ScanFinding {
  patternId: string;
  patternName: string;
  severity: Severity;
  action: Action;
  confidence: number;
  start: number;
  end: number;
  line: number;
  column: number;
  maskedMatch: string;
}

export interface TestPatternResult {
  valid: boolean;
  errors: UserError[];
  samples: { index: number; findings: ScanFinding[] }[];
}

export interface AuditLogIntegrity {
  ok: boolean;
  checkedEvents: number;
  firstBrokenPosition: string | null;
  reason?: string | null;
  checkedAt: string;
}

export interface ActionCount {
  action: Action;
  count: number;
}

export interface Stats {
  from: string;
  to: string;
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
  series: { start: string; scans: number; detections: number; byAction: ActionCount[] }[];
  byPattern: { patternId: string; patternName: string; count: number }[];
  byChannel: { channelId: string; count: number }[];
  byAction: ActionCount[];
}

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface ChannelMonitoring {
  mode: ChannelMonitoringMode;
  channelIds: string[];
  updatedAt: string | null;
}
