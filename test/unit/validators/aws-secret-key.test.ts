import { isAwsSecretKeyPlausible } from '../../../worker/dlp/validators/aws-secret-key';
import { BASE64, FakeSecrets } from '../detectors/fake-secrets';

const fake = new FakeSecrets(17);

describe('an AWS secret access key', () => {
  it('is plausible when 40 random base64 characters', () => {
    for (let i = 0; i < 200; i += 1) expect(isAwsSecretKeyPlausible(fake.chars(BASE64, 40))).toBe(true);
  });

  it("is not AWS's documented example key", () => {
    // From the AWS IAM user guide ("Managing access keys"), split so it is not itself scanned.
    expect(isAwsSecretKeyPlausible(['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/'))).toBe(false);
  });

  it('is not a hex digest, a single case, or a low-entropy string', () => {
    expect(isAwsSecretKeyPlausible(fake.chars('0123456789abcdef', 40))).toBe(false);
    expect(isAwsSecretKeyPlausible(fake.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 40))).toBe(false);
    expect(isAwsSecretKeyPlausible('Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1Ab1A')).toBe(false);
  });

  it('is not a 40-character slice of a documentation URL path', () => {
    expect(isAwsSecretKeyPlausible('s3/Interface/GetBucketAbacCommandInput/')).toBe(false);
  });

  it('is exactly 40 characters of base64', () => {
    expect(isAwsSecretKeyPlausible(fake.chars(BASE64, 39))).toBe(false);
    expect(isAwsSecretKeyPlausible(fake.chars(BASE64, 41))).toBe(false);
    expect(isAwsSecretKeyPlausible(`${fake.chars(BASE64, 39)}-`)).toBe(false);
  });
});
