import type { Principal } from './auth/roles';
import type {
  ApiKeyRecord,
  AuditEventFilter,
  AuditEventRecord,
  ChannelCountRecord,
  ChannelMonitoringRecord,
  CommandContext,
  DetectionCursor,
  DetectionFilter,
  DetectionOrder,
  DetectionRecord,
  IntegrityRecord,
  Page,
  PageRequest,
  PatternCountRecord,
  PatternCursor,
  PatternDraft,
  PatternFilter,
  PatternMutationResult,
  PatternRecord,
  RevealResult,
  StatsBucket,
  StatsRecord,
} from './services/types';
import type { ChannelMonitoringMode } from '../schema/channels/channel-monitoring';
import type { Role } from '../schema/access/roles';
import type { Readiness } from '../schema/db/readiness';
import type { PatternDefinition } from '../worker/dlp/types';

export type * from './services/types';
export { createApiServices, type ApiServicesDeps } from './services/index';
export { DETECTION_ADDED } from './services/topics';

/**
 * What the API needs from the rest of the system. Resolvers call these and never touch SQL; the running
 * server wires them to the event store and its projections (`createApiServices`).
 * @example const page = await services.listDetections({ channelId: 'C1' }, order, { direction: 'forward', size: 20, cursor: null });
 */
export interface ApiServices {
  /** The principal for a presented bearer token, or null when the token is unknown or revoked. */
  authenticate(token: string): Promise<Principal | null>;
  /** The patterns a dry-run scan uses: every enabled pattern, built-in and custom. */
  activePatterns(): Promise<readonly PatternDefinition[]>;
  /** Database reachable and migrations applied. */
  readiness(): Promise<Readiness>;

  listPatterns(filter: PatternFilter, page: PageRequest<PatternCursor>): Promise<Page<PatternRecord>>;
  countPatterns(filter: PatternFilter): Promise<number>;
  /** A pattern that exists and is not deleted, or null. */
  getPattern(id: string): Promise<PatternRecord | null>;
  createPattern(draft: PatternDraft, context: CommandContext): Promise<PatternMutationResult>;
  /** Throws NOT_FOUND for an unknown or deleted pattern, CONFLICT when `expectedVersion` is stale. */
  updatePattern(
    id: string,
    draft: PatternDraft,
    expectedVersion: number,
    context: CommandContext,
  ): Promise<PatternMutationResult>;
  setPatternEnabled(id: string, enabled: boolean, context: CommandContext): Promise<PatternRecord>;
  /** Deleting a deleted pattern is a no-op; an unknown id throws NOT_FOUND. */
  deletePattern(id: string, context: CommandContext): Promise<void>;

  /** With `withTotal`, the page also carries how many detections match the filter (unless it is empty). */
  listDetections(
    filter: DetectionFilter,
    order: DetectionOrder,
    page: PageRequest<DetectionCursor>,
    options?: { withTotal?: boolean },
  ): Promise<Page<DetectionRecord> & { total?: number }>;
  countDetections(filter: DetectionFilter): Promise<number>;
  getDetection(id: string): Promise<DetectionRecord | null>;
  /** Throws NOT_FOUND for an unknown detection; appends ContentRevealed before returning the content. */
  revealContent(detectionId: string, reason: string, context: CommandContext): Promise<RevealResult>;

  listAuditEvents(filter: AuditEventFilter, page: PageRequest<number>): Promise<Page<AuditEventRecord>>;
  /** Every event of these streams, grouped by stream, oldest first (one query, for DataLoader). */
  eventsOfStreams(streamIds: readonly string[]): Promise<Map<string, AuditEventRecord[]>>;
  auditLogIntegrity(): Promise<IntegrityRecord>;

  stats(from: Date, to: Date, bucket: StatsBucket): Promise<StatsRecord>;
  topPatterns(from: Date, to: Date, limit: number): Promise<PatternCountRecord[]>;
  topChannels(from: Date, to: Date, limit: number): Promise<ChannelCountRecord[]>;

  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** The key is returned once, here; only its SHA-256 is stored. */
  createApiKey(
    name: string,
    role: Role,
    context: CommandContext,
  ): Promise<{ apiKey: ApiKeyRecord; key: string }>;
  /** Throws NOT_FOUND for an unknown key; revoking a revoked key changes nothing. */
  revokeApiKey(id: string, reason: string | undefined, context: CommandContext): Promise<ApiKeyRecord>;

  channelMonitoring(): Promise<ChannelMonitoringRecord>;
  setChannelMonitoring(
    mode: ChannelMonitoringMode,
    channelIds: string[],
    context: CommandContext,
  ): Promise<ChannelMonitoringRecord>;

  /** Stops background work (the LISTEN connection feeding `detectionAdded`). */
  close(): Promise<void>;
}
