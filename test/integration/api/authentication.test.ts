import { createHash } from 'node:crypto';
import { ADMIN_TOKEN, errorCode, useApiServer } from './api-harness';

const ME = '{ me { keyId name role permissions } }';

describe('a request to the GraphQL API', () => {
  const api = useApiServer();

  it('without an Authorization header is refused with HTTP 401 and UNAUTHENTICATED', async () => {
    const response = await api.gql(ME, {}, null);
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toMatch(/Authorization: Bearer/);
  });

  it('with an unknown key is refused with HTTP 401 and UNAUTHENTICATED', async () => {
    const forged = `lsk_${'A'.repeat(43)}`;
    for (const key of [forged, 'not-a-key', ADMIN_TOKEN.slice(1)]) {
      const response = await api.gql(ME, {}, key);
      expect(response.status).toBe(401);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
    }
  });

  it('with LEAKSHIELD_ADMIN_TOKEN is the bootstrap admin', async () => {
    const response = await api.gql(ME, {}, ADMIN_TOKEN);
    expect(response.data).toEqual({
      me: expect.objectContaining({ keyId: 'bootstrap', role: 'ADMIN' }),
    });
  });

  it.each(['ADMIN', 'ANALYST', 'AUDITOR', 'INTEGRATION'] as const)(
    'with a %s key says who it is and what the role allows',
    async (role) => {
      const response = await api.gql<{ me: { keyId: string; role: string; permissions: string[] } }>(
        ME,
        {},
        api.keys[role],
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.me.keyId).toBe(api.keyIds[role]);
      expect(response.data?.me.role).toBe(role);
      expect(response.data?.me.permissions.length).toBeGreaterThan(0);
    },
  );
});

describe('what each role may do', () => {
  const api = useApiServer();

  // One representative operation per permission, and the roles that must be refused it.
  const cases: Array<{ what: string; query: string; refused: string[] }> = [
    { what: 'list patterns', query: '{ patterns(first: 1) { totalCount } }', refused: ['INTEGRATION'] },
    {
      what: 'create a pattern',
      query:
        'mutation { createPattern(input: { name: "x", regex: "x", severity: LOW, action: LOG }) { userErrors { message } } }',
      refused: ['ANALYST', 'AUDITOR', 'INTEGRATION'],
    },
    { what: 'list detections', query: '{ detections(first: 1) { totalCount } }', refused: [] },
    { what: 'read the audit log', query: '{ auditEvents(first: 1) { nodes { id } } }', refused: [] },
    {
      what: 'read stats',
      query:
        '{ stats(from: "2025-01-01T00:00:00Z", to: "2025-01-02T00:00:00Z", bucket: HOUR) { totals { scans } } }',
      refused: [],
    },
    { what: 'list API keys', query: '{ apiKeys { id } }', refused: ['ANALYST', 'AUDITOR', 'INTEGRATION'] },
    {
      what: 'reveal content',
      query: 'mutation { revealContent(detectionId: "00000000-0000-4000-8000-000000000000") { content } }',
      refused: ['AUDITOR', 'INTEGRATION'],
    },
    { what: 'read channel monitoring', query: '{ channelMonitoring { mode } }', refused: ['INTEGRATION'] },
    {
      what: 'change channel monitoring',
      query:
        'mutation { setChannelMonitoring(input: { mode: ALL, channelIds: [] }) { channelMonitoring { mode } } }',
      refused: ['ANALYST', 'AUDITOR', 'INTEGRATION'],
    },
    { what: 'run a dry-run scan', query: '{ scanText(text: "hello") { patternCount } }', refused: [] },
  ];

  it.each(cases)(
    'refuses to $what with FORBIDDEN for the roles without the right',
    async ({ query, refused }) => {
      for (const role of ['ADMIN', 'ANALYST', 'AUDITOR', 'INTEGRATION'] as const) {
        const response = await api.gql(query, {}, api.keys[role]);
        if (refused.includes(role)) {
          expect({ role, code: errorCode(response) }).toEqual({ role, code: 'FORBIDDEN' });
          expect(response.errors?.[0]?.message).toMatch(/needs [a-z]+:[a-z-]+/);
        } else {
          expect({ role, code: errorCode(response) }).not.toEqual({ role, code: 'FORBIDDEN' });
        }
      }
    },
  );
});

describe('an API key', () => {
  const api = useApiServer();

  it('is shown once at creation, stored only as its SHA-256, and its creation is audited with who and which request', async () => {
    const created = await api.gql<{
      createApiKey: { key: string; apiKey: { id: string; prefix: string; role: string; createdBy: string } };
    }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id prefix role createdBy } } }',
      { input: { name: 'SIEM export', role: 'INTEGRATION' } },
      api.keys.ADMIN,
      { 'x-request-id': 'req-create-key-1' },
    );
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data!.createApiKey;
    expect(key).toMatch(/^lsk_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey).toMatchObject({ role: 'INTEGRATION', createdBy: `api_key:${api.keyIds.ADMIN}` });

    const listed = await api.gql<{ apiKeys: Array<Record<string, unknown>> }>(
      '{ apiKeys { id name prefix role } }',
    );
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const stored = await api.db.superuser(async (client) => {
      const credentials = await client.query(
        'SELECT key_hash FROM api_key_credentials WHERE api_key_id = $1',
        [apiKey.id],
      );
      const events = await client.query('SELECT data::text, metadata FROM events WHERE stream_id = $1', [
        `api-key:${apiKey.id}`,
      ]);
      const everything = await client.query(
        'SELECT count(*)::int AS n FROM events WHERE data::text LIKE $1',
        [`%${key.slice(10)}%`],
      );
      return { credentials: credentials.rows, events: events.rows, leaked: everything.rows[0].n };
    });
    expect(stored.credentials).toEqual([{ key_hash: createHash('sha256').update(key).digest('hex') }]);
    expect(stored.leaked).toBe(0);
    expect(stored.events).toHaveLength(1);
    expect(stored.events[0].metadata).toEqual({
      actor: { type: 'api_key', id: api.keyIds.ADMIN },
      correlationId: 'req-create-key-1',
    });

    const me = await api.gql<{ me: { role: string } }>('{ me { role } }', {}, key);
    expect(me.data?.me.role).toBe('INTEGRATION');
  });

  it('stops working as soon as it is revoked, and records its last use', async () => {
    const created = await api.gql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      'mutation { createApiKey(input: { name: "temporary", role: AUDITOR }) { key apiKey { id } } }',
    );
    const { key, apiKey } = created.data!.createApiKey;
    // Used twice: the second use may be served from the authentication cache.
    expect((await api.gql('{ me { role } }', {}, key)).status).toBe(200);
    expect((await api.gql('{ me { role } }', {}, key)).status).toBe(200);

    const revoked = await api.gql<{
      revokeApiKey: { apiKey: { revokedAt: string | null; lastUsedAt: string | null } };
    }>(
      'mutation($id: ID!) { revokeApiKey(id: $id, reason: "rotated") { apiKey { revokedAt lastUsedAt } } }',
      { id: apiKey.id },
    );
    expect(revoked.data?.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    expect(revoked.data?.revokeApiKey.apiKey.lastUsedAt).not.toBeNull();

    const refused = await api.gql('{ me { role } }', {}, key);
    expect(refused.status).toBe(401);
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');

    const again = await api.gql<{ revokeApiKey: { apiKey: { revokedAt: string } } }>(
      'mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { revokedAt } } }',
      { id: apiKey.id },
    );
    expect(again.data?.revokeApiKey.apiKey.revokedAt).toBe(revoked.data?.revokeApiKey.apiKey.revokedAt);
  });

  it('that does not exist cannot be revoked: NOT_FOUND', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'bootstrap']) {
      const response = await api.gql('mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { id } } }', {
        id,
      });
      expect(errorCode(response)).toBe('NOT_FOUND');
    }
  });

  it('needs a name and a known role: BAD_USER_INPUT with the field path', async () => {
    const empty = await api.gql('mutation { createApiKey(input: { name: "", role: ADMIN }) { key } }');
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: ['input', 'name'] }),
    ]);
    const badRole = await api.gql('mutation { createApiKey(input: { name: "x", role: ROOT }) { key } }');
    expect(errorCode(badRole)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
