import type { MikroORM } from '@mikro-orm/postgresql';
import type { PubSub } from 'type-graphql';
import { executeChannelMonitoring } from './channel-monitoring.service';
import type { Settings } from '../../schema/config/settings';
import { keyringFromEnv, type Keyring } from '../../schema/crypto/content-encryption';
import { withConnection } from '../../schema/db/pg-connection';
import { databaseReadiness } from '../../schema/db/readiness';
import type { EventMetadata } from '../../schema/events/metadata';
import type { Logger } from '../../schema/observability/logger';
import { listPatterns as listActivePatterns } from '../../schema/projections/patterns.query';
import type { EventStore } from '../../schema/store/event-store';
import { verifyChain } from '../../schema/store/verify-chain';
import type { ApiServices } from '../services';
import { ApiKeys } from './api-keys.service';
import { eventsOfStreams, listAuditEvents } from './audit-events.service';
import { Authenticator } from './authentication';
import { readChannelMonitoringRecord } from './channel-monitoring.service';
import { revealContent } from './content-reveal.service';
import { DetectionFeed } from './detection-feed';
import { countDetections, detectionsBetween, getDetections, listDetections } from './detections.service';
import { countPatterns, getPattern, listPatterns, PatternCommands } from './patterns.service';
import { stats, topChannels, topPatterns } from './stats.service';
import type { CommandContext, IntegrityRecord } from './types';

/**
 * What `createApiServices` is built from.
 * @example await createApiServices({ orm, store, settings, logger, pubSub: createPubSub() as unknown as PubSub })
 */
export interface ApiServicesDeps {
  orm: MikroORM;
  store: EventStore;
  settings: Settings;
  logger: Logger;
  /** Where `detectionAdded` events are published (the one the schema was built with). */
  pubSub: PubSub;
  /** Keys that open stored raw content; default: LEAKSHIELD_ENCRYPTION_KEY (+ _PREVIOUS_KEYS) from settings. */
  keyring?: Keyring | null;
  /** Listen for detections and revocations from other processes (default true). */
  listen?: boolean;
}

/** Metadata of an event appended on behalf of an API request: the key that did it and the request id. */
export function commandMetadata(context: CommandContext): EventMetadata {
  return {
    actor: { type: 'api_key', id: context.principal.keyId },
    correlationId: context.requestId,
  };
}

/**
 * The API's services over the event store and its projections. Starts the LISTEN connection that feeds
 * `detectionAdded`; `close()` stops it.
 */
export async function createApiServices(deps: ApiServicesDeps): Promise<ApiServices> {
  const { orm, store, logger } = deps;
  const onConnection = <T>(work: Parameters<typeof withConnection<T>>[1]): Promise<T> =>
    withConnection(orm, work);
  const keyring =
    deps.keyring !== undefined
      ? deps.keyring
      : keyringFromEnv({
          LEAKSHIELD_ENCRYPTION_KEY: deps.settings.LEAKSHIELD_ENCRYPTION_KEY,
          LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS: process.env.LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS,
        });
  const apiKeys = new ApiKeys(orm, store);
  const patterns = new PatternCommands(orm, store);
  const authenticator = new Authenticator({
    adminToken: deps.settings.LEAKSHIELD_ADMIN_TOKEN,
    lookup: (hash) => apiKeys.principalOf(hash),
    touch: (keyId) => apiKeys.touch(keyId),
    onTouchError: (error) => logger.warn({ error }, 'could not record an API key’s last use'),
  });

  let integrity: Promise<IntegrityRecord> | null = null;
  const verify = (): Promise<IntegrityRecord> => {
    // Concurrent checks share one walk of the chain instead of each reading the whole log.
    integrity ??= verifyChain(orm)
      .then((result): IntegrityRecord => ({
        ok: result.ok,
        checkedEvents: result.checkedEvents,
        firstBrokenPosition: result.firstBrokenPosition === null ? null : String(result.firstBrokenPosition),
        reason: result.reason,
        lastPosition: result.lastPosition === null ? null : String(result.lastPosition),
        lastHash: result.lastHash,
        checkedAt: new Date(),
      }))
      .finally(() => {
        integrity = null;
      });
    return integrity;
  };

  const feed =
    deps.listen === false
      ? null
      : new DetectionFeed({
          url: orm.config.get('clientUrl') ?? '',
          pubSub: deps.pubSub,
          logger,
          detectionsBetween: (first, last) => onConnection((c) => detectionsBetween(c, first, last)),
          lastDetectionPosition: () =>
            onConnection(async (connection) => {
              const { rows } = await connection.query<{ position: string | null }>(
                "SELECT max(position)::text AS position FROM events WHERE type = 'LeakDetected'",
              );
              return rows[0]?.position ?? null;
            }),
          onRevocation: () => authenticator.invalidate(),
          onListening: (listening) => authenticator.setCaching(listening),
        });
  await feed?.start();

  return {
    authenticate: (token) => authenticator.authenticate(token),
    activePatterns: () => listActivePatterns(orm, { enabledOnly: true }),
    readiness: () => databaseReadiness(orm),

    listPatterns: (filter, page) => onConnection((c) => listPatterns(c, filter, page)),
    countPatterns: (filter) => onConnection((c) => countPatterns(c, filter)),
    getPattern: (id) => onConnection((c) => getPattern(c, id)),
    createPattern: (draft, context) => patterns.create(draft, commandMetadata(context)),
    updatePattern: (id, draft, expectedVersion, context) =>
      patterns.update(id, draft, expectedVersion, commandMetadata(context)),
    setPatternEnabled: (id, enabled, context) => patterns.setEnabled(id, enabled, commandMetadata(context)),
    deletePattern: (id, context) => patterns.delete(id, commandMetadata(context)),

    listDetections: (filter, order, page, options) =>
      onConnection((c) => listDetections(c, filter, order, page, options)),
    countDetections: (filter) => onConnection((c) => countDetections(c, filter)),
    getDetection: async (id) => (await onConnection((c) => getDetections(c, [id])))[0] ?? null,
    revealContent: (detectionId, reason, context) =>
      revealContent({ orm, store, keyring }, detectionId, reason, commandMetadata(context)),

    listAuditEvents: (filter, page) => onConnection((c) => listAuditEvents(c, filter, page)),
    eventsOfStreams: (streamIds) => onConnection((c) => eventsOfStreams(c, streamIds)),
    auditLogIntegrity: verify,

    stats: (from, to, bucket) => onConnection((c) => stats(c, from, to, bucket)),
    topPatterns: (from, to, limit) => onConnection((c) => topPatterns(c, from, to, limit)),
    topChannels: (from, to, limit) => onConnection((c) => topChannels(c, from, to, limit)),

    listApiKeys: () => apiKeys.list(),
    createApiKey: (name, role, context) => apiKeys.create(name, role, commandMetadata(context)),
    revokeApiKey: (id, reason, context) => apiKeys.revoke(id, reason, commandMetadata(context)),

    channelMonitoring: () => onConnection((c) => readChannelMonitoringRecord(c)),
    setChannelMonitoring: async (mode, channelIds, context) => {
      await executeChannelMonitoring(store, { mode, channelIds }, commandMetadata(context));
      return onConnection((c) => readChannelMonitoringRecord(c));
    },

    close: async () => {
      await feed?.close();
    },
  };
}
