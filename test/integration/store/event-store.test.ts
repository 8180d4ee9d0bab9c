import { randomUUID } from 'node:crypto';
import { EventValidationError } from '../../../schema/events/registry';
import { ConcurrencyError, IdempotencyConflictError } from '../../../schema/store/errors';
import { EventStore } from '../../../schema/store/event-store';
import { verifyChain } from '../../../schema/store/verify-chain';
import { useTestDatabase } from '../../support/database';
import {
  adminMetadata,
  leakDetectedData,
  patternCreatedData,
  systemMetadata,
} from '../../support/event-fixtures';

const testDb = useTestDatabase();
const store = (): EventStore => new EventStore(testDb.current.orm);

async function countEvents(): Promise<number> {
  return testDb.current.superuser(async (client) => {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM events');
    return Number(rows[0]?.count);
  });
}

describe('appending to a new stream', () => {
  it('stores the events in order with versions, positions, metadata and a hash chain', async () => {
    const occurredAt = new Date('2025-03-01T12:00:00.123Z');
    const result = await store().append(
      'pattern:acme-ids',
      0,
      [
        { type: 'PatternCreated', data: patternCreatedData('acme-ids'), occurredAt },
        { type: 'PatternDisabled', data: { patternId: 'acme-ids', reason: 'too noisy' }, occurredAt },
      ],
      adminMetadata,
    );

    expect(result.duplicate).toBe(false);
    expect(result.nextExpectedVersion).toBe(2);
    const [created, disabled] = await store().readStream('pattern:acme-ids');
    expect(created).toMatchObject({
      type: 'PatternCreated',
      streamVersion: 1,
      version: 2,
      metadata: adminMetadata,
    });
    expect(disabled).toMatchObject({
      type: 'PatternDisabled',
      streamVersion: 2,
      data: { reason: 'too noisy' },
    });
    expect(disabled!.position).toBeGreaterThan(created!.position);
    expect(disabled!.prevHash).toBe(created!.hash);
    expect(created!.occurredAt.toISOString()).toBe('2025-03-01T12:00:00.123Z');
    expect(await store().streamVersion('pattern:acme-ids')).toBe(2);
  });
});

describe('an append with a stale expected version', () => {
  it('fails with a ConcurrencyError that names the stream and both versions, and writes nothing', async () => {
    await store().append(
      'pattern:stale',
      0,
      [{ type: 'PatternCreated', data: patternCreatedData('stale') }],
      systemMetadata,
    );
    const before = await countEvents();

    const attempt = store().append(
      'pattern:stale',
      0,
      [{ type: 'PatternEnabled', data: { patternId: 'stale' } }],
      systemMetadata,
    );

    await expect(attempt).rejects.toThrow(ConcurrencyError);
    await expect(attempt).rejects.toThrow(
      'stream pattern:stale is at version 1, but the append expected version 0',
    );
    expect(await countEvents()).toBe(before);
  });

  it('lets exactly one of two racing writers win', async () => {
    await store().append(
      'pattern:race',
      0,
      [{ type: 'PatternCreated', data: patternCreatedData('race') }],
      systemMetadata,
    );
    const outcomes = await Promise.allSettled(
      [0, 1].map(() =>
        store().append(
          'pattern:race',
          1,
          [{ type: 'PatternDisabled', data: { patternId: 'race' } }],
          systemMetadata,
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConcurrencyError);
  });
});

describe('appending an event whose id is already stored', () => {
  it('is a no-op that returns the stored event', async () => {
    const id = randomUUID();
    const data = leakDetectedData();
    const first = await store().append(
      'message:T0001:C0001:1700000000.000100',
      0,
      [{ id, type: 'LeakDetected', data }],
      systemMetadata,
    );
    const before = await countEvents();

    // A redelivery: same id, same (now stale) expected version.
    const again = await store().append(
      'message:T0001:C0001:1700000000.000100',
      0,
      [{ id, type: 'LeakDetected', data }],
      systemMetadata,
    );

    expect(again.duplicate).toBe(true);
    expect(again.events[0]).toEqual(first.events[0]);
    expect(await countEvents()).toBe(before);
  });

  it('is refused when the id belongs to another stream', async () => {
    const id = randomUUID();
    await store().append(
      'pattern:owner',
      0,
      [{ id, type: 'PatternCreated', data: patternCreatedData('owner') }],
      systemMetadata,
    );
    await expect(
      store().append(
        'pattern:thief',
        0,
        [{ id, type: 'PatternCreated', data: patternCreatedData('thief') }],
        systemMetadata,
      ),
    ).rejects.toThrow(IdempotencyConflictError);
  });

  it('is refused when only part of the batch was stored before', async () => {
    const id = randomUUID();
    await store().append(
      'pattern:partial',
      0,
      [{ id, type: 'PatternCreated', data: patternCreatedData('partial') }],
      systemMetadata,
    );
    await expect(
      store().append(
        'pattern:partial',
        0,
        [
          { id, type: 'PatternCreated', data: patternCreatedData('partial') },
          { type: 'PatternDisabled', data: { patternId: 'partial' } },
        ],
        systemMetadata,
      ),
    ).rejects.toThrow('1 of the 2 events for pattern:partial were appended before');
  });
});

describe('an event whose payload breaks its schema', () => {
  it('is rejected before anything is written, naming the field but not its value', async () => {
    const before = await countEvents();
    const attempt = store().append(
      'message:T0001:C0001:1700000000.000200',
      0,
      // A stray raw secret in an unknown field must never reach the log.
      [{ type: 'LeakDetected', data: { ...leakDetectedData(), rawSecret: '4111111111111111' } as never }],
      systemMetadata,
    );
    await expect(attempt).rejects.toThrow(EventValidationError);
    await expect(attempt).rejects.toThrow(/rawSecret/);
    await expect(attempt).rejects.not.toThrow(/4111111111111111/);
    expect(await countEvents()).toBe(before);
  });

  it('is rejected when its type is unknown', async () => {
    await expect(
      store().append('pattern:x', 'any', [{ type: 'PatternExploded', data: {} } as never], systemMetadata),
    ).rejects.toThrow('PatternExploded is not a valid event: unknown event type');
  });

  it('is rejected when the metadata has no actor', async () => {
    await expect(
      store().append('pattern:y', 'any', [{ type: 'PatternEnabled', data: { patternId: 'y' } }], {} as never),
    ).rejects.toThrow(/actor/);
  });
});

describe('an event written in an old payload version', () => {
  it('is kept as written and read back upcast to the current version', async () => {
    const v1 = {
      id: 'legacy-pattern',
      name: 'Legacy pattern',
      regex: 'secret-[a-z]+',
      caseInsensitive: true,
      severity: 'LOW',
      action: 'LOG',
      enabled: true,
    };
    await store().append(
      'pattern:legacy-pattern',
      0,
      [{ type: 'PatternCreated', data: v1 as never, version: 1 }],
      systemMetadata,
    );

    const [event] = await store().readStream('pattern:legacy-pattern');
    expect(event?.version).toBe(1);
    expect(event?.type === 'PatternCreated' && event.data.flags).toEqual({ caseInsensitive: true });
    expect(event?.data).not.toHaveProperty('caseInsensitive');
    const stored = await testDb.current.superuser((client) =>
      client.query("SELECT version, data FROM events WHERE stream_id = 'pattern:legacy-pattern'"),
    );
    expect(stored.rows[0]).toMatchObject({ version: 1, data: { caseInsensitive: true } });
    expect((await verifyChain(testDb.current.orm)).ok).toBe(true);
  });
});

describe('reading the whole log', () => {
  it('pages by position and can narrow to event types', async () => {
    const all = await store().readAll({ limit: 1_000 });
    expect(all.length).toBeGreaterThan(3);
    const firstPage = await store().readAll({ limit: 2 });
    const secondPage = await store().readAll({ after: firstPage[1]!.position, limit: 2 });
    expect([...firstPage, ...secondPage].map((event) => event.id)).toEqual(
      all.slice(0, 4).map((event) => event.id),
    );
    const patternsOnly = await store().readAll({ types: ['PatternCreated'] });
    expect(patternsOnly.every((event) => event.type === 'PatternCreated')).toBe(true);
  });
});

describe('appends to several streams at once', () => {
  it('are written together or not at all', async () => {
    const before = await countEvents();
    await expect(
      store().appendToStreams(
        [
          {
            streamId: 'pattern:pair-a',
            expectedVersion: 0,
            events: [{ type: 'PatternCreated', data: patternCreatedData('pair-a') }],
          },
          {
            streamId: 'pattern:stale',
            expectedVersion: 0,
            events: [{ type: 'PatternEnabled', data: { patternId: 'stale' } }],
          },
        ],
        systemMetadata,
      ),
    ).rejects.toThrow(ConcurrencyError);
    expect(await countEvents()).toBe(before);
  });
});

describe('many writers appending at once', () => {
  it('keep one valid chain with unique, gap-free stream versions', async () => {
    const writers = 4;
    const perWriter = 25;
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        let version = 0;
        for (let index = 0; index < perWriter; index += 1) {
          const result = await store().append(
            `message:T0001:C000${writer}:1700000001.000000`,
            version,
            [
              { type: 'LeakDetected', data: leakDetectedData({ channelId: `C000${writer}` }) },
              { type: 'LeakDetected', data: leakDetectedData({ channelId: `C000${writer}` }) },
            ],
            systemMetadata,
          );
          version = result.nextExpectedVersion;
        }
      }),
    );
    const verification = await verifyChain(testDb.current.orm, { batchSize: 37 });
    expect(verification).toMatchObject({ ok: true, firstBrokenPosition: null });
    expect(verification.checkedEvents).toBe(await countEvents());
    expect(await store().streamVersion('message:T0001:C0003:1700000001.000000')).toBe(perWriter * 2);
  });
});

describe('concurrent appends through one store', () => {
  it('share transactions, yet a conflicting append fails alone', async () => {
    const shared = store();
    await shared.append(
      'pattern:group-conflict',
      0,
      [{ type: 'PatternCreated', data: patternCreatedData('group-conflict') }],
      systemMetadata,
    );
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, index) =>
        shared.append(
          `message:T0001:C0042:17000000${String(index).padStart(2, '0')}.000100`,
          0,
          [{ type: 'LeakDetected', data: leakDetectedData({ channelId: 'C0042' }) }],
          systemMetadata,
        ),
      ),
      shared.append(
        'pattern:group-conflict',
        0,
        [{ type: 'PatternEnabled', data: { patternId: 'group-conflict' } }],
        systemMetadata,
      ),
    ]);
    const failures = outcomes.filter(
      (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]!.reason).toBeInstanceOf(ConcurrencyError);
    const positions = outcomes
      .filter(
        (outcome): outcome is PromiseFulfilledResult<Awaited<ReturnType<EventStore['append']>>> =>
          outcome.status === 'fulfilled',
      )
      .map((outcome) => outcome.value.events[0]!.position);
    expect(new Set(positions).size).toBe(20);
    expect((await verifyChain(testDb.current.orm)).ok).toBe(true);
  });

  it('keep an append whose event id lives in another stream from failing the others', async () => {
    const shared = store();
    const taken = randomUUID();
    await shared.append(
      'pattern:id-owner',
      0,
      [{ id: taken, type: 'PatternCreated', data: patternCreatedData('id-owner') }],
      systemMetadata,
    );
    const [good, bad] = await Promise.allSettled([
      shared.append(
        'pattern:innocent',
        0,
        [{ type: 'PatternCreated', data: patternCreatedData('innocent') }],
        systemMetadata,
      ),
      shared.append(
        'pattern:id-thief',
        0,
        [{ id: taken, type: 'PatternCreated', data: patternCreatedData('id-thief') }],
        systemMetadata,
      ),
    ]);
    expect(good?.status).toBe('fulfilled');
    expect(bad?.status === 'rejected' && bad.reason).toBeInstanceOf(IdempotencyConflictError);
  });
});

describe('concurrent appends to one stream through one store', () => {
  it('get consecutive versions, and a repeated event id in the same moment is stored once', async () => {
    const shared = store();
    const id = randomUUID();
    const stream = 'message:T0001:C0099:1700000099.000100';
    const data = leakDetectedData({ channelId: 'C0099', messageTs: '1700000099.000100' });
    const [first, second, repeat] = await Promise.all([
      shared.append(stream, 'any', [{ id, type: 'LeakDetected', data }], systemMetadata),
      shared.append(
        stream,
        'any',
        [{ type: 'LeakDetected', data: { ...data, findingId: randomUUID() } }],
        systemMetadata,
      ),
      shared.append(stream, 'any', [{ id, type: 'LeakDetected', data }], systemMetadata),
    ]);
    expect([first.nextExpectedVersion, second.nextExpectedVersion]).toEqual([1, 2]);
    expect(repeat.duplicate).toBe(true);
    expect(repeat.events[0]!.position).toBe(first.events[0]!.position);
    expect(await shared.streamVersion(stream)).toBe(2);
  });
});
