import { ALNUM, FakeSecrets, HEX, LETTERS, LOWER_ALNUM, UPPER_ALNUM } from './fake-secrets';
import { expectNoFinding, expectOneFinding, idsIn, scan } from './scan-helpers';

const fake = new FakeSecrets(303);
const URLSAFE = `${ALNUM}-_`;
const join = (...parts: string[]): string => parts.join('');

/** [detector id, a fresh valid secret, a near miss that must not be reported, context to put before it]. */
type Case = [id: string, make: () => string, nearMiss: () => string, context?: string];

const GITHUB: Case[] = [
  ['github-personal-access-token', () => fake.checksummed('ghp_'), () => `ghp_${fake.chars(ALNUM, 36)}`],
  ['github-oauth-token', () => fake.checksummed('gho_'), () => `gho_${fake.chars(ALNUM, 36)}`],
  ['github-user-to-server-token', () => fake.checksummed('ghu_'), () => `ghu_${fake.chars(ALNUM, 36)}`],
  ['github-server-to-server-token', () => fake.checksummed('ghs_'), () => `ghs_${fake.chars(ALNUM, 36)}`],
  ['github-refresh-token', () => fake.checksummed('ghr_'), () => fake.checksummed('ghx_')],
  [
    'github-fine-grained-token',
    () => join('github_pat_', fake.chars(ALNUM, 22), '_', fake.chars(ALNUM, 59)),
    () => join('github_pat_', fake.chars(ALNUM, 22), '_', fake.chars(ALNUM, 58)),
  ],
];

const CASES: Case[] = [
  ...GITHUB,
  [
    'gitlab-personal-access-token',
    () => `glpat-${fake.chars(URLSAFE, 20)}`,
    () => `glpat-${fake.chars(URLSAFE, 19)}`,
  ],
  [
    'gitlab-personal-access-token',
    () => join('glpat-', fake.chars(URLSAFE, 40), '.01.', fake.chars(LOWER_ALNUM, 7)),
    () => join('glpat-', fake.chars(URLSAFE, 40), '.0', fake.chars(LOWER_ALNUM, 7)),
  ],
  ['gitlab-runner-token', () => `glrt-${fake.chars(URLSAFE, 20)}`, () => `glrt_${fake.chars(URLSAFE, 20)}`],
  ['gitlab-token', () => `gldt-${fake.chars(URLSAFE, 20)}`, () => `gldt-${fake.chars(URLSAFE, 12)}`],
  ['gitlab-token', () => `glptt-${fake.chars(HEX, 40)}`, () => `glptt-${fake.chars(UPPER_ALNUM, 40)}`],
  [
    'slack-bot-token',
    () => join('xoxb-', fake.digits(12), '-', fake.digits(13), '-', fake.chars(ALNUM, 24)),
    () => join('xoxb-', fake.digits(12), '-', fake.chars(ALNUM, 6)),
  ],
  [
    'slack-user-token',
    () =>
      join('xoxp-', fake.digits(12), '-', fake.digits(12), '-', fake.digits(13), '-', fake.chars(HEX, 32)),
    () => join('xoxp-', fake.digits(12), '-', fake.digits(13), '-', fake.chars(HEX, 32)),
  ],
  [
    'slack-app-token',
    () => join('xapp-1-A', fake.chars(UPPER_ALNUM, 10), '-', fake.digits(13), '-', fake.chars(HEX, 64)),
    () => join('xapp-1-A', fake.chars(UPPER_ALNUM, 10), '-', fake.digits(13), '-', fake.chars(HEX, 12)),
  ],
  [
    'slack-webhook-url',
    () =>
      join(
        'https://hooks.slack.com/services/T',
        fake.chars(UPPER_ALNUM, 8),
        '/B',
        fake.chars(UPPER_ALNUM, 10),
        '/',
        fake.chars(ALNUM, 24),
      ),
    () =>
      join(
        'https://hooks.slack.com/services/T',
        fake.chars(UPPER_ALNUM, 8),
        '/B',
        fake.chars(UPPER_ALNUM, 10),
        '/',
        fake.chars(ALNUM, 20),
      ),
  ],
  ['stripe-secret-key', () => `sk_live_${fake.chars(ALNUM, 99)}`, () => `sk_test_${fake.chars(ALNUM, 99)}`],
  [
    'stripe-restricted-key',
    () => `rk_live_${fake.chars(ALNUM, 24)}`,
    () => `rk_test_${fake.chars(ALNUM, 24)}`,
  ],
  ['stripe-webhook-secret', () => `whsec_${fake.chars(ALNUM, 32)}`, () => `whsec_${fake.chars(ALNUM, 16)}`],
  ['twilio-api-key', () => `SK${fake.chars(HEX, 32)}`, () => `SK${fake.chars(HEX, 32)}`, 'twilio'],
  [
    'twilio-account-sid',
    () => `AC${fake.chars(HEX, 32)}`,
    () => `AC${fake.chars(HEX, 31)}`,
    'TWILIO_ACCOUNT_SID',
  ],
  [
    'sendgrid-api-key',
    () => join('SG.', fake.chars(URLSAFE, 22), '.', fake.chars(URLSAFE, 43)),
    () => join('SG.', fake.chars(URLSAFE, 22), '.', fake.chars(URLSAFE, 40)),
  ],
  ['npm-access-token', () => fake.checksummed('npm_'), () => `npm_${fake.chars(ALNUM, 36)}`],
  [
    'openai-project-key',
    () => join('sk-proj-', fake.chars(URLSAFE, 74), 'T3BlbkFJ', fake.chars(URLSAFE, 74)),
    () => join('sk-proj-', fake.chars(URLSAFE, 156)),
  ],
  [
    'openai-api-key',
    () => join('sk-', fake.chars(ALNUM, 20), 'T3BlbkFJ', fake.chars(ALNUM, 20)),
    () => join('sk-', fake.chars(ALNUM, 48)),
  ],
  [
    'anthropic-api-key',
    () => join('sk-ant-api03-', fake.chars(URLSAFE, 93), 'AA'),
    () => join('sk-ant-api03-', fake.chars(URLSAFE, 93), 'AB'),
  ],
  [
    'anthropic-admin-key',
    () => join('sk-ant-admin01-', fake.chars(URLSAFE, 93), 'AA'),
    () => join('sk-ant-admin01-', fake.chars(URLSAFE, 80), 'AA'),
  ],
  ['shopify-token', () => `shpat_${fake.chars(HEX, 32)}`, () => `shpxx_${fake.chars(HEX, 32)}`],
  [
    'mailgun-api-key',
    () => `key-${fake.chars(HEX, 32)}`,
    () => `key-${fake.chars(HEX, 32)}`,
    'MAILGUN_API_KEY',
  ],
  ['mailchimp-api-key', () => `${fake.chars(HEX, 32)}-us21`, () => `${fake.chars(HEX, 32)}-eu21`],
  ['datadog-api-key', () => fake.chars(HEX, 32), () => fake.chars(HEX, 32), 'DD_API_KEY'],
  [
    'discord-bot-token',
    () =>
      join(
        Buffer.from(`9${fake.digits(17)}`).toString('base64url'),
        '.',
        fake.chars(URLSAFE, 6),
        '.',
        fake.chars(URLSAFE, 38),
      ),
    () =>
      join(
        Buffer.from(`abc${fake.digits(15)}`).toString('base64url'),
        '.',
        fake.chars(URLSAFE, 6),
        '.',
        fake.chars(URLSAFE, 38),
      ),
  ],
  [
    'discord-webhook-url',
    () => join('https://discord.com/api/webhooks/', fake.digits(19), '/', fake.chars(URLSAFE, 68)),
    () => join('https://discord.com/api/webhooks/', fake.digits(19), '/', fake.chars(URLSAFE, 40)),
  ],
  [
    'telegram-bot-token',
    () => join(fake.digits(10), ':AA', fake.chars(URLSAFE, 33)),
    () => join(fake.digits(10), ':BB', fake.chars(URLSAFE, 33)),
  ],
  ['square-access-token', () => `EAAA${fake.chars(URLSAFE, 60)}`, () => `EAAB${fake.chars(URLSAFE, 60)}`],
  [
    'square-oauth-secret',
    () => `sq0csp-${fake.chars(URLSAFE, 43)}`,
    () => `sq0csp-${fake.chars(URLSAFE, 20)}`,
  ],
  [
    'pypi-token',
    () => `pypi-AgEIcHlwaS5vcmc${fake.chars(URLSAFE, 120)}`,
    () => `pypi-AgEIcHlwaS5vcmc${fake.chars(URLSAFE, 20)}`,
  ],
  [
    'docker-hub-token',
    () => `dckr_pat_${fake.chars(URLSAFE, 27)}`,
    () => `dckr_pat_${fake.chars(URLSAFE, 20)}`,
  ],
  ['hugging-face-token', () => `hf_${fake.chars(LETTERS, 34)}`, () => `hf_${fake.chars(ALNUM, 34)}`],
  [
    'atlassian-api-token',
    () => `ATATT3${fake.chars(URLSAFE, 186)}`,
    () => `ATATT3${fake.chars(URLSAFE, 100)}`,
  ],
  ['linear-api-key', () => `lin_api_${fake.chars(ALNUM, 40)}`, () => `lin_api_${fake.chars(ALNUM, 30)}`],
  [
    'postman-api-key',
    () => join('PMAK-', fake.chars(HEX, 24), '-', fake.chars(HEX, 34)),
    () => join('PMAK-', fake.chars(HEX, 24), fake.chars(HEX, 34)),
  ],
  [
    'new-relic-user-key',
    () => `NRAK-${fake.chars(UPPER_ALNUM, 27)}`,
    () => `NRAK-${fake.chars(LOWER_ALNUM, 27)}`,
  ],
  [
    'grafana-service-account-token',
    () => join('glsa_', fake.chars(ALNUM, 32), '_', fake.chars(HEX, 8)),
    () => join('glsa_', fake.chars(ALNUM, 32), '_', fake.chars('ghijklmn', 8)),
  ],
  ['sentry-user-token', () => `sntryu_${fake.chars(HEX, 64)}`, () => `sntryu_${fake.chars(HEX, 60)}`],
  ['pulumi-access-token', () => `pul-${fake.chars(HEX, 40)}`, () => `pul-${fake.chars(UPPER_ALNUM, 40)}`],
  ['doppler-token', () => `dp.pt.${fake.chars(ALNUM, 43)}`, () => `dp.st.${fake.chars(ALNUM, 43)}`],
];

describe('a message with a SaaS credential', () => {
  it.each(CASES)(
    '%s is blocked with the public prefix at most shown',
    (id, make, _nearMiss, context = 'token') => {
      const secret = make();
      const f = expectOneFinding(`${context}: ${secret}\n`, id, secret);
      expect(f.action === 'BLOCK' || id === 'twilio-account-sid').toBe(true);
      expect(['CRITICAL', 'HIGH', 'MEDIUM']).toContain(f.severity);
    },
  );

  it.each(CASES)(
    '%s is also found quoted in JSON and at the start of an escaped line',
    (id, make, _n, context = 'token') => {
      const secret = make();
      expectOneFinding(`{"${context}": "${secret}"}`, id, secret);
      expectOneFinding(`"${context}\\n${secret}\\n"`, id, secret);
    },
  );

  it.each(CASES)('%s is not reported for its near miss', (id, _make, nearMiss, context = 'token') => {
    const text = context === 'token' ? `token: ${nearMiss()}\n` : `unrelated: ${nearMiss()}\n`;
    expectNoFinding(text, id);
  });

  it.each(CASES.filter(([id]) => !id.endsWith('-url')))(
    '%s is not reported inside a longer word',
    (id, make, _n, context = 'token') => {
      const secret = make();
      expectNoFinding(`${context}: x${secret}\n`, id);
      // A variable-length token may absorb the extra characters, but never reports a piece of a longer word.
      const longer = `${secret}Z9`;
      const lengths = scan(`${context}: ${longer}\n`)
        .filter((f) => f.patternId === id)
        .map((f) => f.end - f.start);
      expect(lengths.every((length) => length === longer.length)).toBe(true);
    },
  );
});

describe('a GitHub token', () => {
  it("is reported for the published example, whose checksum is GitHub's own", () => {
    const token = join('ghp_', 'zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ', '0mLq17');
    const f = expectOneFinding(`GITHUB_TOKEN=${token}`, 'github-personal-access-token', token);
    expect(f.maskedMatch).toMatch(/^ghp_\*+…/);
  });

  it('is not reported when the checksum fails, so random ghp_ strings stay quiet', () => {
    expect(idsIn(`token ghp_${fake.chars(ALNUM, 36)}`)).toEqual([]);
  });

  it('is not reported for a placeholder', () => {
    expect(idsIn(`token ghp_${'X'.repeat(36)} or ghp_${'x'.repeat(36)}`)).toEqual([]);
  });
});

describe('placeholders in a vendor shape', () => {
  it.each([
    `sk_live_${'X'.repeat(24)}`,
    `sk_live_${'x'.repeat(30)}`,
    `xoxb-${'1'.repeat(12)}-${'1'.repeat(13)}-${'X'.repeat(24)}`,
    `https://hooks.slack.com/services/T00000000/B00000000/${'X'.repeat(24)}`,
    `SG.${'x'.repeat(22)}.${'x'.repeat(43)}`,
    `sk-ant-api03-${'x'.repeat(93)}AA`,
  ])('%s is not a finding', (text) => {
    expect(idsIn(`key: ${text}`)).toEqual([]);
  });
});

describe('a context-bound SaaS identifier', () => {
  it('is reported only next to its vendor name', () => {
    const sid = `SK${fake.chars(HEX, 32)}`;
    expectNoFinding(`key ${sid}`, 'twilio-api-key');
    expectOneFinding(`Twilio API key ${sid}`, 'twilio-api-key', sid);
    const dd = fake.chars(HEX, 32);
    expectNoFinding(`checksum ${dd}`, 'datadog-api-key');
  });
});
