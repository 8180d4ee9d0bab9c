import { errorCode, useApiServer } from './api-harness';

const PATTERN_FIELDS = `id name description regex flags { caseInsensitive multiline dotAll } secretGroup validator
  context { words window required } allowlist { values regexes } rejectPlaceholders minEntropy severity action
  enabled builtin category channelScope { include exclude } version revision createdAt updatedAt`;

const CREATE = `mutation($input: PatternInput!) {
  createPattern(input: $input) { pattern { ${PATTERN_FIELDS} } userErrors { field message code } }
}`;
const UPDATE = `mutation($id: ID!, $input: PatternInput!, $expectedVersion: Int!) {
  updatePattern(id: $id, input: $input, expectedVersion: $expectedVersion) {
    pattern { ${PATTERN_FIELDS} } userErrors { field message code }
  }
}`;

interface PatternResult {
  id: string;
  name: string;
  version: number;
  revision: number;
  enabled: boolean;
  [field: string]: unknown;
}
interface Payload {
  pattern: PatternResult | null;
  userErrors: Array<{ field: string[]; message: string; code: string | null }>;
}

const employeeId = {
  name: 'ACME employee id',
  description: 'Internal staff numbers',
  regex: '\\bACME-[0-9]{6}\\b',
  flags: { caseInsensitive: true },
  context: { words: ['employee', 'staff'], window: 40 },
  severity: 'HIGH',
  action: 'ALERT',
};

describe('creating a pattern', () => {
  const api = useApiServer();

  it('stores it, returns it at version 1, and appends PatternCreated naming the key and the request', async () => {
    const response = await api.gql<{ createPattern: Payload }>(
      CREATE,
      { input: employeeId },
      api.keys.ADMIN,
      {
        'x-request-id': 'req-create-pattern',
      },
    );
    expect(response.errors).toBeUndefined();
    const { pattern, userErrors } = response.data!.createPattern;
    expect(userErrors).toEqual([]);
    expect(pattern).toMatchObject({
      name: 'ACME employee id',
      regex: '\\bACME-[0-9]{6}\\b',
      flags: { caseInsensitive: true, multiline: false, dotAll: false },
      context: { words: ['employee', 'staff'], window: 40, required: false },
      severity: 'HIGH',
      action: 'ALERT',
      enabled: true,
      builtin: false,
      version: 1,
      revision: 1,
    });
    expect(pattern!.id).toMatch(/^acme-employee-id-[0-9a-f]{6}$/);

    const history = await api.gql<{
      pattern: { history: { nodes: Array<{ type: string; actor: string; metadata: unknown }> } };
    }>('query($id: ID!) { pattern(id: $id) { history(first: 10) { nodes { type actor metadata } } } }', {
      id: pattern!.id,
    });
    expect(history.data?.pattern.history.nodes).toEqual([
      {
        type: 'PatternCreated',
        actor: `api_key:${api.keyIds.ADMIN}`,
        metadata: { actor: { type: 'api_key', id: api.keyIds.ADMIN }, correlationId: 'req-create-pattern' },
      },
    ]);
  });

  it('with a regex RE2 cannot run is refused field by field, saying where and why, and appends nothing', async () => {
    const before = await api.db.superuser((client) => client.query('SELECT count(*)::int AS n FROM events'));
    const response = await api.gql<{ createPattern: Payload }>(CREATE, {
      input: { ...employeeId, regex: 'password(?=:)\\s*\\S+', allowlist: { regexes: ['ok', '(a)\\1'] } },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.createPattern.pattern).toBeNull();
    expect(response.data?.createPattern.userErrors).toEqual([
      {
        field: ['input', 'regex'],
        code: 'INVALID_REGEX',
        message: expect.stringMatching(/lookahead .*position 8.*RE2/),
      },
      {
        field: ['input', 'allowlist', 'regexes', '1'],
        code: 'INVALID_REGEX',
        message: expect.stringMatching(/backreference/),
      },
    ]);
    const after = await api.db.superuser((client) => client.query('SELECT count(*)::int AS n FROM events'));
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('with an unknown validator is refused at that field', async () => {
    const response = await api.gql<{ createPattern: Payload }>(CREATE, {
      input: { ...employeeId, validator: 'astrology' },
    });
    expect(response.data?.createPattern.userErrors).toEqual([
      expect.objectContaining({ field: ['input', 'validator'], code: 'INVALID' }),
    ]);
  });

  it('with an empty name or a too-large window is BAD_USER_INPUT with the field paths', async () => {
    const response = await api.gql(CREATE, { input: { ...employeeId, name: '' } });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: ['input', 'name'] }),
    ]);
    expect(response.errors?.[0]?.message).toMatch(/input\.name/);
  });
});

describe('changing a pattern', () => {
  const api = useApiServer();
  let id = '';

  beforeAll(async () => {
    const created = await api.gql<{ createPattern: Payload }>(CREATE, { input: employeeId });
    id = created.data!.createPattern.pattern!.id;
  });

  it('replaces its definition when the expected version is current, and bumps the version', async () => {
    const response = await api.gql<{ updatePattern: Payload }>(UPDATE, {
      id,
      input: {
        name: 'ACME staff number',
        regex: '\\bACME-[0-9]{6,8}\\b',
        severity: 'CRITICAL',
        action: 'BLOCK',
      },
      expectedVersion: 1,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.updatePattern.pattern).toMatchObject({
      id,
      name: 'ACME staff number',
      regex: '\\bACME-[0-9]{6,8}\\b',
      description: null,
      context: null,
      flags: { caseInsensitive: false },
      severity: 'CRITICAL',
      action: 'BLOCK',
      version: 2,
      revision: 2,
    });
  });

  it('is refused with CONFLICT when someone changed it since the version the admin edited', async () => {
    const response = await api.gql(UPDATE, {
      id,
      input: { name: 'stale edit', regex: 'x', severity: 'LOW', action: 'LOG' },
      expectedVersion: 1,
    });
    expect(errorCode(response)).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toMatch(/version 2, not 1/);
    expect(response.errors?.[0]?.extensions).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    const current = await api.gql<{ pattern: PatternResult }>(
      'query($id: ID!) { pattern(id: $id) { name } }',
      {
        id,
      },
    );
    expect(current.data?.pattern.name).toBe('ACME staff number');
  });

  it('can disable and enable it, each change bumping the version, a repeat changing nothing', async () => {
    const disabled = await api.gql<{ disablePattern: Payload }>(
      'mutation($id: ID!) { disablePattern(id: $id) { pattern { enabled version } userErrors { message } } }',
      { id },
    );
    expect(disabled.data?.disablePattern.pattern).toEqual({ enabled: false, version: 3 });
    const again = await api.gql<{ disablePattern: Payload }>(
      'mutation($id: ID!) { disablePattern(id: $id) { pattern { enabled version } } }',
      { id },
    );
    expect(again.data?.disablePattern.pattern).toEqual({ enabled: false, version: 3 });
    const enabled = await api.gql<{ enablePattern: Payload }>(
      'mutation($id: ID!) { enablePattern(id: $id) { pattern { enabled version } } }',
      { id },
    );
    expect(enabled.data?.enablePattern.pattern).toEqual({ enabled: true, version: 4 });
  });

  it('applies `enabled` from the input of an update (an update that only disables appends only PatternDisabled)', async () => {
    const response = await api.gql<{ updatePattern: Payload }>(UPDATE, {
      id,
      input: {
        name: 'ACME staff number',
        regex: '\\bACME-[0-9]{6,8}\\b',
        severity: 'CRITICAL',
        action: 'BLOCK',
        enabled: false,
      },
      expectedVersion: 4,
    });
    expect(response.data?.updatePattern.pattern).toMatchObject({ enabled: false, version: 5, revision: 2 });
  });

  it('that does not exist is NOT_FOUND for every mutation', async () => {
    const unknown = 'no-such-pattern';
    const responses = await Promise.all([
      api.gql(UPDATE, { id: unknown, input: employeeId, expectedVersion: 1 }),
      api.gql('mutation($id: ID!) { enablePattern(id: $id) { pattern { id } } }', { id: unknown }),
      api.gql('mutation($id: ID!) { disablePattern(id: $id) { pattern { id } } }', { id: unknown }),
      api.gql('mutation($id: ID!) { deletePattern(id: $id) { deletedPatternId } }', { id: unknown }),
    ]);
    expect(responses.map(errorCode)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    const read = await api.gql<{ pattern: null }>('query($id: ID!) { pattern(id: $id) { id } }', {
      id: unknown,
    });
    expect(read.data).toEqual({ pattern: null });
  });

  it('can be deleted: it disappears from reads, its history stays, and it cannot be changed any more', async () => {
    const deleted = await api.gql<{ deletePattern: { deletedPatternId: string } }>(
      'mutation($id: ID!) { deletePattern(id: $id) { deletedPatternId userErrors { message } } }',
      { id },
    );
    expect(deleted.data?.deletePattern.deletedPatternId).toBe(id);
    const twice = await api.gql<{ deletePattern: { deletedPatternId: string } }>(
      'mutation($id: ID!) { deletePattern(id: $id) { deletedPatternId } }',
      { id },
    );
    expect(twice.data?.deletePattern.deletedPatternId).toBe(id);
    expect((await api.gql('query($id: ID!) { pattern(id: $id) { id } }', { id })).data).toEqual({
      pattern: null,
    });
    const update = await api.gql(UPDATE, { id, input: employeeId, expectedVersion: 6 });
    expect(errorCode(update)).toBe('NOT_FOUND');
    const log = await api.gql<{ auditEvents: { nodes: Array<{ type: string }> } }>(
      'query($s: String!) { auditEvents(first: 20, filter: { streamId: $s }) { nodes { type } } }',
      { s: `pattern:${id}` },
    );
    expect(log.data?.auditEvents.nodes.map((event) => event.type)).toEqual([
      'PatternCreated',
      'PatternUpdated',
      'PatternDisabled',
      'PatternEnabled',
      'PatternDisabled',
      'PatternDeleted',
    ]);
  });
});

describe('the pattern list', () => {
  const api = useApiServer();
  const names = Array.from({ length: 25 }, (_, index) => `Pattern ${String(index).padStart(2, '0')}`);

  beforeAll(async () => {
    for (const [index, name] of names.entries()) {
      await api.gql(CREATE, {
        input: {
          name,
          regex: `\\bP${index}-[0-9]{4}\\b`,
          severity: index % 2 ? 'LOW' : 'HIGH',
          action: 'LOG',
          enabled: index % 5 !== 0,
        },
      });
    }
  });

  const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $filter: PatternFilter) {
    patterns(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;
  type Page = {
    patterns: {
      totalCount: number;
      nodes: Array<{ name: string }>;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
    };
  };

  it('pages forwards and backwards by name and meets itself', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { data } = await api.gql<Page>(PAGE, { first: 10, after });
      expect(data!.patterns.totalCount).toBe(25);
      seen.push(...data!.patterns.nodes.map((node) => node.name));
      if (!data!.patterns.pageInfo.hasNextPage) break;
      after = data!.patterns.pageInfo.endCursor;
    }
    expect(seen).toEqual(names);

    const backwards: string[] = [];
    let before: string | undefined;
    for (;;) {
      const { data } = await api.gql<Page>(PAGE, { last: 10, before });
      backwards.unshift(...data!.patterns.nodes.map((node) => node.name));
      if (!data!.patterns.pageInfo.hasPreviousPage) break;
      before = data!.patterns.pageInfo.startCursor;
    }
    expect(backwards).toEqual(names);
  });

  it('filters by state, severity and text, with a matching total', async () => {
    const { data } = await api.gql<Page>(PAGE, {
      first: 100,
      filter: { enabled: false, severity: ['HIGH'], search: 'pattern 1' },
    });
    expect(data?.patterns.nodes.map((node) => node.name)).toEqual(['Pattern 10']);
    expect(data?.patterns.totalCount).toBe(1);
  });

  it('refuses a page of more than 100 with BAD_USER_INPUT naming the argument', async () => {
    const response = await api.gql(PAGE, { first: 101 });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.fields).toEqual([
      { field: ['first'], message: 'first must be at most 100' },
    ]);
    const last = await api.gql(PAGE, { last: 500 });
    expect(errorCode(last)).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor it did not make', async () => {
    const response = await api.gql(PAGE, { first: 5, after: 'bm90LWEtY3Vyc29y' });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.fields).toEqual([
      { field: ['after'], message: 'not a cursor from this list' },
    ]);
  });
});
