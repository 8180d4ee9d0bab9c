/**
 * Static facts about an RE2 regex that let the scanner search less text: how long a match can be, and a literal
 * every match must contain (an "anchor"), with how far into the match it can sit.
 *
 * Byte widths are bounds, not exact: an ASCII literal or class counts 1 byte; anything that may match a non-ASCII
 * character (`.`, negated classes, `\S`, `\p{…}`, non-ASCII literals) counts 4, the UTF-8 maximum. Under
 * case-insensitive matching `k` and `s` count 3 (they fold to the Kelvin sign and the long s).
 */

/** A literal that occurs in every match, `before` bytes at most after the match's start. */
export interface RequiredAnchor {
  /** Alternatives: every match contains at least one of them. */
  literals: string[];
  /** Compare without case. */
  caseInsensitive: boolean;
  /** Most bytes of a match that can precede the literal. */
  before: number;
}

/**
 * An upper bound, in UTF-8 bytes, on how long a match can be; `Infinity` when unbounded (`*`, `+`, `{n,}`) or
 * when the regex uses something this analysis does not follow.
 * @example maxMatchBytes('\\bghp_[A-Za-z0-9]{36}\\b') === 40
 */
export function maxMatchBytes(source: string, caseInsensitive = false): number {
  return analyse(source, caseInsensitive)?.max ?? Infinity;
}

/**
 * The best literal every match contains, or null when there is none worth searching for (a lone letter or digit).
 * @example requiredAnchor('(?i)\\bpass(?:word|wd)\\s*=') → { literals: ['password', 'passwd'], caseInsensitive: true, before: 0 }
 */
export function requiredAnchor(source: string, caseInsensitive = false): RequiredAnchor | null {
  const result = analyse(source, caseInsensitive);
  if (!result?.summary.anchor) return null;
  const { literals, before } = result.summary.anchor;
  return { literals, before, caseInsensitive: result.foldCase };
}

interface Anchor {
  literals: string[];
  before: number;
}

interface Summary {
  max: number;
  /** The whole node is one of these literal strings (and nothing else). */
  literals: string[] | null;
  /** A required literal somewhere in the node. */
  anchor: Anchor | null;
}

const WIDE = 4;
const REPEAT_LIMIT = 1000;
const MAX_ALTERNATIVES = 64;
/** Single characters rare enough in text to be worth an anchor. */
const RARE_SINGLE = new Set(['@', '$', '#', '~', '|', '^', '`', '\\', '{', '}', '<', '>']);

function analyse(
  source: string,
  caseInsensitive: boolean,
): { max: number; summary: Summary; foldCase: boolean } | null {
  try {
    const parser = new Parser(source, caseInsensitive);
    const summary = parser.alternation();
    return parser.done() ? { max: summary.max, summary, foldCase: parser.sawFoldCase } : null;
  } catch {
    return null;
  }
}

function score(anchor: Anchor): number {
  const shortest = Math.min(...anchor.literals.map((l) => l.length));
  if (!Number.isFinite(anchor.before)) return -1;
  // One or two ordinary characters occur everywhere: searching for them saves nothing.
  if (shortest < 3 && !anchor.literals.every((l) => l.length === 1 && RARE_SINGLE.has(l))) return -1;
  return shortest * 100 - anchor.literals.length - Math.min(anchor.before, 99) / 100;
}

function better(a: Anchor | null, b: Anchor | null): Anchor | null {
  if (!a || score(a) < 0) return b && score(b) >= 0 ? b : null;
  if (!b || score(b) < 0) return a;
  return score(b) > score(a) ? b : a;
}

const EMPTY: Summary = { max: 0, literals: [''], anchor: null };
const OPAQUE = (max: number): Summary => ({ max, literals: null, anchor: null });

class Parser {
  private i = 0;
  sawFoldCase: boolean;

  constructor(
    private readonly s: string,
    private foldCase: boolean,
  ) {
    this.sawFoldCase = foldCase;
  }

  done(): boolean {
    return this.i >= this.s.length;
  }

  /** Bytes one matched character of this literal text may take. */
  private width(text: string): number {
    if (/[^\x00-\x7f]/.test(text)) return WIDE;
    if (this.foldCase && /[ksKS]/.test(text)) return 3;
    return 1;
  }

  private literal(ch: string): Summary {
    return { max: this.width(ch), literals: [this.foldCase ? ch.toLowerCase() : ch], anchor: null };
  }

  alternation(): Summary {
    const branches = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i += 1;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0] as Summary;
    const max = Math.max(...branches.map((b) => b.max));
    const allLiteral = branches.every((b) => b.literals !== null);
    const literals = allLiteral ? [...new Set(branches.flatMap((b) => b.literals ?? []))] : null;
    let anchor: Anchor | null = null;
    const parts = branches.map((b) => b.anchor ?? (b.literals ? { literals: b.literals, before: 0 } : null));
    if (parts.every((p) => p !== null && p.literals.every((l) => l.length > 0))) {
      anchor = {
        literals: [...new Set(parts.flatMap((p) => p?.literals ?? []))],
        before: Math.max(...parts.map((p) => p?.before ?? 0)),
      };
      if (anchor.literals.length > MAX_ALTERNATIVES) anchor = null;
    }
    return { max, literals: literals && literals.length <= MAX_ALTERNATIVES ? literals : null, anchor };
  }

  private sequence(): Summary {
    let max = 0;
    let best: Anchor | null = null;
    // The literal run being read (its alternatives) and where it started; null when none is open.
    let run: string[] | null = null;
    let runStart = 0;
    // The whole sequence as literal alternatives, while every item so far is literal.
    let whole: string[] | null = [''];
    const closeRun = (): void => {
      if (run) best = better(best, { literals: run, before: runStart });
      run = null;
    };
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const item = this.quantified(this.atom());
      const literals = item.literals;
      if (literals && item.max === 0) continue; // zero-width: \b, ^, flags
      if (literals) {
        if (run === null) {
          run = [''];
          runStart = max;
        }
        const joined: string[] = run.flatMap((r) => literals.map((l) => r + l));
        if (joined.length > MAX_ALTERNATIVES) {
          closeRun();
          run = [...literals];
          runStart = max;
        } else {
          run = joined;
        }
        const next: string[] | null = whole ? whole.flatMap((w) => literals.map((l) => w + l)) : null;
        whole = next && next.length <= MAX_ALTERNATIVES ? next : null;
      } else {
        closeRun();
        whole = null;
        if (item.anchor)
          best = better(best, { literals: item.anchor.literals, before: max + item.anchor.before });
      }
      max += item.max;
    }
    closeRun();
    return { max, literals: whole, anchor: best };
  }

  private quantified(atom: Summary): Summary {
    const ch = this.s[this.i];
    let min = 1;
    let max = 1;
    if (ch === '*' || ch === '+') {
      this.i += 1;
      min = ch === '*' ? 0 : 1;
      max = Infinity;
    } else if (ch === '?') {
      this.i += 1;
      min = 0;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return atom; // a literal `{`
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      if (Number.isFinite(max) && max > REPEAT_LIMIT) throw new Error('repeat');
    } else {
      return atom;
    }
    if (this.s[this.i] === '?') this.i += 1; // lazy quantifier: same bounds
    const bytes = atom.max === 0 ? 0 : atom.max * max;
    if (min === 0) return OPAQUE(bytes);
    if (min === 1 && max === 1) return atom;
    return {
      max: bytes,
      literals: null,
      anchor: atom.anchor ?? (atom.literals ? { literals: atom.literals, before: 0 } : null),
    };
  }

  private atom(): Summary {
    const ch = this.s[this.i] ?? '';
    if (ch === '(') return this.group();
    if (ch === '[') return OPAQUE(this.charClass());
    if (ch === '\\') return this.escape();
    this.i += 1;
    if (ch === '^' || ch === '$') return EMPTY;
    if (ch === '.') return OPAQUE(WIDE);
    return this.literal(ch);
  }

  private group(): Summary {
    this.i += 1;
    const saved = this.foldCase;
    if (this.s[this.i] === '?') {
      const flagsOnly = /^\?([imsU]*)(?:-[imsU]*)?\)/.exec(this.s.slice(this.i));
      if (flagsOnly) {
        this.i += flagsOnly[0].length;
        // Flags set here last to the end of the enclosing group; staying conservative, they stay on.
        if (flagsOnly[1]?.includes('i')) this.setFoldCase();
        return EMPTY;
      }
      const head = /^\?(?:([imsU]*)(?:-[imsU]*)?:|P?<[A-Za-z_][A-Za-z0-9_]*>)/.exec(this.s.slice(this.i));
      if (!head) throw new Error('group');
      this.i += head[0].length;
      if (head[1]?.includes('i')) this.setFoldCase();
    }
    const inner = this.alternation();
    if (this.s[this.i] !== ')') throw new Error('unclosed');
    this.i += 1;
    this.foldCase = saved || this.foldCase;
    return inner;
  }

  private setFoldCase(): void {
    this.foldCase = true;
    this.sawFoldCase = true;
  }

  private charClass(): number {
    const start = this.i;
    this.i += 1;
    let wide = false;
    if (this.s[this.i] === '^') {
      wide = true;
      this.i += 1;
    }
    if (this.s[this.i] === ']') this.i += 1;
    while (this.i < this.s.length && this.s[this.i] !== ']') {
      if (this.s.startsWith('[:', this.i)) {
        const end = this.s.indexOf(':]', this.i);
        if (end === -1) throw new Error('class');
        this.i = end + 2;
      } else if (this.s[this.i] === '\\') {
        const escaped = this.s[this.i + 1] ?? '';
        if ('SWDpPx'.includes(escaped)) wide = true;
        this.i += 2;
      } else {
        this.i += 1;
      }
    }
    if (this.s[this.i] !== ']') throw new Error('class');
    this.i += 1;
    return wide ? WIDE : this.width(this.s.slice(start, this.i));
  }

  private escape(): Summary {
    const next = this.s[this.i + 1];
    if (next === undefined) throw new Error('escape');
    this.i += 2;
    if ('bBAzZ'.includes(next)) return EMPTY;
    if ('dsw'.includes(next)) return OPAQUE(1);
    if ('SWD'.includes(next)) return OPAQUE(WIDE);
    const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
    if (controls[next]) return this.literal(controls[next]);
    if (next === 'p' || next === 'P') {
      if (this.s[this.i] === '{') {
        const end = this.s.indexOf('}', this.i);
        if (end === -1) throw new Error('class');
        this.i = end + 1;
      } else {
        this.i += 1;
      }
      return OPAQUE(WIDE);
    }
    if (next === 'x') {
      if (this.s[this.i] === '{') {
        const end = this.s.indexOf('}', this.i);
        if (end === -1) throw new Error('hex');
        this.i = end + 1;
      } else {
        this.i += 2;
      }
      return OPAQUE(WIDE);
    }
    if (next === 'Q') {
      const end = this.s.indexOf('\\E', this.i);
      const text = end === -1 ? this.s.slice(this.i) : this.s.slice(this.i, end);
      this.i = end === -1 ? this.s.length : end + 2;
      const max = [...text].reduce((n, ch) => n + this.width(ch), 0);
      return { max, literals: [this.foldCase ? text.toLowerCase() : text], anchor: null };
    }
    if (/[A-Za-z0-9]/.test(next)) return OPAQUE(WIDE); // an escape we do not model
    return this.literal(next);
  }
}
