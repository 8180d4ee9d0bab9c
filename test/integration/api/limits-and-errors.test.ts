import type { ApiServices } from '../../../api/services';
import { errorCode, useApiServer } from './api-harness';

describe('limits', () => {
  const api = useApiServer({
    server: { bodyLimit: '64kb', limits: { maxDepth: 4, maxComplexity: 20_000, defaultListSize: 20 } },
  });

  it('refuses a query nested deeper than the limit with QUERY_TOO_COMPLEX, before running it', async () => {
    const response = await api.gql(
      '{ patterns(first: 1) { nodes { history(first: 1) { edges { node { id } } } } } }',
    );
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.message).toMatch(/depth 5 exceeds the limit of 4/);
  });

  it('refuses a query that could touch too many objects with QUERY_TOO_COMPLEX', async () => {
    const response = await api.gql(
      '{ detections(first: 100) { nodes { id events { id } } } patterns(first: 100) { nodes { history(first: 100) { nodes { id } } } } }',
    );
    expect(errorCode(response)).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.message).toMatch(/complexity \d+ exceeds the limit of 20000/);
  });

  it('refuses a request body over the limit with HTTP 413', async () => {
    const response = await api.gql('query($text: String!) { scanText(text: $text) { patternCount } }', {
      text: 'x'.repeat(100_000),
    });
    expect(response.status).toBe(413);
    expect(errorCode(response)).toBe('BAD_REQUEST');
  });

  it('answers introspection, which integrators generate clients from', async () => {
    const response = await api.gql<{ __schema: { queryType: { name: string }; types: unknown[] } }>(
      '{ __schema { queryType { name } types { name } } }',
      {},
      api.keys.INTEGRATION,
    );
    expect(response.data?.__schema.queryType.name).toBe('Query');
    expect(response.data?.__schema.types.length).toBeGreaterThan(40);
  });

  it('explains malformed queries and unknown fields with their own codes', async () => {
    expect(errorCode(await api.gql('{ detections(first: 1) { nodes { id }'))).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await api.gql('{ detections(first: 1) { nodes { secretValue } } }');
    expect(errorCode(unknown)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknown.errors?.[0]?.message).toMatch(/secretValue/);
  });
});

describe('an unexpected failure inside the API', () => {
  const reported: unknown[] = [];
  const failing = (services: ApiServices): ApiServices => ({
    ...services,
    listApiKeys: async () => {
      throw new Error(
        'relation "api_keys" does not exist\n    at Query.run (/srv/leakshield/api/services/api-keys.service.ts:51:7)',
      );
    },
  });
  const api = useApiServer({
    wrapServices: failing,
    server: { reportError: (error) => reported.push(error) },
  });

  it('reaches the client masked: a generic message and code, no SQL, no stack trace', async () => {
    const response = await api.gql('{ apiKeys { id } }');
    expect(errorCode(response)).toBe('INTERNAL_SERVER_ERROR');
    expect(response.errors?.[0]?.message).toBe(
      'Internal server error. The incident was logged; try again, or contact your LeakShield admin.',
    );
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/relation|api_keys|stacktrace|\.ts:/);
    expect(reported).toEqual([expect.objectContaining({ message: expect.stringContaining('relation') })]);
  });
});

describe('in development mode', () => {
  const failing = (services: ApiServices): ApiServices => ({
    ...services,
    listApiKeys: async () => {
      throw new Error('the database is on fire');
    },
  });
  const api = useApiServer({ wrapServices: failing, server: { development: true } });

  it('an unexpected failure keeps its message, for the developer', async () => {
    const response = await api.gql('{ apiKeys { id } }');
    expect(response.errors?.[0]?.message).toBe('the database is on fire');
  });
});

describe('the health routes', () => {
  const api = useApiServer();

  it('say the process is up and the database is reachable and migrated', async () => {
    const health = await fetch(`${api.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${api.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });
});
