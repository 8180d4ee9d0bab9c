/**
 * Canonical JSON (RFC 8785, "JCS", for the values events hold): object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers written as ECMAScript's JSON.stringify writes them, `undefined` members left out.
 * Two equal values always serialise to the same bytes, which is what a hash chain needs.
 *
 * Rejects what PostgreSQL's jsonb cannot store unchanged (NUL characters, unpaired surrogates) and what JSON cannot
 * express (NaN, Infinity, bigint, class instances such as Date), so a hashed event always reads back identical.
 * @example canonicalJson({ b: 1, a: [true, 'x'] }) → '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return stringLiteral(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} has no JSON form`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      // Built by concatenation, not arrays and join: verification runs this for every event in the log.
      if (Array.isArray(value)) {
        let out = '[';
        for (let index = 0; index < value.length; index += 1) {
          const item: unknown = value[index];
          if (index > 0) out += ',';
          out += item === undefined ? 'null' : canonicalJson(item);
        }
        return `${out}]`;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) {
        throw new CanonicalJsonError('only plain objects, arrays and primitives can be hashed');
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length > 1) keys.sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        out += `${first ? '' : ','}${stringLiteral(key)}:${canonicalJson(member)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new CanonicalJsonError(`a ${typeof value} has no JSON form`);
  }
}

export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

// A NUL, or a surrogate that is not half of a pair (the `u` flag makes a valid pair one code point).
const UNSTORABLE = /[\u0000\p{Cs}]/u;

function stringLiteral(text: string): string {
  // JSON.stringify writes RFC 8785's string form, and writes a NUL or a lone surrogate as a \u escape: only then
  // (or for a literal backslash followed by u) is the slower check needed.
  const literal = JSON.stringify(text);
  if (literal.includes('\\u') && UNSTORABLE.test(text)) {
    throw new CanonicalJsonError('strings may not contain NUL characters or unpaired surrogates');
  }
  return literal;
}
