import {
  ALNUM,
  BASE64,
  FakeSecrets,
  fakePem,
  HEX,
  jsonEscaped,
  LOWER_ALNUM,
  UPPER_ALNUM,
} from './fake-secrets';
import { expectNoFinding, expectOneFinding, idsIn } from './scan-helpers';

const fake = new FakeSecrets(202);
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const URLSAFE = `${ALNUM}-_`;

describe('a message with an AWS access key id', () => {
  it.each(['AKIA', 'ASIA'])('is blocked with the %s prefix shown', (prefix) => {
    const id = `${prefix}${fake.chars(BASE32, 16)}`;
    const f = expectOneFinding(`aws_access_key_id = ${id}`, 'aws-access-key-id', id);
    expect(f.maskedMatch.startsWith(prefix)).toBe(true);
    expect(f).toMatchObject({ action: 'BLOCK', severity: 'HIGH' });
  });

  it("is not reported for AWS's documented example id", () => {
    expectNoFinding(`key ${['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('')}`, 'aws-access-key-id');
  });

  it('is not reported inside a longer run, with lower case, or with digits outside base32', () => {
    const body = fake.chars(BASE32, 16);
    expectNoFinding(`XAKIA${body}`, 'aws-access-key-id');
    expectNoFinding(`AKIA${body}Q`, 'aws-access-key-id');
    expectNoFinding(`AKIA${body.toLowerCase()}`, 'aws-access-key-id');
    expectNoFinding(`AKIA${body.slice(0, 15)}1`, 'aws-access-key-id');
  });
});

describe('a message with an AWS secret access key', () => {
  it('is blocked next to the word aws or secret access key', () => {
    const key = fake.awsSecretKey();
    const f = expectOneFinding(`aws_secret_access_key = ${key}`, 'aws-secret-access-key', key);
    expect(f.severity).toBe('CRITICAL');
    expectOneFinding(`export AWS_SECRET_ACCESS_KEY="${key}"`, 'aws-secret-access-key', key);
    expectOneFinding(`{"SecretAccessKey":"${key}"}`, 'aws-secret-access-key', key);
  });

  it('is not reported without context, as a git SHA, or as the documented example key', () => {
    expectNoFinding(`value ${fake.awsSecretKey()}`, 'aws-secret-access-key');
    expectNoFinding(`aws commit ${fake.chars(HEX, 40)}`, 'aws-secret-access-key');
    expectNoFinding(
      `aws_secret_access_key = ${['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/')}`,
      'aws-secret-access-key',
    );
  });

  it('is not reported for a 40-character slice of an AWS documentation link', () => {
    const link =
      '[Output](https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-client-s3/Interface/ListObjectsV2CommandOutput/)';
    expectNoFinding(link, 'aws-secret-access-key');
  });

  it('is not reported when the 40 characters are part of a longer base64 run', () => {
    expectNoFinding(`aws blob ${fake.chars(BASE64, 120)}`, 'aws-secret-access-key');
  });
});

describe('a message with Google Cloud credentials', () => {
  it('reports an API key, keeping only AIza', () => {
    const key = `AIza${fake.chars(URLSAFE, 35)}`;
    const f = expectOneFinding(`maps key=${key}&v=3`, 'gcp-api-key', key);
    expect(f.maskedMatch.startsWith('AIza*')).toBe(true);
    expectNoFinding(`AIza${fake.chars(URLSAFE, 34)}`, 'gcp-api-key');
    expectNoFinding(`AIza${fake.chars(URLSAFE, 36)}`, 'gcp-api-key');
  });

  it('reports the private key of a service account JSON file, masked as a PEM block', () => {
    const pem = jsonEscaped(fakePem(fake, 'PRIVATE KEY'));
    const text = `{"type": "service_account", "private_key_id": "${fake.chars(HEX, 40)}", "private_key": "${pem}\\n", "client_email": "svc@proj.iam.gserviceaccount.com"}`;
    const f = expectOneFinding(text, 'gcp-service-account-key', `${pem}\\n`);
    expect(f.maskedMatch).toBe('-----BEGIN PRIVATE KEY----- ****…**** -----END PRIVATE KEY-----');
  });

  it('does not report a service account file whose key is elided', () => {
    const text = '{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE...\\n-----END PRIVATE KEY-----\\n"}';
    expect(idsIn(text)).toEqual([]);
  });

  it('reports an OAuth client secret and an access token', () => {
    const secret = `GOCSPX-${fake.chars(URLSAFE, 28)}`;
    expectOneFinding(`client_secret: ${secret}`, 'google-oauth-client-secret', secret);
    const access = `ya29.${fake.chars(URLSAFE, 120)}`;
    expectOneFinding(`Authorization: Bearer ${access}`, 'google-oauth-access-token', access);
    expectNoFinding(`ya29.${fake.chars(URLSAFE, 20)}`, 'google-oauth-access-token');
  });
});

describe('a message with Azure credentials', () => {
  it('reports the AccountKey of a storage connection string', () => {
    const key = `${fake.chars(BASE64, 85)}Q==`;
    const text = `DefaultEndpointsProtocol=https;AccountName=corpdata;AccountKey=${key};EndpointSuffix=core.windows.net`;
    const f = expectOneFinding(text, 'azure-storage-account-key', key);
    expect(f.severity).toBe('CRITICAL');
  });

  it('does not report the Azurite emulator key or a key of the wrong size', () => {
    const azurite = [
      'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq',
      'K1SZFPTOtr',
      'KBHBeksoGMGw==',
    ].join('/');
    expectNoFinding(`AccountName=devstoreaccount1;AccountKey=${azurite}`, 'azure-storage-account-key');
    expectNoFinding(`AccountKey=${fake.chars(BASE64, 84)}Q==`, 'azure-storage-account-key');
  });

  it('reports the SharedAccessKey of a Service Bus connection string', () => {
    const key = `${fake.chars(BASE64, 42)}E=`;
    const text = `Endpoint=sb://corp.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${key}`;
    expectOneFinding(text, 'azure-shared-access-key', key);
    expectNoFinding(`SharedAccessKey=${'x'.repeat(43)}=`, 'azure-shared-access-key');
  });

  it('reports an Entra ID client secret by its Q~ marker', () => {
    const secret = `${fake.chars(ALNUM, 3)}8Q~${fake.chars(`${ALNUM}_~.-`, 34)}`;
    expectOneFinding(`AZURE_CLIENT_SECRET="${secret}"`, 'azure-ad-client-secret', secret);
    expectNoFinding(
      `AZURE_CLIENT_SECRET="${fake.chars(ALNUM, 3)}8Q-${fake.chars(ALNUM, 34)}"`,
      'azure-ad-client-secret',
    );
  });
});

describe('a message with other cloud platform tokens', () => {
  it.each([
    ['digitalocean-token', () => `dop_v1_${fake.chars(HEX, 64)}`, () => `dop_v1_${fake.chars(HEX, 63)}`],
    ['heroku-api-key', () => `HRKU-AA${fake.chars(URLSAFE, 58)}`, () => `HRKU-AB${fake.chars(URLSAFE, 58)}`],
    ['hashicorp-vault-token', () => `hvs.${fake.chars(URLSAFE, 95)}`, () => `hvs.${fake.chars(URLSAFE, 24)}`],
    [
      'terraform-cloud-token',
      () => `${fake.chars(LOWER_ALNUM, 14)}.atlasv1.${fake.chars(LOWER_ALNUM, 64)}`,
      () => `${fake.chars(LOWER_ALNUM, 14)}.atlasv2.${fake.chars(LOWER_ALNUM, 64)}`,
    ],
    ['databricks-token', () => `dapi${fake.chars(HEX, 32)}`, () => `dapi${fake.chars(UPPER_ALNUM, 32)}`],
  ])('%s is blocked, and its near miss is not', (id, make, nearMiss) => {
    const secret = make();
    const f = expectOneFinding(`token: ${secret}\n`, id, secret);
    expect(f.action).toBe('BLOCK');
    expectNoFinding(`token: ${nearMiss()}\n`, id);
  });

  it('does not report a placeholder in a real shape', () => {
    expectNoFinding(`dop_v1_${'0'.repeat(64)}`, 'digitalocean-token');
    expectNoFinding(`hvs.${'X'.repeat(95)}`, 'hashicorp-vault-token');
  });
});
