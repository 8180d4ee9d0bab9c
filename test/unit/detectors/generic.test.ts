import { ALNUM, FakeSecrets, HEX } from './fake-secrets';
import { expectNoFinding, expectOneFinding, idsIn, scan } from './scan-helpers';

const fake = new FakeSecrets(505);

describe('a message with a password in a URL', () => {
  it.each(['postgres', 'mysql', 'mongodb+srv', 'redis', 'amqps', 'https'])(
    'a %s URL is blocked with only the password masked',
    (scheme) => {
      const password = fake.chars(ALNUM, 18);
      const url = `${scheme}://svc_app:${password}@db-01.internal.corp:5432`;
      const f = expectOneFinding(`DATABASE_URL=${url}/app`, 'url-credentials', url, password);
      expect(f.maskedMatch).toBe(`${scheme}://svc_app:****@db-01.internal.corp:5432`);
    },
  );

  it.each([
    'postgres://user:password@localhost/db',
    'postgres://postgres:postgres@localhost:5432/postgres',
    'mysql://root:${MYSQL_ROOT_PASSWORD}@db/app',
    'https://user:<password>@git.corp.io/repo.git',
    'amqp://guest:guest@rabbit:5672',
    'redis://:changeme@cache:6379',
  ])('%s is a placeholder, not a leak', (url) => {
    expectNoFinding(`see ${url}`, 'url-credentials');
  });

  it('is not reported without a password, or for an email in a URL path', () => {
    expectNoFinding('ssh://git@github.com/org/repo.git', 'url-credentials');
    expectNoFinding('https://host.io/users/ada@lovelace.dev', 'url-credentials');
    expectNoFinding('https://host.io:8443/path@v2', 'url-credentials');
  });

  it('is found among hundreds of ordinary links, with a long token as its password', () => {
    const token = fake.chars(ALNUM, 300);
    const links = Array.from({ length: 400 }, (_, i) => `see https://docs.corp.io/page/${i} and`).join('\n');
    const url = `https://ci-bot:${token}@git.corp.io`;
    const findings = scan(`${links}\nclone ${url}/repo.git\n${links}`).filter(
      (f) => f.patternId === 'url-credentials',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.line).toBe(401);
    expect(findings[0]?.maskedMatch).toBe('https://ci-bot:****@git.corp.io');
  });
});

describe('a message with a password assignment', () => {
  const password = (): string => `${fake.chars(ALNUM, 10)}#${fake.digits(2)}`;

  it.each([
    (p: string) => `password = "${p}"`,
    (p: string) => `passwd: ${p}`,
    (p: string) => `pwd=${p}`,
    (p: string) => `DB_PASSWORD=${p}`,
    (p: string) => `spring.datasource.password=${p}`,
    (p: string) => `{"user": "ada", "password": "${p}"}`,
    (p: string) => `{\\"password\\":\\"${p}\\"}`,
    (p: string) => `$config['db_password'] => '${p}';`,
    (p: string) => `Password: ${p}`,
    (p: string) => `connect?user=ada&password=${p}`,
    (p: string) => `settings["smtp_password"] = "${p}"`,
  ])('is blocked in %p with only the value reported', (template) => {
    const p = password();
    const f = expectOneFinding(template(p), 'password-assignment', p);
    expect(f).toMatchObject({ severity: 'HIGH', action: 'BLOCK' });
  });

  it('keeps & and other symbols of a strong password', () => {
    expectOneFinding('password = "Tr0ub4dor&3"', 'password-assignment', 'Tr0ub4dor&3');
  });

  it.each([
    'password = "<your password>"',
    'password: ${DB_PASSWORD}',
    'password = "changeme"',
    'password = "{db_password}"',
    'password: [REDACTED]',
    'DB_PASSWORD=REPLACE_ME',
    'password=password',
    'PASSWORD=$PASSWORD',
    "password: '{{ vault_db_password }}'",
    'password = process.env.DB_PASSWORD',
    'password = os.getenv("DB_PASSWORD")',
    'password: !vault |',
    'password = "********"',
    'password = "aaaaaaaa"',
    'Password: required.',
    'password = newPassword;',
    'PWD=/home/ada/project',
    'password_reset_url = https://id.corp.io/reset',
    'passwordMinLength: 12345678',
    '<input type="password" name="password">',
  ])('%s is not reported', (text) => {
    expectNoFinding(text, 'password-assignment');
  });
});

describe('a message with an API key assignment', () => {
  it.each([
    'api_key',
    'API_KEY',
    'apiKey',
    'client_secret',
    'access_token',
    'x-api-key',
    'STRIPE_SIGNING_KEY',
  ])('a machine-generated value of %s is blocked', (name) => {
    const value = fake.chars(ALNUM, 32);
    expectOneFinding(`${name} = "${value}"`, 'generic-api-key', value);
  });

  it('reports hex keys and UUID-style keys', () => {
    const hex = fake.chars(HEX, 40);
    expectOneFinding(`api_key: ${hex}`, 'generic-api-key', hex);
  });

  it('leaves a vendor token to its own detector instead of reporting it twice', () => {
    const token = fake.checksummed('ghp_');
    expect(idsIn(`access_token = "${token}"`)).toEqual(['github-personal-access-token']);
  });

  it.each([
    'api_key = "YOUR_API_KEY_HERE_1234"',
    'api_key = settings.stripe.apiKey',
    'client_secret: ${CLIENT_SECRET}',
    'access_token = "xxxxxxxxxxxxxxxxxxxx"',
    'api_key = "my-service-v2-config"',
    'api_key_id = 4f1c2e9a0b7d6c3e',
    'apiKeyName: production-api-key-2024',
  ])('%s is not reported', (text) => {
    expectNoFinding(text, 'generic-api-key');
  });
});

describe('a message with HTTP Basic credentials', () => {
  it('is blocked when the header decodes to user:password', () => {
    const encoded = Buffer.from(`deploy:${fake.chars(ALNUM, 16)}`).toString('base64');
    expectOneFinding(
      `curl -H "Authorization: Basic ${encoded}" https://api.corp.io`,
      'basic-auth-header',
      encoded,
    );
  });

  it('is not reported when the credentials are a placeholder', () => {
    const encoded = Buffer.from('user:password').toString('base64');
    expectNoFinding(`Authorization: Basic ${encoded}`, 'basic-auth-header');
  });
});

describe('a message with a JSON Web Token', () => {
  it('is blocked', () => {
    const jwt = fake.jwt();
    const f = expectOneFinding(`Authorization: Bearer ${jwt}`, 'jwt', jwt);
    expect(f.action).toBe('BLOCK');
  });

  it("is not reported for jwt.io's sample token or a malformed one", () => {
    expectNoFinding(fake.jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }), 'jwt');
    const [h, , s] = fake.jwt().split('.') as [string, string, string];
    expectNoFinding(`${h}.eyJub3QganNvbn0.${s}`, 'jwt');
  });
});
