import type { PatternDefinition } from '../types';
import { builtin, CREDENTIAL, token } from './shapes';

const generic = (fields: Omit<PatternDefinition, 'builtin' | 'category'>): PatternDefinition =>
  builtin('generic', fields);

/**
 * `key = value`, `key: value`, `"key": "value"`, `key => value`, `config["key"] = value`, also inside a
 * JSON-escaped string.
 */
const ASSIGN = String.raw`\\?["']?\]?\s*(?:=|:=|=>|:)\s*\\?["']?`;
/**
 * A password as typed: anything but whitespace, quotes, a backslash (the end of a JSON-escaped string) and `;`
 * (the next field of a connection string). `&` stays in: it is common in strong passwords.
 */
const PASSWORD_VALUE = String.raw`[^\s"'\x60,;\\]{6,}`;

export const genericDetectors: readonly PatternDefinition[] = [
  generic({
    id: 'url-credentials',
    name: 'Password in a URL',
    description:
      'A URL with a password in it (postgres://user:password@host, https://user:token@git…); placeholder and default passwords are not reported.',
    // Bounded (scheme 32, user 128, password 512, host 255 bytes) so the engine searches only around each
    // "://" instead of running the pattern over whole segments: chat text is full of links.
    regex:
      '\\b(?P<secret>[A-Za-z][A-Za-z0-9+.-]{1,31}://[^\\s:/@\'"`<>|]{0,128}:[^\\s@/\'"`<>|]{1,512}@[A-Za-z0-9.\\[\\]:-]{1,255})',
    secretGroup: 'secret',
    // Placeholders are judged on the password alone by the validator: the whole URL may name a host such
    // as samples.corp.io without being an example.
    validator: 'url-credentials',
    severity: 'HIGH',
    action: 'BLOCK',
    mask: 'url-credentials',
  }),
  generic({
    id: 'password-assignment',
    name: 'Password in code or configuration',
    description:
      'A password assigned in code, configuration or an env file (password = "…", passwd:, pwd=, DB_PASSWORD=, "password": "…"); references, placeholders and weak-looking prose are not reported.',
    regex: `(?i)(?:password|passwd|passphrase|pwd)${ASSIGN}(?P<secret>${PASSWORD_VALUE})`,
    ...CREDENTIAL,
    validator: 'password-value',
    minEntropy: 2.5,
    severity: 'HIGH',
    action: 'BLOCK',
  }),
  generic({
    id: 'generic-api-key',
    name: 'Secret in an API key or token assignment',
    description:
      'A machine-generated value assigned to a name such as api_key, client_secret, access_token or signing_key; vendor tokens are left to their own detectors.',
    regex: `(?i)(?:api[_.-]?key|apikey|api[_.-]?secret|secret[_.-]?key|client[_.-]?secret|app[_.-]?secret|access[_.-]?token|auth[_.-]?token|refresh[_.-]?token|bearer[_.-]?token|private[_.-]?token|secret[_.-]?token|signing[_.-]?key|encryption[_.-]?key)${ASSIGN}(?P<secret>[A-Za-z0-9_\\-+/=.~]{16,})(?:[^A-Za-z0-9_\\-+/=.~]|$)`,
    ...CREDENTIAL,
    validator: 'generic-secret',
    minEntropy: 3.5,
    baseConfidence: 0.6,
    severity: 'HIGH',
    action: 'BLOCK',
  }),
  generic({
    id: 'basic-auth-header',
    name: 'HTTP Basic credentials',
    description: 'An Authorization: Basic header whose value decodes to a user name and a real password.',
    regex: '(?i)\\bauthorization\\s*:\\s*basic\\s+(?P<secret>[A-Za-z0-9+/]{8,}={0,2})',
    ...CREDENTIAL,
    validator: 'basic-auth',
    severity: 'HIGH',
    action: 'BLOCK',
  }),
  generic({
    id: 'jwt',
    name: 'JSON Web Token',
    description:
      'A signed JSON Web Token (three base64url parts with a JSON header and payload), which usually grants access until it expires.',
    regex: token('eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}', '(?:[^A-Za-z0-9_-]|$)'),
    ...CREDENTIAL,
    validator: 'jwt',
    severity: 'HIGH',
    action: 'BLOCK',
  }),
];
