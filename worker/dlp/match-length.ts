/**
 * An upper bound, in UTF-8 bytes, on how long a match of an RE2 regex can be; `Infinity` when unbounded
 * (`*`, `+`, `{n,}`) or when the regex uses something this estimate does not follow.
 *
 * The scanner uses it to decide where a pattern's matches can be looked for: a pattern whose matches are short
 * is located inside small blocks; one whose matches can be long (a PEM key, `\s+`) over the whole segment.
 * Every single character counts as 4 bytes (the UTF-8 maximum; case folding can turn `k` into a 3-byte
 * Kelvin sign), so the bound is safe, not tight.
 * @example maxMatchBytes('\\bghp_[A-Za-z0-9]{36}\\b') === 160
 */
export function maxMatchBytes(source: string): number {
  try {
    const parser = new Parser(source);
    const length = parser.alternation();
    return parser.done() ? length : Infinity;
  } catch {
    return Infinity;
  }
}

const CHAR = 4;
const REPEAT_LIMIT = 1000;

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  alternation(): number {
    let best = this.sequence();
    while (this.s[this.i] === '|') {
      this.i += 1;
      best = Math.max(best, this.sequence());
    }
    return best;
  }

  private sequence(): number {
    let total = 0;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      total += this.quantified(atom);
    }
    return total;
  }

  private quantified(atom: number): number {
    const ch = this.s[this.i];
    let result = atom;
    if (ch === '*' || ch === '+') {
      this.i += 1;
      result = atom === 0 ? 0 : Infinity;
    } else if (ch === '?') {
      this.i += 1;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return atom; // a literal `{`
      this.i += m[0].length;
      const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      if (max > REPEAT_LIMIT) throw new Error('repeat');
      result = atom === 0 ? 0 : atom * max;
    } else {
      return atom;
    }
    if (this.s[this.i] === '?') this.i += 1; // lazy quantifier: same bound
    return result;
  }

  private atom(): number {
    const ch = this.s[this.i];
    if (ch === '(') return this.group();
    if (ch === '[') return this.charClass();
    if (ch === '\\') return this.escape();
    this.i += 1;
    if (ch === '^' || ch === '$') return 0;
    return CHAR;
  }

  private group(): number {
    this.i += 1;
    if (this.s[this.i] === '?') {
      const flagsOnly = /^\?[imsU-]*\)/.exec(this.s.slice(this.i));
      if (flagsOnly) {
        this.i += flagsOnly[0].length;
        return 0;
      }
      const head = /^\?(?:[imsU-]*:|P?<[A-Za-z_][A-Za-z0-9_]*>)/.exec(this.s.slice(this.i));
      if (!head) throw new Error('group');
      this.i += head[0].length;
    }
    const inner = this.alternation();
    if (this.s[this.i] !== ')') throw new Error('unclosed');
    this.i += 1;
    return inner;
  }

  private charClass(): number {
    this.i += 1;
    if (this.s[this.i] === '^') this.i += 1;
    if (this.s[this.i] === ']') this.i += 1;
    while (this.i < this.s.length && this.s[this.i] !== ']') {
      if (this.s.startsWith('[:', this.i)) {
        const end = this.s.indexOf(':]', this.i);
        if (end === -1) throw new Error('class');
        this.i = end + 2;
      } else {
        this.i += this.s[this.i] === '\\' ? 2 : 1;
      }
    }
    if (this.s[this.i] !== ']') throw new Error('class');
    this.i += 1;
    return CHAR;
  }

  private escape(): number {
    const next = this.s[this.i + 1];
    if (next === undefined) throw new Error('escape');
    this.i += 2;
    if ('bBAzZ'.includes(next)) return 0;
    if (next === 'p' || next === 'P') {
      if (this.s[this.i] === '{') {
        const end = this.s.indexOf('}', this.i);
        if (end === -1) throw new Error('class');
        this.i = end + 1;
      } else {
        this.i += 1;
      }
      return CHAR;
    }
    if (next === 'x') {
      if (this.s[this.i] === '{') {
        const end = this.s.indexOf('}', this.i);
        if (end === -1) throw new Error('hex');
        this.i = end + 1;
      } else {
        this.i += 2;
      }
      return CHAR;
    }
    if (next === 'Q') {
      const end = this.s.indexOf('\\E', this.i);
      const literal = end === -1 ? this.s.slice(this.i) : this.s.slice(this.i, end);
      this.i = end === -1 ? this.s.length : end + 2;
      return literal.length * CHAR;
    }
    return CHAR;
  }
}
