import { isJwtValid } from '../../../worker/dlp/validators/jwt';
import { FakeSecrets } from '../detectors/fake-secrets';

const fake = new FakeSecrets(11);
const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const raw = (text: string): string => Buffer.from(text).toString('base64url');

// Structure per RFC 7519 §3 and RFC 7515 §7.1 (JWS compact serialisation).
describe('a JSON Web Token', () => {
  it('passes with a JSON header naming its alg, a JSON payload and a signature', () => {
    expect(isJwtValid(fake.jwt())).toBe(true);
    expect(
      isJwtValid(
        `${part({ alg: 'RS256', kid: 'k1' })}.${part({ sub: 'a' })}.${fake.chars('abcXYZ_-09', 86)}`,
      ),
    ).toBe(true);
  });

  it('passes unsigned when alg is none (RFC 7519 §6)', () => {
    expect(isJwtValid(`${part({ alg: 'none' })}.${part({ sub: 'svc' })}.`)).toBe(true);
  });

  it('fails when signed with an alg but the signature is empty', () => {
    expect(isJwtValid(`${part({ alg: 'HS256' })}.${part({ sub: 'svc' })}.`)).toBe(false);
  });

  it('fails when the header has no string alg or is not an object', () => {
    const payload = part({ sub: 'a' });
    const sig = fake.chars('abcXYZ', 43);
    expect(isJwtValid(`${part({ typ: 'JWT' })}.${payload}.${sig}`)).toBe(false);
    expect(isJwtValid(`${part({ alg: 5 })}.${payload}.${sig}`)).toBe(false);
    expect(isJwtValid(`${part(['HS256'])}.${payload}.${sig}`)).toBe(false);
    expect(isJwtValid(`${raw('{"alg":')}.${payload}.${sig}`)).toBe(false);
  });

  it('fails when the payload is not a JSON object', () => {
    const header = part({ alg: 'HS256' });
    expect(isJwtValid(`${header}.${raw('hello')}.${fake.chars('abc', 43)}`)).toBe(false);
    expect(isJwtValid(`${header}.${part('text')}.${fake.chars('abc', 43)}`)).toBe(false);
  });

  it('fails without exactly three parts or with characters outside base64url', () => {
    const token = fake.jwt();
    expect(isJwtValid(token.split('.').slice(0, 2).join('.'))).toBe(false);
    expect(isJwtValid(`${token}.extra`)).toBe(false);
    expect(isJwtValid(token.replace('.', '.+'))).toBe(false);
    expect(isJwtValid('')).toBe(false);
  });

  it("fails for the jwt.io debugger's sample token pasted in docs", () => {
    const sample = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.${fake.chars('abcXYZ', 43)}`;
    expect(isJwtValid(sample)).toBe(false);
  });
});
