import { builtinDetectors, detectorCatalogue } from '../../../worker/dlp/detectors';
import { parsePattern } from '../../../worker/dlp/pattern-schema';
import { compileScanner } from '../../../worker/dlp/scanner';
import { FakeSecrets, HEX } from './fake-secrets';
import { scan } from './scan-helpers';

const fake = new FakeSecrets(606);
const CREDENTIAL_CATEGORIES = new Set(['cloud', 'saas', 'keys', 'generic']);
/** Identifiers that are half of a credential: worth an alert, not a block. */
const IDENTIFIERS = new Set(['twilio-account-sid']);

describe('the built-in detector library', () => {
  it('has at least forty detectors with unique, stable kebab-case ids', () => {
    const ids = builtinDetectors.map((d) => d.id);
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('compiles as one scanner', () => {
    expect(compileScanner(builtinDetectors).patterns).toHaveLength(builtinDetectors.length);
  });

  it.each(builtinDetectors.map((d) => [d.id, d] as const))(
    '%s is a valid pattern with a name, a one-line description and a category',
    (_id, d) => {
      expect(parsePattern(d, d.id).errors).toEqual([]);
      expect(d.builtin).toBe(true);
      expect(d.name.trim().length).toBeGreaterThan(3);
      expect(d.description?.trim().length ?? 0).toBeGreaterThan(20);
      expect(d.description).not.toContain('\n');
      expect(['payment', 'identity', 'cloud', 'saas', 'keys', 'generic']).toContain(d.category);
    },
  );

  it.each(
    builtinDetectors
      .filter((d) => CREDENTIAL_CATEGORIES.has(d.category ?? ''))
      .map((d) => [d.id, d] as const),
  )('%s, a credential, blocks at high or critical severity and filters placeholders', (id, d) => {
    if (IDENTIFIERS.has(id)) {
      expect(d.action).toBe('ALERT');
    } else {
      expect(d.action).toBe('BLOCK');
      expect(['HIGH', 'CRITICAL']).toContain(d.severity);
    }
    expect(d.rejectPlaceholders === true || d.validator !== undefined).toBe(true);
  });

  it('logs contact details at low severity and blocks or redacts financial and national identifiers', () => {
    const byId = new Map(builtinDetectors.map((d) => [d.id, d]));
    for (const id of ['email-address', 'phone-number'])
      expect(byId.get(id)).toMatchObject({ action: 'LOG', severity: 'LOW' });
    for (const id of ['card-visa', 'card-mastercard', 'card-amex', 'us-ssn', 'iban']) {
      expect(['BLOCK', 'REDACT']).toContain(byId.get(id)?.action);
      expect(byId.get(id)?.severity).toBe('HIGH');
    }
    expect(byId.get('card-visa')?.mask).toBe('card');
    expect(byId.get('private-key-rsa')?.mask).toBe('pem');
    expect(byId.get('url-credentials')?.mask).toBe('url-credentials');
  });

  it('is listed in the catalogue in the same order', () => {
    const catalogue = detectorCatalogue();
    expect(catalogue.map((c) => c.id)).toEqual(builtinDetectors.map((d) => d.id));
    expect(catalogue[0]).toMatchObject({
      id: 'card-visa',
      category: 'payment',
      severity: 'HIGH',
      action: 'BLOCK',
    });
  });
});

describe('a busy workspace', () => {
  // Ordinary traffic that looks a little like secrets: none of it may be blocked.
  const messages = [
    'deployed 3f2a9c1e7b4d8a06c5e2f1b3a9d7c4e8f0a1b2c3 to prod, see PR #4521',
    `request id ${fake.chars(HEX, 8)}-${fake.chars(HEX, 4)}-4${fake.chars(HEX, 3)}-a${fake.chars(HEX, 3)}-${fake.chars(HEX, 12)} failed`,
    'ts 1700000000.000100 in channel C0123ABCD, thread 1699999999.123456',
    'bump lodash from 4.17.20 to 4.17.21 and react@18.2.0',
    'call the API at https://api.corp.io/v2/users?page=2&limit=100',
    'password reset link sent, please check your inbox',
    'the password field is required and must be 12 characters',
    'set PASSWORD in .env (see .env.example) and never commit it',
    'const password = req.body.password;',
    'if (password === confirmPassword) return ok;',
    'export DB_PASSWORD=${DB_PASSWORD:-}',
    'aws s3 cp ./build s3://corp-assets/app --recursive',
    'AWS region us-east-1, account 123456789012',
    'token: <redacted>',
    'api_key: YOUR_API_KEY',
    `${['sk', 'test', fake.chars(HEX, 24)].join('_')} is a Stripe test-mode key`,
    'The order total was 1234567890123456 cents? no, 12.34 dollars',
    'image data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'meeting at 10:30, room 4B, dial-in code 8843',
    'ISBN 978-3-16-148410-0 and DOI 10.1000/182',
  ];

  it.each(messages)('does not block %s', (message) => {
    expect(scan(message).filter((f) => f.action === 'BLOCK' || f.action === 'REDACT')).toEqual([]);
  });
});
