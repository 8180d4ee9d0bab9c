import type { EventData } from '../schema/events/registry';
import type { NewEvent, StreamWrite } from '../schema/store/types';

/**
 * A deterministic, realistic stream of audit-log appends: patterns being authored and tuned, channels switched on
 * and off, messages and files scanned with findings, the actions taken on them (some failing), reveals, API keys.
 * Used by the projection tests and by the benchmark.
 * @example for (const write of auditWorkload({ seed: 7, messages: 1000 })) await store.append(…write…)
 */
export interface WorkloadOptions {
  seed?: number;
  messages: number;
  teams?: number;
  start?: Date;
}

export interface WorkloadAppend extends StreamWrite {
  expectedVersion: number;
}

const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
const ACTIONS = ['LOG', 'ALERT', 'REDACT', 'BLOCK'] as const;

export function* auditWorkload(options: WorkloadOptions): Generator<WorkloadAppend> {
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const teams = Array.from(
    { length: options.teams ?? 3 },
    (_, index) => `T${String(index + 1).padStart(4, '0')}`,
  );
  const versions = new Map<string, number>();
  let clock = (options.start ?? new Date('2025-01-01T08:00:00.000Z')).getTime();
  const tick = (): Date => {
    clock += 1 + Math.floor(random() * 20_000);
    return new Date(clock);
  };
  let uuidCounter = 0;
  const uuid = (): string => {
    uuidCounter += 1;
    const hex = (Math.floor(random() * 0xffffffff) >>> 0).toString(16).padStart(8, '0');
    const counter = uuidCounter.toString(16).padStart(12, '0');
    return `${hex}-0000-4000-8000-${counter}`;
  };
  const append = (streamId: string, events: NewEvent[]): WorkloadAppend => {
    const expectedVersion = versions.get(streamId) ?? 0;
    versions.set(streamId, expectedVersion + events.length);
    return {
      streamId,
      expectedVersion,
      events: events.map((event) => ({ ...event, id: uuid() }) as NewEvent),
    };
  };

  const patterns = Array.from({ length: 12 }, (_, index) => ({
    id: `custom-${index}`,
    name: `Custom pattern ${index}`,
    severity: pick(SEVERITIES),
    action: pick(ACTIONS),
  }));
  for (const pattern of patterns) {
    const data: EventData<'PatternCreated'> = {
      id: pattern.id,
      name: pattern.name,
      regex: `\\bK${pattern.id.length}-[0-9]{6}\\b`,
      flags: {},
      severity: pattern.severity,
      action: pattern.action,
      enabled: true,
    };
    yield append(`pattern:${pattern.id}`, [{ type: 'PatternCreated', data, occurredAt: tick() }]);
  }
  for (const team of teams) {
    for (let channel = 1; channel <= 4; channel += 1) {
      yield append(`channel:${team}:C${channel}`, [
        {
          type: 'ChannelMonitoringChanged',
          data: {
            teamId: team,
            channelId: `C${channel}`,
            channelName: `general-${channel}`,
            monitored: true,
          },
          occurredAt: tick(),
        },
      ]);
    }
  }

  for (let message = 0; message < options.messages; message += 1) {
    const team = pick(teams);
    const channelId = `C${1 + Math.floor(random() * 4)}`;
    const userId = `U${1 + Math.floor(random() * 50)}`;
    const ts = `${1_700_000_000 + message}.${String(Math.floor(random() * 999_999)).padStart(6, '0')}`;
    const isFile = random() < 0.15;
    const findings = random() < 0.4 ? 1 + Math.floor(random() * 3) : 0;
    const streamId = isFile ? `file:${team}:F${message}` : `message:${team}:${channelId}:${ts}`;
    const scanned: NewEvent = isFile
      ? {
          type: 'FileScanned',
          data: {
            teamId: team,
            channelId,
            userId,
            fileId: `F${message}`,
            fileName: `report-${message}.pdf`,
            mimeType: 'application/pdf',
            sizeBytes: 10_000 + message,
            extractedLength: 5_000,
            findingsCount: findings,
            patternSetVersion: 12,
          },
          occurredAt: tick(),
        }
      : {
          type: 'MessageScanned',
          data: {
            teamId: team,
            channelId,
            userId,
            messageTs: ts,
            contentLength: 40 + (message % 400),
            findingsCount: findings,
            patternSetVersion: 12,
          },
          occurredAt: tick(),
        };
    const findingIds: string[] = [];
    const detected: NewEvent[] = [];
    let strictest = 0;
    for (let index = 0; index < findings; index += 1) {
      const pattern = pick(patterns);
      const findingId = uuid();
      findingIds.push(findingId);
      strictest = Math.max(strictest, ACTIONS.indexOf(pattern.action));
      detected.push({
        type: 'LeakDetected',
        data: {
          findingId,
          source: isFile ? 'FILE' : 'MESSAGE',
          teamId: team,
          channelId,
          userId,
          ...(isFile ? { fileId: `F${message}`, fileName: `report-${message}.pdf` } : { messageTs: ts }),
          patternId: pattern.id,
          patternName: pattern.name,
          severity: pattern.severity,
          action: pattern.action,
          confidence: Math.round(random() * 100) / 100,
          location: { line: 1, column: 5, start: 4, end: 20 },
          maskedMatch: `K${index}-****${String(message % 100).padStart(2, '0')}`,
          redactedContent: `see K${index}-****${String(message % 100).padStart(2, '0')} for details`,
        },
        occurredAt: tick(),
      });
    }
    if (random() < 0.02) {
      yield append(streamId, [
        {
          type: 'ScanFailed',
          data: {
            source: isFile ? 'FILE' : 'MESSAGE',
            teamId: team,
            channelId,
            ...(isFile ? { fileId: `F${message}` } : { messageTs: ts }),
            stage: isFile ? 'extract' : 'scan',
            errorCode: 'timeout',
            message: 'the scan took too long',
            attempt: 1,
            final: false,
          },
          occurredAt: tick(),
        },
      ]);
    }
    yield append(streamId, [scanned, ...detected]);
    if (findingIds.length === 0) continue;

    const action = ACTIONS[strictest]!;
    const outcome: NewEvent[] = [];
    if (random() < 0.1 && action !== 'LOG') {
      outcome.push({
        type: 'ActionFailed',
        data: {
          teamId: team,
          action: action === 'ALERT' ? 'ALERT' : action === 'REDACT' ? 'REDACT' : 'BLOCK',
          findingIds,
          channelId,
          errorCode: 'ratelimited',
          message: 'Slack asked us to slow down',
          attempt: 1,
          retryable: true,
        },
        occurredAt: tick(),
      });
    }
    if (action === 'BLOCK') {
      outcome.push(
        isFile
          ? {
              type: 'FileBlocked',
              data: { teamId: team, channelId, fileId: `F${message}`, findingIds },
              occurredAt: tick(),
            }
          : {
              type: 'MessageBlocked',
              data: { teamId: team, channelId, messageTs: ts, findingIds, authorNotified: random() < 0.9 },
              occurredAt: tick(),
            },
      );
    } else if (action === 'REDACT' && !isFile) {
      outcome.push({
        type: 'MessageRedacted',
        data: { teamId: team, channelId, messageTs: ts, findingIds },
        occurredAt: tick(),
      });
    }
    if (action !== 'LOG') {
      outcome.push({
        type: 'AlertSent',
        data: { teamId: team, findingIds, alertChannelId: 'CADMIN' },
        occurredAt: tick(),
      });
    }
    if (outcome.length > 0) yield append(streamId, outcome);

    if (random() < 0.01) {
      yield append(`finding:${findingIds[0]}`, [
        {
          type: 'ContentRevealed',
          data: { findingId: findingIds[0]!, teamId: team, reason: 'incident review' },
          occurredAt: tick(),
          metadata: { actor: { type: 'slack_user', id: 'UADMIN' } },
        },
      ]);
    }
    if (random() < 0.01) {
      const pattern = pick(patterns);
      yield append(`pattern:${pattern.id}`, [
        random() < 0.5
          ? { type: 'PatternDisabled', data: { patternId: pattern.id }, occurredAt: tick() }
          : { type: 'PatternEnabled', data: { patternId: pattern.id }, occurredAt: tick() },
      ]);
    }
    if (random() < 0.005) {
      const pattern = pick(patterns);
      yield append(`pattern:${pattern.id}`, [
        {
          type: 'PatternUpdated',
          data: {
            id: pattern.id,
            name: `${pattern.name} (tuned)`,
            regex: `\\bK${pattern.id.length}-[0-9]{6,8}\\b`,
            flags: { caseInsensitive: true },
            severity: pattern.severity,
            action: pattern.action,
            changedFields: ['name', 'regex', 'flags'],
          },
          occurredAt: tick(),
        },
      ]);
    }
    if (random() < 0.003) {
      const apiKeyId = uuid();
      yield append(`api-key:${apiKeyId}`, [
        {
          type: 'ApiKeyCreated',
          data: { apiKeyId, name: 'SIEM export', keyPrefix: 'lsk_ab12', scopes: ['audit:read'] },
          occurredAt: tick(),
        },
        { type: 'ApiKeyRevoked', data: { apiKeyId, reason: 'rotated' }, occurredAt: tick() },
      ]);
    }
    if (random() < 0.003) {
      const channel = `C${1 + Math.floor(random() * 4)}`;
      yield append(`channel:${team}:${channel}`, [
        {
          type: 'ChannelMonitoringChanged',
          data: { teamId: team, channelId: channel, monitored: random() < 0.5, reason: 'admin toggled' },
          occurredAt: tick(),
        },
      ]);
    }
  }
  yield append('pattern:custom-0', [
    { type: 'PatternDeleted', data: { patternId: 'custom-0' }, occurredAt: tick() },
  ]);
}

/** A small seeded PRNG so every run produces the same workload. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
