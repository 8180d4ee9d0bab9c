import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { keyringOf } from '../../../schema/crypto/content-encryption';
import { BACKFILL_PATTERN_REVISION_SQL } from '../../../schema/migrations/Migration20261206100000_detection_pattern_revision';
import { errorCode, useApiServer } from './api-harness';
import { appendMessage, firstFinding } from './detection-fixtures';

const keyring = keyringOf(randomBytes(32));
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
const ACTIONS = ['LOG', 'ALERT', 'REDACT', 'BLOCK'] as const;
const start = Date.parse('2025-03-01T00:00:00.000Z');

const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $filter: DetectionFilter,
    $orderBy: DetectionOrder) {
  detections(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id channelId severity detectedAt } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface ListResult {
  detections: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: { id: string; channelId: string; severity: string; detectedAt: string };
    }>;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

describe('the detections list', () => {
  const api = useApiServer({ keyring });
  /** Every finding id, in the order of detection (oldest first); ties share a timestamp on purpose. */
  const all: Array<{ id: string; channelId: string; severity: string; at: number }> = [];

  beforeAll(async () => {
    for (let index = 0; index < 120; index += 1) {
      const channelId = index % 3 === 0 ? 'C0ALPHA' : 'C0BETA';
      const severity = SEVERITIES[index % 4]!;
      // Pairs of messages share a millisecond, so the id tie-breaker is exercised.
      const at = start + Math.floor(index / 2) * 60_000;
      const [id] = await appendMessage(api.store, {
        channelId,
        userId: index % 2 ? 'U0ODD' : 'U0EVEN',
        at: new Date(at),
        findings: [
          {
            severity,
            action: ACTIONS[index % 4],
            patternId: `p-${index % 5}`,
            patternName: `Pattern ${index % 5}`,
          },
        ],
        outcome: index % 10 === 0 ? 'failed' : index % 4 === 3 ? 'blocked' : undefined,
      });
      all.push({ id: id!, channelId, severity, at });
    }
  }, 120_000);

  const newestFirst = () =>
    [...all].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).map((entry) => entry.id);

  async function walkForwards(variables: Record<string, unknown>, size: number): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const response: { data: ListResult | null; errors?: unknown } = await api.gql<ListResult>(LIST, {
        ...variables,
        first: size,
        after,
      });
      expect(response.errors).toBeUndefined();
      const page = response.data!.detections;
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      ids.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor;
    }
    throw new Error('the pages never ended');
  }

  async function walkBackwards(variables: Record<string, unknown>, size: number): Promise<string[]> {
    const ids: string[] = [];
    let before: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const response: { data: ListResult | null; errors?: unknown } = await api.gql<ListResult>(LIST, {
        ...variables,
        last: size,
        before,
      });
      expect(response.errors).toBeUndefined();
      const page = response.data!.detections;
      ids.unshift(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasPreviousPage) return ids;
      before = page.pageInfo.startCursor;
    }
    throw new Error('the pages never ended');
  }

  it('is newest first, and paging forwards then backwards visits every detection once, in the same order', async () => {
    const expected = newestFirst();
    expect(await walkForwards({}, 17)).toEqual(expected);
    expect(await walkBackwards({}, 17)).toEqual(expected);
  });

  it('filtered by channel pages round trip too, with the filtered total', async () => {
    const expected = newestFirst().filter(
      (id) => all.find((entry) => entry.id === id)!.channelId === 'C0ALPHA',
    );
    const filter = { channelId: 'C0ALPHA' };
    expect(await walkForwards({ filter }, 7)).toEqual(expected);
    expect(await walkBackwards({ filter }, 7)).toEqual(expected);
    const first = await api.gql<ListResult>(LIST, { first: 1, filter });
    expect(first.data?.detections.totalCount).toBe(40);
  });

  it('counts the filtered total with the page, through fragments too, and past the last page', async () => {
    const filter = { channelId: 'C0ALPHA' };
    const viaFragment = await api.gql<{ detections: { totalCount: number } }>(
      `query($filter: DetectionFilter) {
        detections(first: 2, filter: $filter) { ...Counted ... on DetectionConnection { edges { cursor } } }
      }
      fragment Counted on DetectionConnection { totalCount }`,
      { filter },
    );
    expect(viaFragment.errors).toBeUndefined();
    expect(viaFragment.data?.detections.totalCount).toBe(40);
    const last = await api.gql<ListResult>(LIST, { last: 1, filter });
    const pastTheEnd = await api.gql<ListResult>(LIST, {
      first: 5,
      after: last.data?.detections.pageInfo.endCursor,
      filter,
    });
    expect(pastTheEnd.data?.detections.edges).toEqual([]);
    expect(pastTheEnd.data?.detections.totalCount).toBe(40);
    const nowhere = await api.gql<ListResult>(LIST, { first: 5, filter: { channelId: 'C0NOWHERE' } });
    expect(nowhere.data?.detections.totalCount).toBe(0);
  });

  it("totals every detection, one user's and one pattern's, as the rows say", async () => {
    const totalOf = async (filter?: Record<string, unknown>) =>
      (await api.gql<ListResult>(LIST, { first: 1, filter })).data?.detections.totalCount;

    expect(await totalOf()).toBe(120);
    expect(await totalOf({ userId: 'U0ODD' })).toBe(60);
    expect(await totalOf({ patternId: 'p-3' })).toBe(24);
    expect(await totalOf({ patternId: 'p-404' })).toBe(0);
    // Two filters at once are counted from the rows.
    expect(await totalOf({ userId: 'U0ODD', channelId: 'C0ALPHA' })).toBe(20);
  });

  it('sorted by severity (then time) pages the same both ways', async () => {
    const rank = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 } as Record<string, number>;
    const expected = [...all]
      .sort((a, b) => rank[a.severity]! - rank[b.severity]! || a.at - b.at || (a.id < b.id ? -1 : 1))
      .map((entry) => entry.id);
    const orderBy = { field: 'SEVERITY', direction: 'ASC' };
    expect(await walkForwards({ orderBy }, 25)).toEqual(expected);
    expect(await walkBackwards({ orderBy }, 25)).toEqual(expected);
  });

  it('refuses a cursor made under another order', async () => {
    const page = await api.gql<ListResult>(LIST, { first: 2 });
    const response = await api.gql(LIST, {
      first: 2,
      after: page.data!.detections.pageInfo.endCursor,
      orderBy: { field: 'SEVERITY', direction: 'DESC' },
    });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
  });

  it('combines filters: user, severities, actions, outcome, time range and text', async () => {
    const filter = {
      userId: 'U0ODD',
      severity: ['MEDIUM', 'CRITICAL'],
      action: ['BLOCK'],
      outcome: 'DONE',
      from: new Date(start + 10 * 60_000).toISOString(),
      to: new Date(start + 50 * 60_000).toISOString(),
      search: '4111 ****',
    };
    const response = await api.gql<ListResult>(LIST, { first: 100, filter });
    const expected = all.filter(
      (entry, index) =>
        index % 2 === 1 &&
        index % 4 === 3 &&
        index % 10 !== 0 &&
        entry.at >= start + 10 * 60_000 &&
        entry.at < start + 50 * 60_000,
    );
    expect(response.data?.detections.totalCount).toBe(expected.length);
    expect(new Set(response.data?.detections.edges.map((edge) => edge.node.id))).toEqual(
      new Set(expected.map((entry) => entry.id)),
    );
    // A LOG detection is done once recorded: a failure of some other action does not undo that.
    const failed = await api.gql<ListResult>(LIST, { first: 100, filter: { outcome: 'FAILED' } });
    expect(failed.data?.detections.totalCount).toBe(
      all.filter((_, index) => index % 10 === 0 && index % 4 !== 0).length,
    );
  });

  it('refuses more than 100 per page and inverted time ranges with BAD_USER_INPUT', async () => {
    const big = await api.gql(LIST, { first: 1000 });
    expect(errorCode(big)).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toMatch(/first must be at most 100/);
    const inverted = await api.gql(LIST, {
      first: 5,
      filter: { from: '2025-03-02T00:00:00Z', to: '2025-03-01T00:00:00Z' },
    });
    expect(errorCode(inverted)).toBe('BAD_USER_INPUT');
    expect(inverted.errors?.[0]?.extensions?.fields).toEqual([
      { field: ['filter', 'to'], message: expect.any(String) },
    ]);
    const badChannel = await api.gql(LIST, { first: 5, filter: { channelId: "C1' OR 1=1 --" } });
    expect(errorCode(badChannel)).toBe('BAD_USER_INPUT');
    expect(badChannel.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: ['filter', 'channelId'] }),
    ]);
  });

  it('costs a bounded number of SQL queries per page, whatever the page size and nesting', async () => {
    const deep = `query($first: Int) {
      detections(first: $first) {
        totalCount
        nodes { id patternName line column events { id type actor data } }
      }
    }`;
    const count = async (first: number): Promise<number> => {
      const spy = jest.spyOn(Client.prototype, 'query');
      try {
        const response = await api.gql<{ detections: { nodes: Array<{ events: unknown[] }> } }>(deep, {
          first,
        });
        expect(response.errors).toBeUndefined();
        expect(response.data?.detections.nodes).toHaveLength(first);
        expect(response.data?.detections.nodes[0]?.events.length).toBeGreaterThan(0);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const one = await count(1);
    const hundred = await count(100);
    // authentication (when not cached) + the page with its count + one batched events query
    expect(hundred).toBeLessThanOrEqual(3);
    expect(hundred).toBe(one);
  });
});

describe('one detection', () => {
  const api = useApiServer({ keyring });
  let withRaw = '';
  let withoutRaw = '';
  let failed = '';

  beforeAll(async () => {
    withRaw = await firstFinding(api.store, {
      at: new Date('2025-04-01T10:00:00.000Z'),
      keyring,
      findings: [
        { raw: 'my card is 4111 1111 1111 1111', severity: 'CRITICAL', action: 'BLOCK', patternRevision: 3 },
      ],
      outcome: 'blocked',
    });
    withoutRaw = await firstFinding(api.store, {
      at: new Date('2025-04-01T11:00:00.000Z'),
      findings: [{}],
    });
    failed = await firstFinding(api.store, {
      at: new Date('2025-04-01T12:00:00.000Z'),
      findings: [{ action: 'BLOCK' }],
      outcome: 'failed',
    });
  });

  const ONE = `query($id: ID!) { detection(id: $id) {
    id source teamId channelId userId messageTs fileId patternId patternName patternVersion severity action outcome
    outcomeError
    confidence maskedMatch redactedContent contentAvailable revealCount line column detectedAt
    events { type streamId actor }
  } }`;

  it('shows what was found, where, what was done, and every event about its message', async () => {
    const response = await api.gql<{ detection: Record<string, unknown> }>(
      ONE,
      { id: withRaw },
      api.keys.AUDITOR,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.detection).toMatchObject({
      id: withRaw,
      source: 'MESSAGE',
      teamId: 'T0001',
      channelId: 'C0001',
      patternVersion: 3,
      severity: 'CRITICAL',
      action: 'BLOCK',
      outcome: 'DONE',
      outcomeError: null,
      maskedMatch: '4111 **** **** 1111',
      contentAvailable: true,
      line: 2,
      column: 7,
      detectedAt: '2025-04-01T10:00:00.000Z',
    });
    expect((response.data?.detection.events as Array<{ type: string }>).map((event) => event.type)).toEqual([
      'MessageScanned',
      'LeakDetected',
      'MessageBlocked',
    ]);
    expect(JSON.stringify(response.body)).not.toContain('4111 1111 1111 1111');
  });

  it('whose action failed says so and why', async () => {
    const response = await api.gql<{ detection: Record<string, unknown> }>(ONE, { id: failed });
    expect(response.data?.detection).toMatchObject({
      outcome: 'FAILED',
      outcomeError: 'BLOCK failed: cant_delete_message',
    });
  });

  it('recorded without a pattern revision has no patternVersion', async () => {
    const response = await api.gql<{ detection: Record<string, unknown> }>(ONE, { id: withoutRaw });
    expect(response.data?.detection).toMatchObject({ id: withoutRaw, patternVersion: null });
  });

  it('recorded before pattern_revision was kept gets it from its LeakDetected event (the migration backfill)', async () => {
    await api.db.superuser(async (client) => {
      await client.query('UPDATE detections SET pattern_revision = NULL');
      await client.query(BACKFILL_PATTERN_REVISION_SQL);
    });
    const filled = await api.gql<{ detection: Record<string, unknown> }>(ONE, { id: withRaw });
    const none = await api.gql<{ detection: Record<string, unknown> }>(ONE, { id: withoutRaw });
    expect(filled.data?.detection.patternVersion).toBe(3);
    expect(none.data?.detection.patternVersion).toBeNull();
  });

  it('that does not exist is null', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect((await api.gql(ONE, { id })).data).toEqual({ detection: null });
    }
  });

  const REVEAL = `mutation($id: ID!, $reason: String) {
    revealContent(detectionId: $id, reason: $reason) {
      content detection { id revealCount } userErrors { field message code }
    }
  }`;

  it('reveals its raw content to an ANALYST, after appending ContentRevealed naming the key and the reason', async () => {
    const response = await api.gql<{
      revealContent: { content: string; detection: { revealCount: number } };
    }>(REVEAL, { id: withRaw, reason: 'incident INC-42' }, api.keys.ANALYST, {
      'x-request-id': 'req-reveal-1',
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.revealContent).toEqual({
      content: 'my card is 4111 1111 1111 1111',
      detection: { id: withRaw, revealCount: 1 },
      userErrors: [],
    });
    const audit = await api.gql<{
      auditEvents: { nodes: Array<{ data: unknown; actor: string; metadata: unknown }> };
    }>(`{ auditEvents(last: 1, filter: { types: ["ContentRevealed"] }) { nodes { data actor metadata } } }`);
    expect(audit.data?.auditEvents.nodes).toEqual([
      {
        data: { findingId: withRaw, teamId: 'T0001', reason: 'incident INC-42' },
        actor: `api_key:${api.keyIds.ANALYST}`,
        metadata: { actor: { type: 'api_key', id: api.keyIds.ANALYST }, correlationId: 'req-reveal-1' },
      },
    ]);
    const events = await api.gql<{ detection: { events: Array<{ type: string; streamId: string }> } }>(ONE, {
      id: withRaw,
    });
    expect(events.data?.detection.events.map((event) => event.type)).toContain('ContentRevealed');
  });

  it('refuses to reveal to an AUDITOR or an INTEGRATION key: FORBIDDEN, and nothing is appended', async () => {
    for (const role of ['AUDITOR', 'INTEGRATION'] as const) {
      const response = await api.gql(REVEAL, { id: withRaw }, api.keys[role]);
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    }
    const count = await api.gql<{ detection: { revealCount: number } }>(
      'query($id: ID!) { detection(id: $id) { revealCount } }',
      { id: withRaw },
    );
    expect(count.data?.detection.revealCount).toBe(1);
  });

  it('without stored raw content says so clearly, and appends nothing', async () => {
    const response = await api.gql<{ revealContent: Record<string, unknown> }>(REVEAL, { id: withoutRaw });
    expect(response.data?.revealContent).toMatchObject({
      content: null,
      userErrors: [
        {
          field: ['detectionId'],
          code: 'NO_RAW_CONTENT',
          message: expect.stringMatching(/No raw content was stored.*LEAKSHIELD_ENCRYPTION_KEY/),
        },
      ],
    });
    expect(response.data?.revealContent.detection).toEqual({ id: withoutRaw, revealCount: 0 });
  });

  it('that does not exist cannot be revealed: NOT_FOUND', async () => {
    const response = await api.gql(REVEAL, { id: '00000000-0000-4000-8000-000000000000' });
    expect(errorCode(response)).toBe('NOT_FOUND');
  });
});

describe('revealing on a server without the encryption key', () => {
  const api = useApiServer({ keyring: null });

  it('is refused with ENCRYPTION_KEY_MISSING and appends nothing', async () => {
    const [id] = await appendMessage(api.store, {
      at: new Date('2025-04-02T10:00:00.000Z'),
      keyring,
      findings: [{ raw: 'secret text' }],
    });
    const response = await api.gql<{ revealContent: { content: null; userErrors: Array<{ code: string }> } }>(
      'mutation($id: ID!) { revealContent(detectionId: $id) { content userErrors { code } } }',
      { id },
    );
    expect(response.data?.revealContent).toEqual({
      content: null,
      userErrors: [{ code: 'ENCRYPTION_KEY_MISSING' }],
    });
    const revealed = await api.gql<{ auditEvents: { nodes: unknown[] } }>(
      '{ auditEvents(first: 5, filter: { types: ["ContentRevealed"] }) { nodes { id } } }',
    );
    expect(revealed.data?.auditEvents.nodes).toEqual([]);
  });
});
