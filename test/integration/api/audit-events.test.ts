import { errorCode, useApiServer } from './api-harness';
import { appendMessage } from './detection-fixtures';

const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    edges { cursor node { id position type streamId streamVersion actor occurredAt recordedAt hash prevHash version } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface Node {
  id: string;
  position: string;
  type: string;
  streamId: string;
  actor: string;
  occurredAt: string;
  hash: string;
  prevHash: string;
}
interface ListResult {
  auditEvents: {
    edges: Array<{ cursor: string; node: Node }>;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

describe('the audit log over GraphQL', () => {
  const api = useApiServer();
  let everything: Node[] = [];

  beforeAll(async () => {
    for (let index = 0; index < 30; index += 1) {
      await appendMessage(api.store, {
        channelId: index % 2 ? 'C0001' : 'C0002',
        at: new Date(Date.parse('2025-05-01T00:00:00.000Z') + index * 3_600_000),
        findings: index % 3 === 0 ? [{}, {}] : [{}],
        outcome: index % 5 === 0 ? 'blocked' : undefined,
      });
    }
    // Some API activity, so there is more than one actor.
    await api.gql(
      'mutation { createPattern(input: { name: "Audit me", regex: "AUD-[0-9]{4}", severity: LOW, action: LOG }) { pattern { id } } }',
    );
    everything = await walk({}, 'forward', 100);
  }, 60_000);

  async function walk(filter: Record<string, unknown>, direction: 'forward' | 'backward', size: number) {
    const nodes: Node[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 100; guard += 1) {
      const variables: Record<string, unknown> =
        direction === 'forward'
          ? { first: size, after: cursor, filter }
          : { last: size, before: cursor, filter };
      const response: { data: ListResult | null; errors?: unknown } = await api.gql<ListResult>(
        LIST,
        variables,
      );
      expect(response.errors).toBeUndefined();
      const page = response.data!.auditEvents;
      const batch = page.edges.map((edge) => edge.node);
      if (direction === 'forward') nodes.push(...batch);
      else nodes.unshift(...batch);
      const more = direction === 'forward' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
      if (!more) return nodes;
      cursor = direction === 'forward' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
    }
    throw new Error('the pages never ended');
  }

  it('lists every event in position order, each linked to the one before by its hash', () => {
    expect(everything.length).toBeGreaterThan(80);
    for (let index = 1; index < everything.length; index += 1) {
      expect(BigInt(everything[index]!.position)).toBeGreaterThan(BigInt(everything[index - 1]!.position));
      expect(everything[index]!.prevHash).toBe(everything[index - 1]!.hash);
    }
  });

  it('pages backwards to the same sequence, for every page size', async () => {
    for (const size of [1, 7, 100]) {
      expect((await walk({}, 'backward', size)).map((node) => node.id)).toEqual(
        everything.map((node) => node.id),
      );
    }
  });

  it('filters by one type and by several, both ways, keeping log order', async () => {
    const one = everything.filter((node) => node.type === 'LeakDetected');
    expect(await walk({ types: ['LeakDetected'] }, 'forward', 6)).toEqual(one);
    expect(await walk({ types: ['LeakDetected'] }, 'backward', 6)).toEqual(one);
    const several = everything.filter((node) =>
      ['MessageBlocked', 'PatternCreated', 'MessageScanned'].includes(node.type),
    );
    const types = ['MessageBlocked', 'PatternCreated', 'MessageScanned'];
    expect(await walk({ types }, 'forward', 4)).toEqual(several);
    expect(await walk({ types }, 'backward', 4)).toEqual(several);
  });

  it('filters by stream, actor and time range', async () => {
    const stream = everything[5]!.streamId;
    expect(await walk({ streamId: stream }, 'forward', 100)).toEqual(
      everything.filter((node) => node.streamId === stream),
    );
    const actor = `api_key:${api.keyIds.ADMIN}`;
    const byAdmin = await walk({ actor }, 'forward', 100);
    expect(byAdmin.map((node) => node.type)).toEqual(['PatternCreated']);
    expect(await walk({ actor: 'system:worker', types: ['MessageBlocked'] }, 'forward', 100)).toEqual(
      everything.filter((node) => node.type === 'MessageBlocked'),
    );
    const from = '2025-05-01T05:00:00.000Z';
    const to = '2025-05-01T10:00:00.000Z';
    expect(await walk({ from, to }, 'backward', 3)).toEqual(
      everything.filter((node) => node.occurredAt >= from && node.occurredAt < to),
    );
  });

  it('names unknown event types back as BAD_USER_INPUT with their index', async () => {
    const response = await api.gql(LIST, { first: 5, filter: { types: ['LeakDetected', 'LeakDetcted'] } });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/LeakDetcted/);
    expect(response.errors?.[0]?.extensions?.fields).toEqual([
      { field: ['filter', 'types', '1'], message: 'not an event type' },
    ]);
  });

  it('is open to every role with audit:read, including INTEGRATION', async () => {
    const response = await api.gql<ListResult>(LIST, { first: 1 }, api.keys.INTEGRATION);
    expect(response.data?.auditEvents.edges).toHaveLength(1);
  });
});

describe('the audit log integrity check', () => {
  const api = useApiServer();
  const CHECK =
    '{ auditLogIntegrity { ok checkedEvents firstBrokenPosition reason lastPosition lastHash checkedAt } }';

  beforeAll(async () => {
    for (let index = 0; index < 5; index += 1) {
      await appendMessage(api.store, {
        at: new Date(Date.parse('2025-06-01T00:00:00Z') + index),
        findings: [{}],
      });
    }
  });

  it('reports an intact chain with the number of events checked', async () => {
    const response = await api.gql<{ auditLogIntegrity: Record<string, unknown> }>(
      CHECK,
      {},
      api.keys.AUDITOR,
    );
    expect(response.data?.auditLogIntegrity).toMatchObject({
      ok: true,
      firstBrokenPosition: null,
      reason: null,
    });
    const total = await api.db.superuser((client) => client.query('SELECT count(*)::int AS n FROM events'));
    expect(response.data?.auditLogIntegrity.checkedEvents).toBe(total.rows[0].n);
  });

  it('names the first edited event when someone rewrote history behind the triggers', async () => {
    const position = await api.db.superuser(async (client) => {
      const { rows } = await client.query(
        "SELECT position::text FROM events WHERE type = 'LeakDetected' ORDER BY position LIMIT 1 OFFSET 2",
      );
      await client.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
      try {
        await client.query(
          `UPDATE events SET data = jsonb_set(data, '{maskedMatch}', '"nothing to see"') WHERE position = $1`,
          [rows[0].position],
        );
      } finally {
        await client.query('ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only');
      }
      return rows[0].position as string;
    });
    const response = await api.gql<{ auditLogIntegrity: Record<string, unknown> }>(CHECK);
    expect(response.data?.auditLogIntegrity).toMatchObject({
      ok: false,
      firstBrokenPosition: position,
      reason: 'hash',
    });
  });
});
