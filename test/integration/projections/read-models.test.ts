import { randomUUID } from 'node:crypto';
import { createEventStore } from '../../../schema/audit-log';
import { DailyStatEntity, DetectionEntity, MonitoredChannelEntity } from '../../../schema/entities';
import { listPatterns, patternSetVersion } from '../../../schema/projections/patterns.query';
import { useTestDatabase } from '../../support/database';
import {
  adminMetadata,
  leakDetectedData,
  patternCreatedData,
  systemMetadata,
} from '../../support/event-fixtures';

const testDb = useTestDatabase();

describe('a message with a blocked card number', () => {
  it('shows one detection per finding, with the action taken and no raw secret', async () => {
    const store = createEventStore(testDb.current.orm);
    const stream = 'message:T0001:C0001:1700000000.000100';
    const first = leakDetectedData({ findingId: randomUUID() });
    const second = leakDetectedData({ findingId: randomUUID(), maskedMatch: '5500 **** **** 0004' });
    const occurredAt = new Date('2025-02-03T10:00:00.000Z');
    await store.append(
      stream,
      0,
      [
        {
          type: 'MessageScanned',
          data: {
            teamId: 'T0001',
            channelId: 'C0001',
            messageTs: '1700000000.000100',
            contentLength: 60,
            findingsCount: 2,
            patternSetVersion: 0,
          },
          occurredAt,
        },
        { type: 'LeakDetected', data: first, occurredAt },
        { type: 'LeakDetected', data: second, occurredAt },
      ],
      systemMetadata,
    );
    await store.append(
      stream,
      3,
      [
        {
          type: 'MessageBlocked',
          data: {
            teamId: 'T0001',
            channelId: 'C0001',
            messageTs: '1700000000.000100',
            findingIds: [first.findingId, second.findingId],
            authorNotified: true,
          },
          occurredAt,
        },
        {
          type: 'ActionFailed',
          data: {
            teamId: 'T0001',
            action: 'ALERT',
            findingIds: [first.findingId],
            errorCode: 'channel_not_found',
            message: 'the alert channel is gone',
            attempt: 1,
            retryable: false,
          },
          occurredAt,
        },
      ],
      systemMetadata,
    );

    const em = testDb.current.orm.em.fork();
    const rows = await em.find(DetectionEntity, { streamId: stream }, { orderBy: { maskedMatch: 'asc' } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      findingId: first.findingId,
      source: 'MESSAGE',
      teamId: 'T0001',
      channelId: 'C0001',
      messageTs: '1700000000.000100',
      patternName: 'Credit card number',
      maskedMatch: '4111 **** **** 1111',
      actionTaken: 'BLOCKED',
      status: 'ACTIONED',
      lastError: 'ALERT failed: channel_not_found',
    });
    expect(rows[0]!.detectedAt.toISOString()).toBe('2025-02-03T10:00:00.000Z');
    expect(rows[1]).toMatchObject({ actionTaken: 'BLOCKED', status: 'ACTIONED', lastError: null });

    const stats = await em.findOneOrFail(DailyStatEntity, { day: '2025-02-03', teamId: 'T0001' });
    expect(stats).toMatchObject({ messagesScanned: 1, detections: 2, blocked: 1, actionFailures: 1 });
  });
});

describe('a failed block that is never retried', () => {
  it('leaves the detection marked ACTION_FAILED with the error code', async () => {
    const store = createEventStore(testDb.current.orm);
    const finding = leakDetectedData({ messageTs: '1700000000.000200' });
    await store.append(
      'message:T0001:C0001:1700000000.000200',
      0,
      [{ type: 'LeakDetected', data: finding }],
      systemMetadata,
    );
    await store.append(
      'message:T0001:C0001:1700000000.000200',
      1,
      [
        {
          type: 'ActionFailed',
          data: {
            teamId: 'T0001',
            action: 'BLOCK',
            findingIds: [finding.findingId],
            errorCode: 'cant_delete_message',
            message: 'the admin token lacks chat:write',
            attempt: 3,
            retryable: false,
          },
        },
      ],
      systemMetadata,
    );
    const row = await testDb.current.orm.em
      .fork()
      .findOneOrFail(DetectionEntity, { findingId: finding.findingId });
    expect(row).toMatchObject({
      status: 'ACTION_FAILED',
      actionTaken: null,
      lastError: 'BLOCK failed: cant_delete_message',
    });
  });
});

describe('patterns authored through events', () => {
  it('are listed from the projection with their current state, and bump the pattern set version', async () => {
    const store = createEventStore(testDb.current.orm);
    const before = await patternSetVersion(testDb.current.orm);
    await store.append(
      'pattern:acme',
      0,
      [{ type: 'PatternCreated', data: patternCreatedData('acme') }],
      adminMetadata,
    );
    await store.append(
      'pattern:beta',
      0,
      [{ type: 'PatternCreated', data: patternCreatedData('beta') }],
      adminMetadata,
    );
    await store.append(
      'pattern:acme',
      1,
      [
        {
          type: 'PatternUpdated',
          data: {
            id: 'acme',
            name: 'ACME ids',
            regex: '\\bACME-[0-9]{8}\\b',
            flags: { caseInsensitive: true },
            severity: 'CRITICAL',
            action: 'BLOCK',
            changedFields: ['name', 'regex', 'flags', 'severity', 'action'],
          },
        },
        { type: 'PatternDisabled', data: { patternId: 'acme' } },
      ],
      adminMetadata,
    );
    await store.append(
      'pattern:beta',
      1,
      [{ type: 'PatternDeleted', data: { patternId: 'beta' } }],
      adminMetadata,
    );

    const all = await listPatterns(testDb.current.orm);
    expect(all.map((pattern) => pattern.id)).toEqual(['acme']);
    expect(all[0]).toMatchObject({
      name: 'ACME ids',
      severity: 'CRITICAL',
      enabled: false,
      flags: { caseInsensitive: true },
    });
    expect(await listPatterns(testDb.current.orm, { enabledOnly: true })).toEqual([]);
    expect(await patternSetVersion(testDb.current.orm)).toBeGreaterThan(before);
  });
});

describe('a channel switched off', () => {
  it('is recorded with who did it', async () => {
    const store = createEventStore(testDb.current.orm);
    await store.append(
      'channel:T0001:C0009',
      'any',
      [
        {
          type: 'ChannelMonitoringChanged',
          data: { teamId: 'T0001', channelId: 'C0009', channelName: 'random', monitored: true },
        },
      ],
      adminMetadata,
    );
    await store.append(
      'channel:T0001:C0009',
      'any',
      [{ type: 'ChannelMonitoringChanged', data: { teamId: 'T0001', channelId: 'C0009', monitored: false } }],
      adminMetadata,
    );
    const row = await testDb.current.orm.em
      .fork()
      .findOneOrFail(MonitoredChannelEntity, { teamId: 'T0001', channelId: 'C0009' });
    expect(row).toMatchObject({ channelName: 'random', monitored: false, changedBy: 'slack_user:U024BE7LH' });
  });
});

describe('a finding whose redacted content has quotes, backslashes, braces and emoji', () => {
  it('reaches the detections table unchanged', async () => {
    const tricky = `it's "quoted" \\ back\\slash {a,b} NULL 🔑 $1 '' E'x'`;
    const finding = leakDetectedData({ messageTs: '1700000000.000300', redactedContent: tricky });
    await createEventStore(testDb.current.orm).append(
      'message:T0001:C0001:1700000000.000300',
      0,
      [{ type: 'LeakDetected', data: finding }],
      systemMetadata,
    );
    const row = await testDb.current.orm.em
      .fork()
      .findOneOrFail(DetectionEntity, { findingId: finding.findingId });
    expect(row.redactedContent).toBe(tricky);
  });
});
