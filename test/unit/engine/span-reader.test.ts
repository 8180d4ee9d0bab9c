import RE2 from 're2';
import { builtinDetectors } from '../../../worker/dlp/detectors';
import { splitAtGroup, suffixAfterLiteral, withoutGroupNames } from '../../../worker/dlp/group-split';
import { compileRe2 } from '../../../worker/dlp/regex-syntax';
import { SpanReader } from '../../../worker/dlp/span-reader';
import type { PatternDefinition } from '../../../worker/dlp/types';

describe('splitAtGroup: a regex cut around its secret group', () => {
  it('cuts a top-level group into the parts before, inside and after it', () => {
    expect(splitAtGroup('\\b(?P<secret>\\d{3}-\\d{4})\\b', 'secret')).toEqual({
      before: '\\b',
      inner: '\\d{3}-\\d{4}',
      after: '\\b',
    });
    expect(splitAtGroup('(a)(?:x|y)(b[)(]c)', 2)).toEqual({
      before: '(a)(?:x|y)',
      inner: 'b[)(]c',
      after: '',
    });
  });

  it('carries leading inline flags into every part', () => {
    expect(splitAtGroup('(?i)pwd=(?<secret>\\S+);', 'secret')).toEqual({
      before: '(?i)pwd=',
      inner: '(?i)\\S+',
      after: '(?i);',
    });
  });

  it('refuses shapes whose parts would not mean the same on their own', () => {
    expect(splitAtGroup('a|(?P<secret>b)', 'secret')).toBeNull(); // top-level alternation
    expect(splitAtGroup('(?:x(?P<secret>b))', 'secret')).toBeNull(); // nested
    expect(splitAtGroup('(?P<secret>b)+', 'secret')).toBeNull(); // repeated
    expect(splitAtGroup('x(?i)(?P<secret>b)', 'secret')).toBeNull(); // flags switched mid-way
    expect(splitAtGroup('\\Q(x)\\E(?P<secret>b)', 'secret')).toBeNull();
    expect(splitAtGroup('[[:alpha:]](?P<secret>b)', 'other')).toBeNull(); // no such group
  });
});

describe("suffixAfterLiteral: what must follow a pattern's own literal", () => {
  it('is the rest of the pattern, out of the groups around the literal', () => {
    expect(suffixAfterLiteral('\\b(?P<s>[a-z]{1,9}://[^@]{1,99})@x', '://')).toBe('[^@]{1,99}@x');
    expect(suffixAfterLiteral('(?i)key=(?:[0-9]+)', 'key=')).toBe('(?i)(?:[0-9]+)');
    expect(suffixAfterLiteral('(a|b)x://c', '://')).toBe('c'); // the alternation closed before the literal
  });

  it('is null when the literal is optional, repeated, written twice, or inside a class', () => {
    expect(suffixAfterLiteral('a|x://c', '://')).toBeNull();
    expect(suffixAfterLiteral('a(x://c|d)', '://')).toBeNull();
    expect(suffixAfterLiteral('(a://c)+', '://')).toBeNull();
    expect(suffixAfterLiteral('x://?', '://')).toBeNull();
    expect(suffixAfterLiteral('a://b://c', '://')).toBeNull();
    expect(suffixAfterLiteral('[@]x', '@')).toBeNull();
  });
});

describe('withoutGroupNames', () => {
  it('makes named groups non-capturing and leaves the rest alone', () => {
    expect(withoutGroupNames('(?P<a>x)(?<b>y)[(?P<c>]\\(?P<d>')).toBe('(?:x)(?:y)[(?P<c>]\\(?P<d>');
  });
});

/** What exec with indices says: the reference the reader must agree with. */
function viaExec(
  definition: PatternDefinition,
  text: Buffer,
  from: number,
): [number, number, number, number] | null {
  const re = compileRe2(definition.regex, definition.flags ?? {}, 'gd');
  re.lastIndex = from;
  const m = re.exec(text) as (RegExpExecArray & { indices: RegExpIndicesArray }) | null;
  if (!m) return null;
  const group = definition.secretGroup ?? 0;
  const span = typeof group === 'number' ? m.indices[group] : m.indices.groups?.[group];
  return [m.indices[0]![0], m.indices[0]![1], span?.[0] ?? -1, span?.[1] ?? -1];
}

describe('SpanReader: match and secret offsets without exec', () => {
  const samples = [
    'mail ada.lovelace@analytical.co.uk or call +44 20 7946 0958, (415) 555-0132',
    'ssn: 123-45-6789 card 4111 1111 1111 1111 aws AKIAIOSFODNN7EXAMPL3 x',
    'DATABASE_URL=postgres://svc:Pa55-w0rd-xyz@db-01.corp:5432/app password = "hunter2-Tr0ub4dor"',
    'a:b@x.io, mailto:c@d.io, "key\\npwd=abc123def456" token ghp_0123456789abcdefghijABCDEFGHIJ012345',
    '日本語のテキスト user@例え.jp ✓ +1 415 555 0132 — done',
  ];

  it.each(builtinDetectors.map((d) => [d.id, d] as const))(
    '%s: every match and secret it reads is the one exec finds',
    (_id, definition) => {
      const plain = compileRe2(definition.regex, definition.flags ?? {}, 'g');
      const sticky = compileRe2(definition.regex, definition.flags ?? {}, 'y');
      const reader = new SpanReader(definition, plain, sticky, definition.secretGroup ?? 0);
      for (const sample of samples) {
        const text = Buffer.from(sample);
        for (let from = 0; from <= text.length; from += 1) {
          const read = reader.next(text, from);
          if (read === undefined) continue; // left to exec
          const expected = viaExec(definition, text, from);
          if (read === null) {
            expect(expected).toBeNull();
            continue;
          }
          expect([read.whole[0], read.whole[1], read.secret?.[0] ?? -1, read.secret?.[1] ?? -1]).toEqual(
            expected,
          );
        }
      }
    },
  );

  it('reads the secret without exec for the common detectors', () => {
    for (const id of ['email-address', 'phone-number', 'us-ssn', 'url-credentials', 'password-assignment']) {
      const definition = builtinDetectors.find((d) => d.id === id)!;
      const reader = new SpanReader(
        definition,
        new RE2(definition.regex, 'gu'),
        new RE2(definition.regex, 'uy'),
        definition.secretGroup ?? 0,
      );
      expect(reader.readsSecrets).toBe(true);
    }
  });
});
