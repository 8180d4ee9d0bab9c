import { createEventStore } from '../../../schema/audit-log';
import { PatternCommandError } from '../../../schema/patterns/pattern-commands';
import {
  builtinSeedEventId,
  executePatternCommand,
  seedBuiltinPatterns,
} from '../../../schema/patterns/pattern-service';
import { listPatterns, patternSetVersion } from '../../../schema/projections/patterns.query';
import { builtinDetectors } from '../../../worker/dlp/detectors';
import { useTestDatabase } from '../../support/database';
import { adminMetadata } from '../../support/event-fixtures';

const testDb = useTestDatabase();

async function eventCount(): Promise<number> {
  return testDb.current.superuser(async (client) => {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM events');
    return Number(rows[0]?.count);
  });
}

describe('the first start', () => {
  it('seeds every built-in detector as a pattern authored by system, and a second start seeds nothing', async () => {
    const store = createEventStore(testDb.current.orm);
    const first = await seedBuiltinPatterns(store);
    expect(first.seeded).toHaveLength(builtinDetectors.length);
    const afterFirst = await eventCount();
    const versionAfterFirst = await patternSetVersion(testDb.current.orm);

    const second = await seedBuiltinPatterns(createEventStore(testDb.current.orm));

    expect(second).toEqual({ seeded: [], alreadyPresent: builtinDetectors.map((detector) => detector.id) });
    expect(await eventCount()).toBe(afterFirst);
    expect(await patternSetVersion(testDb.current.orm)).toBe(versionAfterFirst);
    const patterns = await listPatterns(testDb.current.orm);
    expect(patterns.filter((pattern) => pattern.builtin)).toHaveLength(builtinDetectors.length);
    const [seedEvent] = await store.readStream(`pattern:${builtinDetectors[0]!.id}`);
    expect(seedEvent).toMatchObject({
      id: builtinSeedEventId(builtinDetectors[0]!.id),
      metadata: { actor: { type: 'system', id: 'system' } },
    });
  });

  it('does not bring back a built-in an admin deleted', async () => {
    const store = createEventStore(testDb.current.orm);
    const target = builtinDetectors[0]!.id;
    await executePatternCommand(store, { type: 'DeletePattern', patternId: target }, adminMetadata);
    const result = await seedBuiltinPatterns(store);
    expect(result.seeded).toEqual([]);
    expect((await listPatterns(testDb.current.orm)).map((pattern) => pattern.id)).not.toContain(target);
  });
});

describe('pattern commands run against the store', () => {
  it('create, update and disable a pattern, and the worker-facing set follows', async () => {
    const store = createEventStore(testDb.current.orm);
    const before = await patternSetVersion(testDb.current.orm);
    await executePatternCommand(
      store,
      {
        type: 'CreatePattern',
        pattern: {
          id: 'acme-ids',
          name: 'ACME ids',
          regex: '\\bACME-[0-9]{6}\\b',
          severity: 'HIGH',
          action: 'ALERT',
        },
      },
      adminMetadata,
    );
    const updated = await executePatternCommand(
      store,
      { type: 'UpdatePattern', patternId: 'acme-ids', changes: { action: 'BLOCK' } },
      adminMetadata,
    );
    expect(updated.state).toMatchObject({ status: 'active', revision: 2, definition: { action: 'BLOCK' } });
    await executePatternCommand(store, { type: 'DisablePattern', patternId: 'acme-ids' }, adminMetadata);

    const enabledIds = (await listPatterns(testDb.current.orm, { enabledOnly: true })).map(
      (pattern) => pattern.id,
    );
    expect(enabledIds).not.toContain('acme-ids');
    const all = await listPatterns(testDb.current.orm);
    expect(all.find((pattern) => pattern.id === 'acme-ids')).toMatchObject({
      action: 'BLOCK',
      enabled: false,
    });
    expect(await patternSetVersion(testDb.current.orm)).toBeGreaterThan(before);
  });

  it('append nothing for a no-op command', async () => {
    const before = await eventCount();
    const result = await executePatternCommand(
      createEventStore(testDb.current.orm),
      { type: 'DisablePattern', patternId: 'acme-ids' },
      adminMetadata,
    );
    expect(result.events).toEqual([]);
    expect(await eventCount()).toBe(before);
  });

  it('refuse a pattern RE2 cannot compile with a clear error and no event', async () => {
    const before = await eventCount();
    await expect(
      executePatternCommand(
        createEventStore(testDb.current.orm),
        {
          type: 'CreatePattern',
          pattern: {
            id: 'lookbehind',
            name: 'Lookbehind',
            regex: '(?<=key=)\\w+',
            severity: 'LOW',
            action: 'LOG',
          },
        },
        adminMetadata,
      ),
    ).rejects.toThrow(PatternCommandError);
    expect(await eventCount()).toBe(before);
  });

  it('survive two admins changing the same pattern at once (the loser re-decides)', async () => {
    const store = createEventStore(testDb.current.orm);
    await Promise.all([
      executePatternCommand(
        store,
        { type: 'UpdatePattern', patternId: 'acme-ids', changes: { severity: 'LOW' } },
        adminMetadata,
      ),
      executePatternCommand(store, { type: 'EnablePattern', patternId: 'acme-ids' }, adminMetadata),
    ]);
    const pattern = (await listPatterns(testDb.current.orm)).find((candidate) => candidate.id === 'acme-ids');
    expect(pattern).toMatchObject({ severity: 'LOW', enabled: true });
  });
});
