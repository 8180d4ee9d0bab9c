import RE2 from 're2';
import { compileScanner, containsWord, PatternCompileError, type Scanner } from '../../../worker/dlp/scanner';
import type { Finding, PatternDefinition } from '../../../worker/dlp/types';
import { seededBelow, seededFraction } from '../../support/seeded-random';

const token = (seed: string): string => `ghp_${seed.repeat(36).slice(0, 36)}`;

const github: PatternDefinition = {
  id: 'gh',
  name: 'GitHub token',
  regex: '\\bghp_[A-Za-z0-9]{36}\\b',
  severity: 'CRITICAL',
  action: 'BLOCK',
  keepPrefix: 4,
};
const password: PatternDefinition = {
  id: 'pw',
  name: 'Password assignment',
  regex: '(?i)\\bpassword\\s*[:=]\\s*(?P<secret>[^\\s"\']{6,64})',
  secretGroup: 'secret',
  severity: 'HIGH',
  action: 'BLOCK',
  rejectPlaceholders: true,
};

/** A pattern named by its id, HIGH and BLOCK unless told otherwise. */
function shape(id: string, regex: string, extra: Partial<PatternDefinition> = {}): PatternDefinition {
  return { id, name: id, regex, severity: 'HIGH', action: 'BLOCK', ...extra };
}

function positions(findings: Finding[]): string[] {
  return findings.map((f) => `${f.patternId}@${f.start}-${f.end}:${f.line}:${f.column}`);
}

describe('a scanner compiled from patterns', () => {
  it('reports where each secret is, by offset, line and column, with the secret masked', () => {
    const text = `hello\n  here is ${token('a1')} ok\npassword = hunter22x`;
    const findings = compileScanner([github, password]).scan(text);
    expect(findings).toHaveLength(2);
    const [gh, pw] = findings as [Finding, Finding];
    expect(text.slice(gh.start, gh.end)).toBe(token('a1'));
    expect(gh).toMatchObject({ line: 2, column: 11, severity: 'CRITICAL', action: 'BLOCK' });
    expect(gh.maskedMatch).toMatch(/^ghp_\*+…/);
    expect(gh.maskedMatch).not.toContain(token('a1').slice(4, 30));
    expect(text.slice(pw.start, pw.end)).toBe('hunter22x');
    expect(pw).toMatchObject({ line: 3, column: 12 });
    expect(pw.maskedMatch).not.toContain('hunter');
  });

  it('counts offsets and columns in UTF-16 code units when the text is not ASCII', () => {
    const text = `é😀 ñ\n😀 ${token('b2')}`;
    const [finding] = compileScanner([github]).scan(text);
    expect(finding).toBeDefined();
    expect(text.slice(finding?.start, finding?.end)).toBe(token('b2'));
    expect(finding).toMatchObject({ line: 2, column: 4 });
  });

  it('places the secret where its group matched, even when the same characters come earlier in the match', () => {
    const echo: PatternDefinition = {
      id: 'echo',
      name: 'Echoed code',
      regex: '(?P<label>[A-Z]{6}) is (?P<secret>[A-Z]{6})',
      secretGroup: 'secret',
      severity: 'LOW',
      action: 'LOG',
    };
    const text = `the code SECRET is SECRET, said ${'x '.repeat(3000)}and also CODEAB is CODEAB`;
    const findings = compileScanner([echo], { blockBytes: 512 }).scan(text);
    expect(findings.map((f) => [text.slice(f.start, f.end), f.start])).toEqual([
      ['SECRET', text.indexOf('SECRET', text.indexOf('SECRET') + 1)],
      ['CODEAB', text.lastIndexOf('CODEAB')],
    ]);
  });

  it('honours a numbered secret group', () => {
    const pattern: PatternDefinition = {
      id: 'k',
      name: 'Key',
      regex: 'key=([A-Z0-9]{10})',
      secretGroup: 1,
      severity: 'LOW',
      action: 'LOG',
    };
    const text = 'x key=ABCDE12345 y';
    const [finding] = compileScanner([pattern]).scan(text);
    expect(text.slice(finding?.start, finding?.end)).toBe('ABCDE12345');
  });

  it('never reports allowlisted values, allowlisted shapes or placeholders', () => {
    const allowed: PatternDefinition = {
      ...github,
      allowlist: { values: [token('c3')], regexes: ['^ghp_0{10}'] },
      rejectPlaceholders: true,
    };
    const text = [
      token('c3'),
      `ghp_${'0'.repeat(10)}${'Z'.repeat(26)}`,
      'password = <your password>',
      'password=${PASSWORD}',
      'password: XXXXXXXXXX',
      token('d4'),
    ].join('\n');
    const findings = compileScanner([allowed, password]).scan(text);
    expect(positions(findings)).toEqual([`gh@${text.indexOf(token('d4'))}-${text.length}:6:1`]);
  });

  it('drops low-entropy values when the pattern asks for a minimum entropy', () => {
    const pattern: PatternDefinition = { ...password, minEntropy: 2.5 };
    const findings = compileScanner([pattern]).scan('password=aaaabbbb\npassword=Xk9#mP2$vL');
    expect(findings.map((f) => f.line)).toEqual([2]);
  });

  it('requires context words within the window when told to, and raises confidence when they are near', () => {
    const digits: PatternDefinition = {
      id: 'routing',
      name: 'Routing number',
      regex: '\\b\\d{9}\\b',
      context: { words: ['routing', 'aba'], window: 30, required: true },
      severity: 'HIGH',
      action: 'BLOCK',
    };
    const optional: PatternDefinition = { ...digits, id: 'opt', context: { words: ['routing'], window: 30 } };
    const text = `order 123456789 shipped\n${'filler '.repeat(10)}\nour routing number is 987654321`;
    const required = compileScanner([digits]).scan(text);
    expect(required.map((f) => text.slice(f.start, f.end))).toEqual(['987654321']);
    const scored = compileScanner([optional]).scan(text);
    expect(scored).toHaveLength(2);
    expect(scored[1]!.confidence).toBeGreaterThan(scored[0]!.confidence);
  });

  it('skips disabled patterns', () => {
    expect(compileScanner([{ ...github, enabled: false }]).scan(token('e5'))).toEqual([]);
  });

  it('returns at once on a pattern that would backtrack forever in a JS engine', () => {
    const evil: PatternDefinition = {
      id: 'evil',
      name: 'Evil',
      regex: '^(a+)+$',
      severity: 'LOW',
      action: 'LOG',
    };
    expect(compileScanner([evil]).scan(`${'a'.repeat(100_000)}!`)).toEqual([]);
  });
});

describe('a pattern that is not RE2 syntax', () => {
  const cases: [string, string, RegExp][] = [
    ['(a)\\1', 'backreference', /backreference `\\1` at position 3/],
    ['(?<=user )\\w+', 'lookbehind', /lookbehind `\(\?<=` at position 0/],
    ['foo(?!bar)', 'lookahead', /negative lookahead `\(\?!` at position 3/],
    ['(?<name>a)\\k<name>', 'named backreference', /named backreference `\\k<name>`/],
    ['[abc', 'an unclosed class', /missing \]/],
  ];
  it.each(cases)('%s is refused, naming the pattern and the construct (%s)', (regex, _what, message) => {
    const pattern: PatternDefinition = { id: 'bad-one', name: 'Bad', regex, severity: 'LOW', action: 'LOG' };
    let thrown: unknown;
    try {
      compileScanner([github, pattern]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PatternCompileError);
    const error = thrown as PatternCompileError;
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]).toMatchObject({ pattern: 'bad-one', field: 'regex' });
    expect(error.message).toMatch(message);
  });

  it('is not confused by a bracket or escape that only looks like lookaround', () => {
    const pattern: PatternDefinition = {
      id: 'ok',
      name: 'OK',
      regex: '[(?=]x\\(\\?=y',
      severity: 'LOW',
      action: 'LOG',
    };
    expect(compileScanner([pattern]).scan('(x(?=y')).toHaveLength(1);
  });
});

describe('text scanned in pieces', () => {
  /** A reference result from plain JS regexes over the whole text. */
  function reference(text: string, patterns: { id: string; regex: RegExp }[]): string[] {
    const out: { id: string; start: number; end: number }[] = [];
    for (const p of patterns) {
      for (const m of text.matchAll(p.regex))
        out.push({ id: p.id, start: m.index, end: m.index + m[0].length });
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end).map((f) => `${f.id}@${f.start}-${f.end}`);
  }

  const card: PatternDefinition = {
    id: 'digits',
    name: 'Digits',
    regex: '\\b\\d{4}-\\d{4}-\\d{4}\\b',
    severity: 'HIGH',
    action: 'BLOCK',
  };
  const pem: PatternDefinition = {
    id: 'pem',
    name: 'PEM',
    regex: '-----BEGIN KEY-----[A-Za-z0-9+/=\\s]+-----END KEY-----',
    severity: 'CRITICAL',
    action: 'BLOCK',
    mask: 'pem',
  };

  const mailish: PatternDefinition = {
    id: 'mail',
    name: 'Mail',
    regex: '(?:^|[^a-z0-9.])(?P<secret>[a-z0-9.]{1,20}@[a-z]{2,10}\\.(?:com|org))\\b',
    secretGroup: 'secret',
    severity: 'LOW',
    action: 'LOG',
  };

  function plantedText(seed: number, lines: number): string {
    const random = seededFraction(seed);
    const parts: string[] = [];
    for (let i = 0; i < lines; i += 1) {
      const roll = random();
      if (roll < 0.02) parts.push(`token ${token(String(Math.floor(random() * 1e6)))} end`);
      else if (roll < 0.04) parts.push(`ref 1234-5678-${String(1000 + Math.floor(random() * 8999))} x`);
      else if (roll < 0.045)
        parts.push(`-----BEGIN KEY-----\n${'QUJD'.repeat(300)}\n${'REVG'.repeat(200)}\n-----END KEY-----`);
      else if (roll < 0.07)
        parts.push(`mail a.b${Math.floor(random() * 100)}@corp.com or x@@y.org, @ ann@ex.org`);
      else parts.push('lorem ipsum dolor sit amet '.repeat(1 + Math.floor(random() * 4)));
    }
    return parts.join('\n');
  }

  it('finds exactly what whole-text regexes find, across segment and block boundaries', () => {
    const text = plantedText(7, 6000);
    const scanner = compileScanner([github, card, pem, mailish], {
      segmentBytes: 20_000,
      overlapBytes: 4_000,
      blockBytes: 1_000,
    });
    const stream = scanner.stream();
    const findings: Finding[] = [];
    for (let i = 0; i < text.length; i += 7_777) findings.push(...stream.push(text.slice(i, i + 7_777)));
    findings.push(...stream.end());
    const expected = reference(text, [
      { id: 'gh', regex: /\bghp_[A-Za-z0-9]{36}\b/g },
      { id: 'digits', regex: /\b\d{4}-\d{4}-\d{4}\b/g },
      { id: 'pem', regex: /-----BEGIN KEY-----[A-Za-z0-9+/=\s]+-----END KEY-----/g },
    ]);
    // The mail pattern reports its secret group; JS finds the same with a lookbehind-free equivalent.
    for (const m of text.matchAll(/(?:^|[^a-z0-9.])([a-z0-9.]{1,20}@[a-z]{2,10}\.(?:com|org))\b/g)) {
      const start = m.index + m[0].length - (m[1]?.length ?? 0);
      expected.push(`mail@${start}-${start + (m[1]?.length ?? 0)}`);
    }
    expected.sort((a, b) => {
      const [sa, ea] = a.split('@').slice(-1)[0]!.split('-').map(Number) as [number, number];
      const [sb, eb] = b.split('@').slice(-1)[0]!.split('-').map(Number) as [number, number];
      return sa - sb || eb - ea;
    });
    expect(expected.length).toBeGreaterThan(100);
    expect(findings.map((f) => `${f.patternId}@${f.start}-${f.end}`)).toEqual(expected);
  });

  it.each([
    ['non-ASCII', 'ünïcode ✓'],
    ['ASCII', 'plain text'],
  ])('gives the same lines and columns streamed as whole (%s text)', (_kind, first) => {
    const text = `${first}\n${plantedText(11, 3000)}`;
    const options = { segmentBytes: 10_000, overlapBytes: 4_000, blockBytes: 512 };
    const whole = compileScanner([github, card], options).scan(text);
    const stream = compileScanner([github, card], options).stream();
    const pieces: Finding[] = [];
    for (let i = 0; i < text.length; i += 333) pieces.push(...stream.push(text.slice(i, i + 333)));
    pieces.push(...stream.end());
    expect(positions(pieces)).toEqual(positions(whole));
    for (const f of whole) {
      const lineText = text.split('\n')[f.line - 1] ?? '';
      expect(lineText.slice(f.column - 1, f.column - 1 + (f.end - f.start))).toBe(text.slice(f.start, f.end));
    }
  });

  it('locates short patterns that hit together in one pass, each finding what it finds running alone', () => {
    const short = (id: string, regex: string, extra: Partial<PatternDefinition> = {}): PatternDefinition =>
      shape(id, regex, { severity: 'LOW', action: 'LOG', ...extra });
    const patterns = [
      short('ssn-like', '\\b\\d{3}-\\d{2}-\\d{4}\\b', { severity: 'HIGH' }),
      short('pair', '\\d{2}-\\d{4}'),
      short('intl', '(?:^|[^\\w+])(?P<secret>\\+?\\d{2} \\d{4})', { secretGroup: 'secret', action: 'ALERT' }),
      short('line-start', '(?m)^\\d{4}'),
      short('inner', '\\B\\d{3}\\b', { severity: 'MEDIUM' }),
      // Anchored on case-insensitive literals, found in the same pass: right at the start, and further in.
      { ...password, id: 'password' },
      short('token', '(?i)\\b[a-z]{0,20}_?token[:=](?P<secret>\\w{8,40})', { secretGroup: 'secret' }),
    ];
    const random = seededBelow(5);
    const bits = [
      '123-45-6789',
      '12-3456',
      '+44 2079',
      ' 44 2079',
      '4444',
      'é',
      '—',
      'x',
      ' ',
      '\n',
      '-',
      '7',
      ' PassWord: Tr0ub4dor&3x ',
      'password=',
      ' ci_TOKEN=abcdef123456 ',
      'token:',
      'ſtoken=zz',
    ];
    let text = '';
    while (text.length < 120_000) text += bits[random(bits.length)];
    const union = compileScanner(patterns, { segmentBytes: 20_000, overlapBytes: 4_000, blockBytes: 512 });
    const oneByOne = compileScanner(patterns, { segmentBytes: 20_000, overlapBytes: 4_000, blockBytes: 1e9 });
    const expected = positions(oneByOne.scan(text));
    expect(expected.length).toBeGreaterThan(1000);
    expect(new Set(oneByOne.scan(text).map((f) => f.patternId)).size).toBe(patterns.length);
    expect(positions(union.scan(text))).toEqual(expected);
  });

  it('gives the same findings whatever mix of string and Buffer pieces, of whatever sizes, the text comes in', () => {
    const text = `ünïcode ✓\n${plantedText(12, 3000)}`;
    const options = { segmentBytes: 10_000, overlapBytes: 4_000, blockBytes: 512 };
    const whole = positions(compileScanner([github, card], options).scan(text));
    const bytes = Buffer.from(text);
    const stream = compileScanner([github, card], options).stream();
    const pieces: Finding[] = [];
    // Cut at byte offsets that never split a UTF-8 sequence, alternating Buffers and strings of growing size.
    let at = 0;
    for (let piece = 0; at < bytes.length; piece += 1) {
      let end = Math.min(bytes.length, at + 97 + ((piece * 7_919) % 40_000));
      while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end += 1;
      const slice = bytes.subarray(at, end);
      pieces.push(...stream.push(piece % 2 === 0 ? Buffer.from(slice) : slice.toString('utf8')));
      at = end;
    }
    pieces.push(...stream.end());
    expect(positions(pieces)).toEqual(whole);
  });

  it('keeps its own copy of a pushed Buffer, so the caller may reuse it', () => {
    const secret = token('r4');
    const first = Buffer.from(`${'x'.repeat(50_000)} ${secret.slice(0, 20)}`);
    const stream = compileScanner([github]).stream();
    const findings = [...stream.push(first)];
    first.fill(0x2d); // the caller's next read lands in the same buffer
    findings.push(...stream.push(Buffer.from(`${secret.slice(20)} end`)), ...stream.end());
    expect(findings.map((f) => f.start)).toEqual([50_001]);
  });

  it('finds a secret that straddles the boundary between two pushes of a huge single line', () => {
    const filler = 'x'.repeat(300_000);
    const secret = token('z9');
    const text = `${filler} ${secret} ${filler}`;
    const stream = compileScanner([github]).stream();
    const cut = filler.length + 10;
    const findings = [...stream.push(text.slice(0, cut)), ...stream.push(text.slice(cut)), ...stream.end()];
    expect(findings.map((f) => f.start)).toEqual([filler.length + 1]);
  });
});

describe('the block prefilter', () => {
  // One of each way a pattern is located, none able to match another's text.
  const patterns = [
    shape('short', '\\b\\d{4}-\\d{4}-\\d{4}\\b'),
    shape('short-spelled', '\\btok_[a-z0-9]{10}\\b', { flags: { caseInsensitive: true } }),
    shape('prefixed', '\\binvoice\\s+ACME/[0-9]{4}\\b', { flags: { caseInsensitive: true } }),
    shape('anchors', '-----BEGIN KEY-----[A-Za-z0-9+/=\\s]+-----END KEY-----'),
    // Short and literal-anchored: the literal is searched only in the blocks the prefilter named.
    // Their literals can lie a hundred bytes before the block where their matches end, and a match cut short by
    // the end of a block's view is not one.
    shape('short-anchored', '\\b[a-z]{1,20}~~~[0-9]{3,90};'),
    shape('short-anchored-at-start', '(?:KZA|KZB)_[0-9]{8,100};'),
    shape('everywhere', '(?:[0-9]{3}\\.){0,60}Q'),
    shape('alone', '[0-9]*X{3}[0-9]{200,300}\\b'),
    // No usable prefix, no cheap witness: a whole-window set says it hits, its literal places it in blocks.
    shape('spelled', '(?:[a-z]{0,20}|[0-9]{200})zebra[0-9]{150,300}', { flags: { caseInsensitive: true } }),
  ];

  function plant(seed: number, bytes: number): string {
    const random = seededBelow(seed);
    const words = [
      'lorem',
      'ipsum',
      'invoice',
      'acme',
      'tok',
      'key',
      'begin',
      'dolor',
      '12',
      '345.',
      'zebra',
    ];
    const digits = (n: number): string => Array.from({ length: n }, () => String(random(10))).join('');
    let text = '';
    while (text.length < bytes) {
      const roll = random(40);
      if (roll === 0) text += `${digits(4)}-${digits(4)}-${digits(4)} `;
      else if (roll === 1) text += `TOK_${digits(10)} `;
      else if (roll === 2) text += `Invoice${' '.repeat(1 + random(random(2) ? 20 : 400))}acme/${digits(4)} `;
      else if (roll === 3)
        text += `-----BEGIN KEY-----\n${'ABCD'.repeat(1 + random(900))}\n-----END KEY----- `;
      else if (roll === 4) text += `${Array.from({ length: random(61) }, () => `${digits(3)}.`).join('')}Q `;
      else if (roll === 5) text += `${digits(random(300))}XXX${digits(200 + random(101))} `;
      else if (roll === 6) text += `${'ab'.repeat(random(12))}ZeBrA${digits(150 + random(151))} `;
      else if (roll === 7) text += `${'xy'.repeat(1 + random(12))}~~~${digits(1 + random(92))}; `;
      else if (roll === 8) text += `KZ${random(2) ? 'A' : 'B'}_${digits(7 + random(96))}; `;
      else text += `${words[random(words.length)]} `;
    }
    return text;
  }

  /** Every match of each pattern over the whole text, as RE2 finds them running alone. */
  function reference(text: string): string[] {
    const bytes = Buffer.from(text);
    const found: string[] = [];
    for (const p of patterns) {
      const regex = new RE2(p.regex, p.flags?.caseInsensitive ? 'gi' : 'g');
      for (const m of text.matchAll(regex as unknown as RegExp)) {
        found.push(`${p.id}@${m.index}-${m.index + m[0].length}`);
      }
    }
    expect(bytes.length).toBe(text.length); // ASCII: byte and character offsets agree
    return found.sort();
  }

  it.each([
    ['small blocks', 300],
    ['the default blocks', undefined],
  ])('finds every match, long ones straddling blocks included, with %s', (_name, prefilterBlockBytes) => {
    const text = plant(3, 500_000);
    const scanner = compileScanner(patterns, {
      segmentBytes: 50_000,
      overlapBytes: 8_000,
      blockBytes: 1_000,
      ...(prefilterBlockBytes ? { prefilterBlockBytes } : {}),
    });
    const found = scanner.scan(text).map((f) => `${f.patternId}@${f.start}-${f.end}`);
    const expected = reference(text);
    for (const p of patterns)
      expect(expected.filter((e) => e.startsWith(`${p.id}@`)).length).toBeGreaterThan(50);
    expect(found.sort()).toEqual(expected);
  });
});

/** A scanner of one pattern with 300-byte prefilter blocks (`quiet`: text with nothing in it, to plant a match in). */
function smallBlocks(id: string, regex: string): Scanner {
  return compileScanner([shape(id, regex)], { prefilterBlockBytes: 300, blockBytes: 500 });
}
const quiet = 'lorem ipsum dolor '.repeat(200);

describe('a lone short match across a block boundary, after blocks with nothing in them', () => {
  it('is found wherever it starts in the block before', () => {
    const scanner = smallBlocks('digits', '\\b\\d{4}-\\d{4}-\\d{4}\\b');
    for (let at = 3_000 - 20; at <= 3_000 + 2; at += 1) {
      const text = `${quiet.slice(0, at - 1)} 1234-5678-9012 ${quiet}`;
      expect(scanner.scan(text).map((f) => f.start)).toEqual([at]);
    }
  });
});

describe('a short match that ends right at a block boundary and needs the byte after it', () => {
  it('is found though only the next block saw it whole', () => {
    // `\\B` holds before the `x`, which the view of the block where the match ends does not hold, so only the
    // next block names it; the match is as long as a short one can be, so it starts as far before that block as
    // a match the block names can.
    const scanner = smallBlocks('needs-next', 'ZZ\\d{126}\\B');
    for (let end = 3_000 - 3; end <= 3_000 + 3; end += 1) {
      const text = `${quiet.slice(0, end - 128)}ZZ${'7'.repeat(126)}x ${quiet}`;
      expect(scanner.scan(text).map((f) => f.start)).toEqual([end - 128]);
    }
  });
});

describe('admin patterns the block prefilter must still hold', () => {
  it.each([
    [
      "a run of a part that itself repeats past RE2's nested limit",
      '(?:c{10,600})+d',
      `${'c'.repeat(2_500)}d`,
    ],
    [
      'a long match with no prefix or cheap witness',
      '[0-9]*X{3}[0-9]{200,300}',
      `${'7'.repeat(900)}XXX${'1'.repeat(250)}`,
    ],
    ['a match that opens with something optional', '(?:ab)?[a-z]*QQ', `${'z'.repeat(3_000)}QQ`],
  ])('compiles and finds a long match across blocks: %s', (_name, regex, match) => {
    const scanner = compileScanner([{ id: 'p', name: 'p', regex, severity: 'LOW', action: 'LOG' }], {
      prefilterBlockBytes: 300,
      blockBytes: 500,
    });
    for (const lead of [0, 1, 150, 299, 777]) {
      const text = `${'. '.repeat(lead)}${match} end`;
      const found = scanner.scan(text);
      expect(found.map((f) => [f.start, f.end])).toEqual([[lead * 2, lead * 2 + match.length]]);
    }
  });
});

describe('containsWord: a context word stands on its own', () => {
  it('is not found glued to letters or digits on a side where it starts or ends with one', () => {
    expect(containsWord('my ssn is', 'ssn')).toBe(true);
    expect(containsWord('classname', 'ssn')).toBe(false);
    expect(containsWord('ssn', 'ssn')).toBe(true);
    expect(containsWord('partner rtn2', 'rtn')).toBe(false);
    expect(containsWord('x ssn: 1', 'ssn:')).toBe(true);
    expect(containsWord('xssn:', 'ssn:')).toBe(false);
    expect(containsWord('call(ssn:', '(ssn')).toBe(true); // starts with "(", so "call" may touch it
  });
});

describe('a pattern set larger than one RE2.Set can hold', () => {
  it('is split into several sets, and every pattern still finds its matches', () => {
    // Small repeats nested: each pattern is fine alone, but 220 of them exceed one set's memory budget.
    const heavy = Array.from({ length: 220 }, (_, i): PatternDefinition => ({
      id: `heavy-${i}`,
      name: `Heavy ${i}`,
      regex: `\\bz${i}q(?:(?:[a-z][0-9]){1,16}-){1,16}\\b`,
      severity: 'LOW',
      action: 'LOG',
    }));
    expect(
      () =>
        new RE2.Set(
          heavy.map((p) => p.regex),
          'u',
        ),
    ).toThrow();
    const scanner = compileScanner([github, ...heavy]);
    const text = `first z3qa1b2-x then ${token('k7')} and last z219qc3-d4e5-`;
    expect(scanner.scan(text).map((f) => f.patternId)).toEqual(['heavy-3', 'gh', 'heavy-219']);
  });

  it('names a single pattern too large to scan at all', () => {
    const huge: PatternDefinition = {
      id: 'huge',
      name: 'Huge',
      regex: '(?:[a-z]{1,1000}[0-9]{1,1000}){1,8}',
      severity: 'LOW',
      action: 'LOG',
    };
    let thrown: unknown;
    try {
      compileScanner([huge]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PatternCompileError);
    expect((thrown as PatternCompileError).errors[0]).toMatchObject({ pattern: 'huge', field: 'regex' });
  });
});
