import type { PatternDefinition } from '../types';
import { builtin, CREDENTIAL, DASHED_END, pemBegin, pemEnd, token } from './shapes';

const cloud = (fields: Omit<PatternDefinition, 'builtin' | 'category'>): PatternDefinition =>
  builtin('cloud', fields);

/** The Azurite storage emulator's account key, published in Microsoft's docs: it unlocks nothing real. */
const AZURITE_KEY = [
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq',
  'K1SZFPTOtr',
  'KBHBeksoGMGw==',
].join('/');

export const cloudDetectors: readonly PatternDefinition[] = [
  cloud({
    id: 'aws-access-key-id',
    name: 'AWS access key ID',
    description:
      'An AWS access key ID (AKIA… long-term, ASIA… temporary, and the other IAM prefixes), 20 characters; the documented AKIAIOSFODNN7EXAMPLE is not reported.',
    // AWS key IDs are base32 after the 4-character prefix (IAM "Unique identifiers" documentation).
    regex: token('(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}'),
    ...CREDENTIAL,
    severity: 'HIGH',
    action: 'BLOCK',
    keepPrefix: 4,
  }),
  cloud({
    id: 'aws-secret-access-key',
    name: 'AWS secret access key',
    description:
      'A 40-character AWS secret access key (random base64, mixed case and digits) next to the word AWS or secret access key.',
    // Only after a separator a value follows (space, quote, `=`, `:`, a bracket), never after `-` or `.`, which
    // would make it a slice of a URL or a file name.
    regex: '(?:^|\\\\[nrt]|[\\s"\'=:,(\\[{<>`])(?P<secret>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)',
    ...CREDENTIAL,
    validator: 'aws-secret-key',
    context: {
      words: [
        'aws',
        'amazon',
        'secret_access_key',
        'secretaccesskey',
        'secret access key',
        'secret-access-key',
      ],
      window: 100,
      required: true,
    },
    severity: 'CRITICAL',
    action: 'BLOCK',
  }),
  cloud({
    id: 'gcp-api-key',
    name: 'Google Cloud API key',
    description: 'A Google Cloud / Firebase / Maps API key: AIza followed by 35 characters.',
    regex: token('AIza[0-9A-Za-z_-]{35}', DASHED_END),
    ...CREDENTIAL,
    severity: 'HIGH',
    action: 'BLOCK',
    keepPrefix: 4,
  }),
  cloud({
    id: 'gcp-service-account-key',
    name: 'Google Cloud service account private key',
    description:
      'The "private_key" field of a Google Cloud service account JSON key file: a PKCS#8 private key with escaped newlines.',
    regex: `"private_key"\\s*:\\s*"(?P<secret>${pemBegin('PRIVATE KEY')}(?:\\\\n|[A-Za-z0-9+/=])+?${pemEnd('PRIVATE KEY')}(?:\\\\n)?)"`,
    secretGroup: 'secret',
    validator: 'pem-private-key',
    severity: 'CRITICAL',
    action: 'BLOCK',
    mask: 'pem',
  }),
  cloud({
    id: 'google-oauth-client-secret',
    name: 'Google OAuth client secret',
    description: 'A Google OAuth 2.0 client secret: GOCSPX- followed by 28 characters.',
    regex: token('GOCSPX-[A-Za-z0-9_-]{28}', DASHED_END),
    ...CREDENTIAL,
    severity: 'HIGH',
    action: 'BLOCK',
    keepPrefix: 7,
  }),
  cloud({
    id: 'google-oauth-access-token',
    name: 'Google OAuth access token',
    description: 'A Google OAuth 2.0 access token (ya29.…), valid for about an hour after it was issued.',
    regex: token('ya29\\.[0-9A-Za-z_-]{50,}', DASHED_END),
    ...CREDENTIAL,
    severity: 'HIGH',
    action: 'BLOCK',
    keepPrefix: 5,
  }),
  cloud({
    id: 'azure-storage-account-key',
    name: 'Azure storage account key',
    description:
      'An Azure storage account key (88 base64 characters ending ==) in a connection string or an AccountKey= setting; the Azurite emulator key is not reported.',
    regex: '(?i)AccountKey\\s*=\\s*(?P<secret>[A-Za-z0-9+/]{85}[AQgw]==)',
    ...CREDENTIAL,
    allowlist: { values: [AZURITE_KEY] },
    severity: 'CRITICAL',
    action: 'BLOCK',
  }),
  cloud({
    id: 'azure-shared-access-key',
    name: 'Azure Service Bus / Event Hubs / IoT Hub shared access key',
    description:
      'The SharedAccessKey of an Azure Service Bus, Event Hubs or IoT Hub connection string (44 base64 characters).',
    regex: '(?i)SharedAccessKey\\s*=\\s*(?P<secret>[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)',
    ...CREDENTIAL,
    severity: 'HIGH',
    action: 'BLOCK',
  }),
  cloud({
    id: 'azure-ad-client-secret',
    name: 'Microsoft Entra ID (Azure AD) client secret',
    description:
      'A Microsoft Entra ID application client secret: three characters, a digit, Q~, then 31–34 characters.',
    regex:
      '(?:^|[\\\\\'"`\\s>=:(,)])(?P<secret>[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34})(?:$|[\\\\\'"`\\s<),])',
    ...CREDENTIAL,
    minEntropy: 3,
    severity: 'HIGH',
    action: 'BLOCK',
  }),
  cloud({
    id: 'digitalocean-token',
    name: 'DigitalOcean token',
    description:
      'A DigitalOcean personal access, OAuth or refresh token: dop_v1_, doo_v1_ or dor_v1_ then 64 hex digits.',
    regex: token('do[opr]_v1_[a-f0-9]{64}'),
    ...CREDENTIAL,
    severity: 'HIGH',
    action: 'BLOCK',
    keepPrefix: 7,
  }),
  cloud({
    id: 'heroku-api-key',
    name: 'Heroku API key',
    description: 'A Heroku platform API key in the current format: HRKU-AA followed by 58 characters.',
    regex: token('HRKU-AA[0-9A-Za-z_-]{58}', DASHED_END),
    ...CREDENTIAL,
    severity: 'HIGH',
    action: 'BLOCK',
    keepPrefix: 5,
  }),
  cloud({
    id: 'hashicorp-vault-token',
    name: 'HashiCorp Vault token',
    description: 'A HashiCorp Vault service (hvs.) or batch (hvb.) token.',
    regex: token('hvs\\.[A-Za-z0-9_-]{90,120}|hvb\\.[A-Za-z0-9_-]{138,300}', DASHED_END),
    ...CREDENTIAL,
    severity: 'CRITICAL',
    action: 'BLOCK',
    keepPrefix: 4,
  }),
  cloud({
    id: 'terraform-cloud-token',
    name: 'Terraform Cloud / HCP Terraform API token',
    description: 'A Terraform Cloud user, team or organisation API token (….atlasv1.…).',
    regex: token('[a-z0-9]{14}\\.atlasv1\\.[a-z0-9_=-]{60,70}', '(?:[^a-z0-9_=-]|$)'),
    ...CREDENTIAL,
    severity: 'HIGH',
    action: 'BLOCK',
  }),
  cloud({
    id: 'databricks-token',
    name: 'Databricks personal access token',
    description: 'A Databricks personal access token: dapi followed by 32 hex digits.',
    regex: token('dapi[a-f0-9]{32}(?:-\\d)?', DASHED_END),
    ...CREDENTIAL,
    severity: 'HIGH',
    action: 'BLOCK',
    keepPrefix: 4,
  }),
];
