import { createHash } from 'node:crypto';
import { canonicalJson, CanonicalJsonError } from '../../../schema/store/canonical-json';
import {
  canonicalEvent,
  canonicalEventParts,
  GENESIS_HASH,
  hashEvent,
} from '../../../schema/store/event-hash';

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: undefined }, B: 2 })).toBe(
      '{"B":2,"a":{"d":[true,null,"x"]},"b":1}',
    );
  });

  it('writes the same bytes for equal values built in a different order', () => {
    expect(canonicalJson({ x: 1, y: { p: 'q', r: 's' } })).toBe(
      canonicalJson({ y: { r: 's', p: 'q' }, x: 1 }),
    );
  });

  it('writes numbers as ECMAScript does (RFC 8785)', () => {
    expect(canonicalJson([1e21, 0.1, -0, 5e-7, 100])).toBe('[1e+21,0.1,0,5e-7,100]');
  });

  it('refuses what PostgreSQL jsonb would not store unchanged', () => {
    expect(() => canonicalJson({ text: 'a\u0000b' })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson('\ud800')).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(Number.NaN)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(CanonicalJsonError);
    expect(canonicalJson('\ud83d\udd11')).toBe('"\ud83d\udd11"');
  });
});

describe('an event hash', () => {
  const fields = {
    id: '7d4f3c1e-0b57-4a8f-9a1e-2f1c7f9b6a01',
    streamId: 'pattern:ssn',
    streamVersion: 1,
    type: 'PatternEnabled',
    version: 1,
    data: { patternId: 'ssn' },
    metadata: { actor: { type: 'system', id: 'system' } },
    occurredAt: '2025-01-01T00:00:00.000Z',
  };

  it('is SHA-256 over the previous hash and the canonical event, documented byte for byte', () => {
    // Reproducible by hand: printf '%s%s' "$prev" "$canonical" | sha256sum
    const canonical =
      '{"data":{"patternId":"ssn"},"id":"7d4f3c1e-0b57-4a8f-9a1e-2f1c7f9b6a01","metadata":{"actor":{"id":"system","type":"system"}},' +
      '"occurredAt":"2025-01-01T00:00:00.000Z","streamId":"pattern:ssn","streamVersion":1,"type":"PatternEnabled","version":1}';
    expect(hashEvent(GENESIS_HASH, fields)).toBe(
      createHash('sha256')
        .update(GENESIS_HASH + canonical)
        .digest('hex'),
    );
  });

  it('changes when any covered field or the previous hash changes', () => {
    const base = hashEvent(GENESIS_HASH, fields);
    expect(hashEvent('1'.repeat(64), fields)).not.toBe(base);
    expect(hashEvent(GENESIS_HASH, { ...fields, streamVersion: 2 })).not.toBe(base);
    expect(hashEvent(GENESIS_HASH, { ...fields, data: { patternId: 'ssn2' } })).not.toBe(base);
    expect(
      hashEvent(GENESIS_HASH, { ...fields, metadata: { actor: { type: 'system', id: 'other' } } }),
    ).not.toBe(base);
  });
});

describe('the canonical event split around its stream version', () => {
  it('rejoins to the canonical event whatever the version, even with streamVersion keys nested in data', () => {
    const fields = {
      id: '7d4f3c1e-0b57-4a8f-9a1e-2f1c7f9b6a01',
      streamId: 'pattern:ssn',
      type: 'PatternEnabled',
      version: 1,
      data: { nested: { streamVersion: 0, type: 'x' } },
      metadata: { actor: { type: 'system', id: 'system' } },
      occurredAt: '2025-01-01T00:00:00.000Z',
    };
    const { prefix, suffix } = canonicalEventParts(fields);
    for (const streamVersion of [1, 42, 100000]) {
      expect(prefix + String(streamVersion) + suffix).toBe(canonicalEvent({ ...fields, streamVersion }));
    }
  });
});

describe('strings in canonical JSON', () => {
  it('are escaped exactly as JSON.stringify escapes them', () => {
    for (const text of [
      'plain',
      'quote " here',
      'back\\slash',
      'tab\tnew\nline',
      '\u001f',
      'é ü 日本',
      '🔑',
      '~ DEL \u007f',
    ]) {
      expect(canonicalJson(text)).toBe(JSON.stringify(text));
      expect(canonicalJson({ [text]: text })).toBe(JSON.stringify({ [text]: text }));
    }
  });
});
