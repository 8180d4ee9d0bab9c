import { isUrlWithRealCredentials } from '../../../worker/dlp/validators/url-credentials';
import { ALNUM, FakeSecrets } from '../detectors/fake-secrets';

const fake = new FakeSecrets(23);

describe('a URL with credentials', () => {
  it('carries a real password when the user-info holds a non-placeholder password', () => {
    const pw = fake.chars(ALNUM, 16);
    expect(isUrlWithRealCredentials(`postgres://app:${pw}@db.internal:5432/app`)).toBe(true);
    expect(isUrlWithRealCredentials(`https://deploy:${pw}@git.corp.io/repo.git`)).toBe(true);
    expect(isUrlWithRealCredentials(`redis://:${pw}@[::1]:6379`)).toBe(true);
    expect(isUrlWithRealCredentials(`amqp://svc:S3cr%40t-${pw}@mq:5672`)).toBe(true);
  });

  it.each([
    'postgres://user:password@localhost/db',
    'postgres://user:pass@localhost/db',
    'mysql://root:${DB_PASSWORD}@db/app',
    'mysql://root:$DB_PASSWORD@db/app',
    'https://user:<password>@host.io',
    'https://user:****@host.io',
    'https://user:xxxxxxxx@host.io',
    'postgres://postgres:postgres@localhost:5432/postgres',
    'mongodb://admin:changeme@mongo:27017',
    'mongodb://admin:your_password@mongo:27017',
    'mongodb://admin::password@mongo:27017',
  ])('carries only a placeholder in %s', (url) => {
    expect(isUrlWithRealCredentials(url)).toBe(false);
  });

  it('needs a password and a host', () => {
    expect(isUrlWithRealCredentials('https://user@host.io')).toBe(false);
    expect(isUrlWithRealCredentials(`https://user:${fake.chars(ALNUM, 12)}@`)).toBe(false);
    expect(isUrlWithRealCredentials('not a url')).toBe(false);
  });
});
