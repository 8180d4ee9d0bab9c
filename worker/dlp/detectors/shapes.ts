import type { PatternDefinition } from '../types';

/**
 * Building blocks shared by the built-in detectors. RE2 has no lookaround, so a boundary that is not a plain
 * `\b` is matched (consumed) and the secret is carried in the `secret` group; only one side of a token ever
 * consumes, so two tokens separated by a single character are both found.
 */

/** Before a token: a word boundary, or a `\n`/`\r`/`\t` escape when the text is a JSON or C string. */
export const TOKEN_START = String.raw`(?:\\[nrt]|\b)`;

/** After a token whose alphabet includes `-`: the next character is not one of the token's own. */
export const DASHED_END = String.raw`(?:[^A-Za-z0-9_-]|$)`;

/**
 * A prefixed token bounded on both sides. `end` is `\b` for tokens made of word characters only; pass
 * `DASHED_END` (or a custom class) for tokens that may end in `-`, `=` or similar.
 * @example token('ghp_[A-Za-z0-9]{36}') → '(?:\\\\[nrt]|\\b)(?P<secret>ghp_[A-Za-z0-9]{36})\\b'
 */
export function token(core: string, end: string = String.raw`\b`): string {
  return `${TOKEN_START}(?P<secret>${core})${end}`;
}

/** Fields every built-in shares; `secretGroup: 'secret'` matches the group `token()` and the assignment shapes use. */
export function builtin(
  category: string,
  fields: Omit<PatternDefinition, 'builtin' | 'category'>,
): PatternDefinition {
  return { builtin: true, category, ...fields };
}

/** Fields every credential detector shares: placeholders are never findings and the whole match is never shown. */
export const CREDENTIAL = {
  secretGroup: 'secret',
  rejectPlaceholders: true,
  mask: 'token',
} as const satisfies Partial<PatternDefinition>;

const dashes = '-----';
/** `-----BEGIN <label>-----`, assembled so this source file does not itself look like a key to a scanner. */
export const pemBegin = (label: string): string => `${dashes}BEGIN ${label}${dashes}`;
export const pemEnd = (label: string): string => `${dashes}END ${label}${dashes}`;
