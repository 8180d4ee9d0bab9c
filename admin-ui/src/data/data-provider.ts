import {
  HttpError,
  type CreateParams,
  type DataProvider,
  type DeleteParams,
  type GetManyParams,
  type GetOneParams,
  type Identifier,
  type QueryFunctionContext,
  type RaRecord,
  type UpdateParams,
} from 'react-admin';
import { apiKeyStore } from '../auth/api-key-store';
import { graphqlRequest, throwUserErrors } from '../graphql/client';
import { INTEGRITY, ME, PATTERN_HISTORY, REVEAL_CONTENT, STATS, TEST_PATTERN } from '../graphql/documents';
import { subscribeToDetections, type LiveStatus } from '../graphql/live';
import type {
  AuditEvent,
  AuditLogIntegrity,
  ChannelMonitoringMode,
  Connection,
  Detection,
  Pattern,
  PatternInput,
  Role,
  Stats,
  StatsBucket,
  TestPatternResult,
  UserError,
  Viewer,
} from '../graphql/types';
import { CursorCache } from './cursor-cache';
import type { ResourceAdapter } from './resources/adapter';
import { apiKeys, createApiKey, revokeApiKey, type CreatedApiKey } from './resources/api-keys';
import { auditEvents } from './resources/audit-events';
import { channels, setChannelMonitoring } from './resources/channels';
import { detections } from './resources/detections';
import { patterns, setPatternEnabled } from './resources/patterns';

const adapters: Record<string, ResourceAdapter> = { detections, patterns, auditEvents, apiKeys, channels };

/** The calls beyond CRUD that screens make through `useDataProvider<LeakShieldDataProvider>()`. */
export interface LeakShieldMethods {
  me(): Promise<Viewer>;
  /** Opens a detection's sealed content; the API appends ContentRevealed first. Never cache the result. */
  revealContent(detectionId: string, reason?: string): Promise<string>;
  testPattern(input: PatternInput, samples: string[], signal?: AbortSignal): Promise<TestPatternResult>;
  auditLogIntegrity(): Promise<AuditLogIntegrity>;
  stats(
    params: { from: Date; to: Date; bucket: StatsBucket; top?: number },
    signal?: AbortSignal,
  ): Promise<Stats>;
  patternHistory(id: string, signal?: AbortSignal): Promise<AuditEvent[]>;
  setPatternEnabled(id: string, enabled: boolean): Promise<Pattern>;
  createApiKey(input: { name: string; role: Role }): Promise<CreatedApiKey>;
  revokeApiKey(id: string, reason?: string): Promise<RaRecord>;
  setChannelMonitoring(input: { mode: ChannelMonitoringMode; channelIds: string[] }): Promise<RaRecord>;
  /** Resolves with the function that ends the subscription (react-admin wants every method to return a Promise). */
  subscribeToDetections(
    onDetection: (d: Detection) => void,
    onStatus: (s: LiveStatus) => void,
  ): Promise<() => void>;
}

export type LeakShieldDataProvider = DataProvider & LeakShieldMethods;

function adapter(resource: string): ResourceAdapter {
  const found = adapters[resource];
  if (!found) throw new HttpError(`Unknown resource ${resource}.`, 404, { code: 'NOT_FOUND' });
  return found;
}

function unsupported(resource: string, what: string): never {
  throw new HttpError(`${resource} cannot be ${what} from the console.`, 405, { code: 'UNSUPPORTED' });
}

/**
 * react-admin's data provider over LeakShield's GraphQL API (cursor connections, see CursorCache for how numbered
 * pages map onto cursors), plus the custom calls of LeakShieldMethods.
 * @example <Admin dataProvider={createDataProvider()} … />
 */
export function createDataProvider(): LeakShieldDataProvider {
  const cache = new CursorCache();
  // Generic signatures: react-admin's record types are chosen by the caller; the API's records are RaRecords.
  const provider: LeakShieldDataProvider = {
    supportAbortSignal: true,
    getList: async (resource, params) => adapter(resource).getList(params, cache),
    getOne: async <R extends RaRecord>(resource: string, params: GetOneParams<R> & QueryFunctionContext) => ({
      data: (await adapter(resource).getOne(params.id, params.signal)) as R,
    }),
    getMany: async <R extends RaRecord>(
      resource: string,
      params: GetManyParams<R> & QueryFunctionContext,
    ) => {
      const a = adapter(resource);
      const settled = await Promise.allSettled(params.ids.map((id) => a.getOne(id, params.signal)));
      // A reference to something deleted (a pattern) must not blank the whole list: skip what is gone.
      return { data: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value as R] : [])) };
    },
    getManyReference: async (resource, params) =>
      adapter(resource).getList(
        { ...params, filter: { ...params.filter, [params.target]: params.id } },
        cache,
      ),
    create: async <R extends Omit<RaRecord, 'id'>, Result extends RaRecord = R & { id: Identifier }>(
      resource: string,
      params: CreateParams<R>,
    ) => {
      const a = adapter(resource);
      if (!a.create) unsupported(resource, 'created');
      const data = await a.create(params.data as Record<string, unknown>);
      cache.forget(resource);
      return { data: data as Result };
    },
    update: async <R extends RaRecord>(resource: string, params: UpdateParams<R>) => {
      const a = adapter(resource);
      if (!a.update) unsupported(resource, 'edited');
      const data = await a.update(params.id, changed(params.data, params.previousData), params.previousData);
      return { data: data as R };
    },
    updateMany: async (resource, params) => {
      const a = adapter(resource);
      if (!a.update) unsupported(resource, 'edited');
      const update = a.update.bind(a);
      for (const id of params.ids) await update(id, params.data as Record<string, unknown>, undefined);
      return { data: params.ids };
    },
    delete: async <R extends RaRecord>(resource: string, params: DeleteParams<R>) => {
      const a = adapter(resource);
      if (!a.delete) unsupported(resource, 'deleted');
      const data = await a.delete(params.id, params.previousData);
      cache.forget(resource);
      return { data: data as R };
    },
    deleteMany: async (resource, params) => {
      const a = adapter(resource);
      if (!a.delete) unsupported(resource, 'deleted');
      const remove = a.delete.bind(a);
      const done: Identifier[] = [];
      for (const id of params.ids) {
        await remove(id, undefined);
        done.push(id);
      }
      cache.forget(resource);
      return { data: done };
    },

    me: async () => (await graphqlRequest<{ me: Viewer }>(ME)).me,
    revealContent: async (detectionId, reason) => {
      const { revealContent } = await graphqlRequest<{
        revealContent: { content: string | null; userErrors: UserError[] };
      }>(REVEAL_CONTENT, { detectionId, ...(reason ? { reason } : {}) });
      throwUserErrors(revealContent.userErrors);
      if (revealContent.content === null)
        throw new HttpError('Nothing to reveal.', 404, { code: 'NO_RAW_CONTENT' });
      return revealContent.content;
    },
    testPattern: async (input, samples, signal) =>
      (await graphqlRequest<{ testPattern: TestPatternResult }>(TEST_PATTERN, { input, samples }, { signal }))
        .testPattern,
    auditLogIntegrity: async () =>
      (await graphqlRequest<{ auditLogIntegrity: AuditLogIntegrity }>(INTEGRITY)).auditLogIntegrity,
    stats: async ({ from, to, bucket, top = 8 }, signal) =>
      (
        await graphqlRequest<{ stats: Stats }>(
          STATS,
          { from: from.toISOString(), to: to.toISOString(), bucket, top },
          { signal },
        )
      ).stats,
    patternHistory: async (id, signal) => {
      const events: AuditEvent[] = [];
      let after: string | null = null;
      // A pattern's stream is short (one event per change); read it whole, a hundred at a time.
      for (let round = 0; round < 20; round++) {
        const { pattern }: { pattern: { history: Connection<AuditEvent> } | null } = await graphqlRequest(
          PATTERN_HISTORY,
          { id, first: 100, after },
          { signal },
        );
        if (!pattern) break;
        events.push(...pattern.history.edges.map((e) => e.node));
        if (!pattern.history.pageInfo.hasNextPage) break;
        after = pattern.history.pageInfo.endCursor;
      }
      return events;
    },
    setPatternEnabled,
    createApiKey: async (input) => {
      const created = await createApiKey(input);
      cache.forget('apiKeys');
      return created;
    },
    revokeApiKey,
    setChannelMonitoring,
    subscribeToDetections: async (onDetection, onStatus) => {
      const key = apiKeyStore.get();
      if (!key) return () => undefined;
      return subscribeToDetections(key, onDetection, onStatus);
    },
  };
  return provider;
}

/** Only the fields the form changed (plus the version, for the conflict check). */
function changed(data: Partial<RaRecord>, previous: RaRecord | undefined): Record<string, unknown> {
  if (!previous) return data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (JSON.stringify(v) !== JSON.stringify(previous[k])) out[k] = v;
  }
  if ('version' in previous) out.version = previous.version;
  return out;
}
