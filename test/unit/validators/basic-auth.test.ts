import { isBasicAuthCredentials } from '../../../worker/dlp/validators/basic-auth';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

// RFC 7617 §2: the credentials are base64("user-id:password").
describe('HTTP Basic credentials', () => {
  it('are real when they decode to user:password', () => {
    expect(isBasicAuthCredentials(b64('ada:Tr0ub4dor&3'))).toBe(true);
    expect(isBasicAuthCredentials(b64(':apitoken-7f3k2'))).toBe(true);
  });

  it('are not when the password is a placeholder, empty or the user name again', () => {
    expect(isBasicAuthCredentials(b64('user:password'))).toBe(false);
    expect(isBasicAuthCredentials(b64('user:'))).toBe(false);
    expect(isBasicAuthCredentials(b64('admin:admin'))).toBe(false);
    expect(isBasicAuthCredentials(b64('user:<password>'))).toBe(false);
  });

  it('are not when the text is not base64 of printable user:password', () => {
    expect(isBasicAuthCredentials(b64('no colon here'))).toBe(false);
    expect(isBasicAuthCredentials(Buffer.from([0x00, 0xff, 0x3a, 0x10, 0x80, 0x81]).toString('base64'))).toBe(
      false,
    );
    expect(isBasicAuthCredentials('abc')).toBe(false);
    expect(isBasicAuthCredentials('dXNlcjpwYXNz!')).toBe(false);
  });
});
