import RE2 from 're2';
import { longMatchWitnesses, matchPrefix } from '../../../worker/dlp/long-match-witness';
import { seededBelow } from '../../support/seeded-random';

const LIMIT = 128;

/** Whether some piece of `text` at most `limit` bytes long is wholly a match of `source`. */
function occursShort(source: string, text: string, limit: number): boolean {
  const sticky = new RE2(`(?:${source})`, 'uy');
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += 1) {
    const view = bytes.subarray(0, Math.min(bytes.length, at + limit));
    sticky.lastIndex = at;
    if (sticky.test(view)) return true;
  }
  return false;
}

/** Whether `text` starts with a match of `source`. */
function startsWith(source: string, text: string): boolean {
  const sticky = new RE2(source, 'uy');
  sticky.lastIndex = 0;
  return sticky.test(Buffer.from(text));
}

/** Checks the two promises on one long match: it starts with the prefix, and holds a short witness. */
function expectSound(regex: string, match: string): void {
  expect(new RE2(`^(?:${regex})$`, 'u').test(match)).toBe(true);
  const prefix = matchPrefix(regex, LIMIT);
  if (prefix) expect(startsWith(prefix.source, match)).toBe(true);
  const witnesses = longMatchWitnesses(regex, LIMIT);
  expect(witnesses).not.toBeNull();
  if (Buffer.byteLength(match) > LIMIT) {
    expect(witnesses!.some((w) => occursShort(w.source, match, LIMIT))).toBe(true);
  }
}

describe('long-match witnesses: what every match too long for a prefilter block must hold', () => {
  it('asks for a run of the repeated part that makes a match long', () => {
    expect(longMatchWitnesses('\\binvoice\\s+ACME/[0-9]{4}', LIMIT)).toEqual([
      { source: '(?ims:(?:\\s){32})', minBytes: 32 },
    ]);
    expect(matchPrefix('\\binvoice\\s+ACME', LIMIT)).toEqual({
      source: '(?ims:\\binvoice(?:(?:\\s)))',
      minBytes: 8,
    });
  });

  it('needs none when no match can be long', () => {
    expect(longMatchWitnesses('\\bghp_[A-Za-z0-9]{36}\\b', LIMIT)).toEqual([]);
  });

  it('gives up, rather than guess, on what it does not read', () => {
    expect(longMatchWitnesses('\\Qa+\\E', LIMIT)).toBeNull();
    expect(longMatchWitnesses('(?=a)b', LIMIT)).toBeNull();
    expect(longMatchWitnesses('a(b', LIMIT)).toBeNull();
    expect(matchPrefix('.*secret', LIMIT)).toBeNull();
  });

  it.each([
    ['spaces', '\\binvoice\\s+ACME/[0-9]{4}\\b', `invoice${' '.repeat(300)}ACME/1234`],
    [
      'a PEM key',
      '-----BEGIN KEY-----[A-Za-z0-9+/=\\s]+-----END KEY-----',
      `-----BEGIN KEY-----\n${'QUJD'.repeat(700)}\n-----END KEY-----`,
    ],
    ['nested repeats', '(?:ab{0,100}c){2,}', `a${'b'.repeat(99)}ca${'b'.repeat(99)}c`],
    [
      'a long bounded sequence',
      '(?:[a-z]{60}-){3}',
      `${'q'.repeat(60)}-${'r'.repeat(60)}-${'s'.repeat(60)}-`,
    ],
    ['an unbounded part inside a group', '(?i)key=(?P<v>(?:[a-z]+,)+)end', `KEY=${'abc,'.repeat(100)}end`],
    ['one long iteration', '(?:x[a-z]*y)+', `x${'m'.repeat(500)}y`],
    [
      'many parts, none long alone',
      '[a-z]+-[a-z]+-[a-z]+-[a-z]+-[a-z]+',
      Array(5).fill('q'.repeat(26)).join('-'),
    ],
    ['escapes with arguments', '\\p{Greek}+\\x{263a}', `${'α'.repeat(200)}☺`],
  ])('holds for %s', (_name, regex, match) => expectSound(regex, match));

  it('holds for random patterns and long matches sampled from them', () => {
    const random = seededBelow(20261206);
    type Gen = { regex: string; sample: () => string };
    const leaves: Gen[] = [
      { regex: 'a', sample: () => 'a' },
      { regex: '[a-z]', sample: () => 'abcxyz'[random(6)] ?? 'a' },
      { regex: '\\d', sample: () => String(random(10)) },
      { regex: '\\s', sample: () => ' \t\n'[random(3)] ?? ' ' },
      { regex: '[^x]', sample: () => 'é-Q '[random(4)] ?? 'Q' },
      { regex: '\\.', sample: () => '.' },
      { regex: 'é', sample: () => 'é' },
    ];
    const gen = (depth: number): Gen => {
      const roll = random(depth > 3 ? 2 : 6);
      if (roll <= 1) return leaves[random(leaves.length)]!;
      if (roll === 2) {
        const parts = Array.from({ length: 2 + random(5) }, () => gen(depth + 1));
        return {
          regex: parts.map((p) => p.regex).join(''),
          sample: () => parts.map((p) => p.sample()).join(''),
        };
      }
      if (roll === 3) {
        const branches = Array.from({ length: 2 + random(2) }, () => gen(depth + 1));
        return {
          regex: `(?:${branches.map((b) => b.regex).join('|')})`,
          sample: () => branches[random(branches.length)]!.sample(),
        };
      }
      const body = gen(depth + 1);
      const min = random(3);
      const bounded = random(2) === 0;
      const max = bounded ? min + random(80) : Infinity;
      const quantifier = bounded ? `{${min},${max}}` : min === 0 ? '*' : min === 1 ? '+' : `{${min},}`;
      return {
        regex: `(?:${body.regex})${quantifier}`,
        // Long runs, so that matches outgrow the limit.
        sample: () => {
          const count = Math.min(max, min + random([400, 40, 30][random(3)] ?? 40));
          return Array.from({ length: count }, () => body.sample()).join('');
        },
      };
    };
    let long = 0;
    let tried = 0;
    while (tried < 300) {
      const pattern = gen(0);
      try {
        new RE2(pattern.regex, 'u');
      } catch {
        continue; // RE2 refuses nested repeats that expand past 1000
      }
      tried += 1;
      for (let j = 0; j < 8; j += 1) {
        const match = pattern.sample();
        if (Buffer.byteLength(match) > LIMIT) long += 1;
        expectSound(pattern.regex, match);
      }
    }
    expect(long).toBeGreaterThan(200);
  });
});
