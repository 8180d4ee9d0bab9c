import { isGenericSecret } from '../../../worker/dlp/validators/generic-secret';
import { ALNUM, FakeSecrets, HEX } from '../detectors/fake-secrets';

const fake = new FakeSecrets(29);

describe('the value of an api_key style assignment', () => {
  it('is a secret when machine-generated', () => {
    expect(isGenericSecret(fake.chars(ALNUM, 32))).toBe(true);
    expect(isGenericSecret(fake.chars(HEX, 40))).toBe(true);
    expect(
      isGenericSecret(
        `${fake.chars(HEX, 8)}-${fake.chars(HEX, 4)}-4${fake.chars(HEX, 3)}-a${fake.chars(HEX, 3)}-${fake.chars(HEX, 12)}`,
      ),
    ).toBe(true);
  });

  it('is left to the vendor detector when it carries a known prefix', () => {
    expect(isGenericSecret(`ghp_${fake.chars(ALNUM, 36)}`)).toBe(false);
    expect(isGenericSecret(`sk_live_${fake.chars(ALNUM, 24)}`)).toBe(false);
    expect(isGenericSecret(`AKIA${fake.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`)).toBe(false);
  });

  it.each([
    'settings.apiKey.value2',
    'STRIPE_API_KEY_2024',
    'my-service-v2-config',
    'aaaaaaaaaaaaaaaaaaaa',
    'short1',
  ])('%s is a name, a reference or too weak', (v) => {
    expect(isGenericSecret(v)).toBe(false);
  });
});
