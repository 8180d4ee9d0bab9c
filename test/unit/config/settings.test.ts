import { loadSettings, SettingsError } from '../../../schema/config/settings';

function problems(env: Record<string, string>): string[] {
  try {
    loadSettings(env, { dotenv: false });
    return [];
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
}

describe('settings read at start-up', () => {
  it('default to the embedded set-up when nothing is set', () => {
    const settings = loadSettings({}, { dotenv: false });
    expect(settings).toMatchObject({
      PORT: 8000,
      AWS_SQS_QUEUE_NAME: 'leakshield-scan',
    });
    expect(settings.DATABASE_URL).toBeUndefined();
  });

  it('list every problem at once, each naming its setting', () => {
    const found = problems({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/x',
      SLACK_SIGNING_SECRET: 's3cr3t-signing-value',
      LEAKSHIELD_ENCRYPTION_KEY: 'short',
      AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
    });
    expect(found.map((p) => p.split(' ')[0])).toEqual(
      expect.arrayContaining([
        'PORT',
        'DATABASE_URL',
        'LEAKSHIELD_ENCRYPTION_KEY',
        'SLACK_BOT_TOKEN',
        'AWS_SECRET_ACCESS_KEY',
      ]),
    );
    expect(found).toHaveLength(5);
  });

  it('never repeat a secret value in a message', () => {
    const secret = 'xoxp-not-a-bot-token-1234567890';
    const found = problems({ SLACK_BOT_TOKEN: secret, SLACK_SIGNING_SECRET: 'abc' });
    expect(found.join('\n')).not.toContain(secret);
    expect(found[0]).toMatch(/^SLACK_BOT_TOKEN must be a bot token/);
  });

  it('accept a 32-byte encryption key in hex or base64', () => {
    expect(problems({ LEAKSHIELD_ENCRYPTION_KEY: 'ab'.repeat(32) })).toEqual([]);
    expect(problems({ LEAKSHIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') })).toEqual([]);
  });

  it('need the client id, secret and an encryption key to rotate the admin token', () => {
    expect(problems({ SLACK_WORKSPACE_REFRESH_TOKEN: 'xoxe-1-abc' }).map((p) => p.split(' ')[0])).toEqual([
      'SLACK_CLIENT_ID',
      'SLACK_CLIENT_SECRET',
      'LEAKSHIELD_ENCRYPTION_KEY',
    ]);
  });

  it('tune the queue with validated numbers and a create switch that defaults to on', () => {
    expect(loadSettings({}, { dotenv: false })).toMatchObject({
      SQS_CREATE_QUEUES: true,
      SQS_MAX_RECEIVE_COUNT: 5,
      SQS_VISIBILITY_TIMEOUT: 60,
    });
    expect(
      loadSettings(
        { SQS_CREATE_QUEUES: 'false', SQS_MAX_RECEIVE_COUNT: '3', SQS_VISIBILITY_TIMEOUT: '120' },
        { dotenv: false },
      ),
    ).toMatchObject({ SQS_CREATE_QUEUES: false, SQS_MAX_RECEIVE_COUNT: 3, SQS_VISIBILITY_TIMEOUT: 120 });
    expect(
      problems({
        SQS_CREATE_QUEUES: 'maybe',
        SQS_MAX_RECEIVE_COUNT: '0',
        SQS_VISIBILITY_TIMEOUT: 'soon',
      }).map((p) => p.split(' ')[0]),
    ).toEqual(['SQS_CREATE_QUEUES', 'SQS_MAX_RECEIVE_COUNT', 'SQS_VISIBILITY_TIMEOUT']);
  });

  it('check every retired encryption key without printing any of them', () => {
    const good = 'cd'.repeat(32);
    expect(problems({ LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS: `${good}, ${'ef'.repeat(32)}` })).toEqual([]);
    const found = problems({ LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS: `${good},not-a-key` });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS must be a comma-separated list/);
    expect(found[0]).not.toContain(good);
  });
});
