import RE2 from 're2';
import { maxMatchBytes } from './match-length';
import { relaxBounds } from './relax-bounds';
import { regexTokens, type RegexToken } from './regex-tokens';

/** A regex derived from a pattern, and the fewest bytes it matches (a rough measure of how rarely it does). */
export interface DerivedRegex {
  source: string;
  minBytes: number;
}

/**
 * Short regexes that every long match of a pattern must contain: "witnesses" of a long match.
 *
 * The scanner's prefilter runs RE2.Set over blocks of a few KB, each seen with a lead of the block before it, so a
 * match no longer than the lead is always seen whole in some block. A longer match can straddle two blocks and be
 * seen whole in neither. Such a match always holds, within `shortLimit` bytes, a match of one of these witnesses,
 * which is short enough to be seen whole; where no witness occurs, no long match can. Most witnesses are a run of a
 * repeated part (`\s+` in `invoice\s+ACME/\d{4}` gives `\s{32}`): rare in text, so they rarely make the scanner look
 * further.
 *
 * Sound by construction, never exact: each witness is wrapped in `(?ims:…)` with its large bounded repeats opened
 * up, so it matches wherever it does in the pattern's own flags (and more), and byte lengths are upper bounds from
 * maxMatchBytes.
 *
 * @returns the witnesses (empty when no match can be longer than `shortLimit`), or null when the pattern's shape is
 * not followed here (then the prefilter goes by the pattern's prefix alone, or runs it over the whole window).
 * @example longMatchWitnesses('\\binvoice\\s+ACME/[0-9]{4}', 128) // → [{ source: '(?ims:(?:\\s){32})', minBytes: 32 }]
 */
export function longMatchWitnesses(source: string, shortLimit: number): DerivedRegex[] | null {
  const root = parseWhole(source);
  const found = root && witnesses(root, shortLimit, shortLimit);
  if (!found) return null;
  const unique = new Map<string, number>();
  for (const w of found) {
    const runs = runnable(w.source);
    if (runs === null) return null; // without it, the others do not cover every long match
    unique.set(runs, w.minBytes);
  }
  return [...unique].map(([runs, minBytes]) => ({ source: runs, minBytes }));
}

/**
 * A regex that every match of the pattern starts with, its matches at most `limit` bytes long: the pattern's
 * opening parts, as far as their lengths add up to the limit (`(?i)(?:api[_.-]?key|…)\\?["']?\]?` out of the generic
 * API key pattern). Null when the pattern opens with something unbounded or optional, or its shape is not followed.
 * With the witnesses (or alone, when there are none) it says where a long match may be.
 * @example matchPrefix('\\binvoice\\s+ACME', 128) // → { source: '(?ims:\\binvoice(?:(?:\\s)))', minBytes: 8 }
 */
export function matchPrefix(source: string, limit: number): DerivedRegex | null {
  const root = parseWhole(source);
  const prefix = root && prefixOf(root, limit);
  const parsed = prefix ? parseWhole(prefix) : null;
  const minBytes = parsed ? minBytesOf(parsed) : 0;
  const runs = minBytes > 0 && prefix ? runnable(prefix) : null;
  return runs === null ? null : { source: runs, minBytes };
}

/** The regex's structure, or null when it is not read whole (or uses what is not followed here). */
function parseWhole(source: string): Node | null {
  const tokens = regexTokens(source);
  if (!tokens) return null;
  try {
    const parser = new StructureParser(source, tokens);
    const root = parser.alternation();
    return parser.done() ? root : null;
  } catch {
    return null;
  }
}

/** The opening of `node`'s matches, at most `budget` bytes; '' when nothing can be required. */
function prefixOf(node: Node, budget: number): string {
  if (bytesOf(node) <= budget) return node.src;
  switch (node.kind) {
    case 'leaf':
      return '';
    case 'alt': {
      const branches = node.branches.map((b) => prefixOf(b, budget));
      return branches.some((b) => b === '') ? '' : `(?:${branches.join('|')})`;
    }
    case 'repeat':
      return node.min >= 1 ? wrapNonEmpty(prefixOf(node.body, budget)) : '';
    case 'seq': {
      let out = '';
      let left = budget;
      for (const item of node.items) {
        const max = bytesOf(item);
        if (max <= left) {
          out += item.src;
          left -= max;
          continue;
        }
        out += wrapNonEmpty(prefixOf(item, left));
        break;
      }
      return out;
    }
  }
}

function wrapNonEmpty(src: string): string {
  return src === '' ? '' : `(?:${src})`;
}

/**
 * A derived regex as the scanner will run it: in the widest flags, large bounded repeats opened up (a superset, and
 * far fewer DFA states), or null when RE2 refuses it (a run of a part that itself repeats can pass RE2's limit of
 * 1000 on nested repeats where the pattern did not).
 */
function runnable(source: string): string | null {
  const wide = `(?ims:${source})`;
  const relaxed = relaxBounds(wide, RELAX_ABOVE) ?? wide;
  try {
    new RE2(relaxed, 'u');
    return relaxed;
  } catch {
    return null;
  }
}

/** Bounded repeats above this are opened up in derived regexes, as in the scanner's own prefilter sources. */
const RELAX_ABOVE = 16;
/** Longest run of a repeated part asked of a witness: longer runs are rarer, but each byte is a DFA state. */
const RUN_LIMIT = 32;

type Node =
  | { kind: 'seq'; items: Node[]; src: string }
  | { kind: 'alt'; branches: Node[]; src: string }
  | { kind: 'repeat'; body: Node; min: number; max: number; src: string }
  | { kind: 'leaf'; src: string };

/**
 * Witnesses for matches of `node` longer than `budget` bytes, each occurrence at most `limit` bytes long.
 * A match of a sequence longer than the sum of its parts' budgets has one part longer than its own budget; a match
 * of a repeat longer than the budget has more iterations than fit in it, so it holds a run of consecutive ones.
 */
function witnesses(node: Node, budget: number, limit: number): DerivedRegex[] | null {
  const max = bytesOf(node);
  if (max <= budget) return [];
  switch (node.kind) {
    case 'leaf':
      // A single character or class (at most 4 bytes): any non-empty piece of it is itself.
      return max <= limit ? [{ source: node.src, minBytes: minBytesOf(node) }] : null;
    case 'alt': {
      const all: DerivedRegex[] = [];
      for (const branch of node.branches) {
        const found = witnesses(branch, budget, limit);
        if (!found) return null;
        all.push(...found);
      }
      return all;
    }
    case 'seq':
      return sequenceWitnesses(node.items, budget, limit);
    case 'repeat':
      return repeatWitnesses(node.body, budget, limit);
  }
}

function sequenceWitnesses(items: Node[], budget: number, limit: number): DerivedRegex[] | null {
  const maxes = items.map(bytesOf);
  // Bounded parts keep their whole bound, shortest first, while the budget lasts; the others share what is left.
  // The budgets add up to at most `budget`, so a longer match has some part longer than its own.
  const order = maxes.map((_, i) => i).sort((a, b) => (maxes[a] ?? 0) - (maxes[b] ?? 0));
  let left = budget;
  const kept = new Set<number>();
  for (const i of order) {
    const max = maxes[i] ?? Infinity;
    if (max > left) break;
    kept.add(i);
    left -= max;
  }
  const others = items.length - kept.size;
  if (others === 0) return [];
  const share = Math.floor(left / others);
  const all: DerivedRegex[] = [];
  for (let i = 0; i < items.length; i += 1) {
    if (kept.has(i)) continue;
    const found = witnesses(items[i]!, share, limit);
    if (!found) return null;
    all.push(...found);
  }
  return all;
}

function repeatWitnesses(body: Node, budget: number, limit: number): DerivedRegex[] | null {
  const width = bytesOf(body);
  const part = `(?:${body.src})`;
  const least = minBytesOf(body);
  const runOf = (run: number): DerivedRegex => ({
    source: run === 1 ? part : `${part}{${run}}`,
    minBytes: run * least,
  });
  if (width <= limit && width > 0) {
    // More than budget/width iterations; any `run` consecutive ones are at most run × width ≤ limit bytes.
    const run = Math.min(Math.floor(budget / width) + 1, Math.floor(limit / width), RUN_LIMIT);
    return run >= 1 ? [runOf(run)] : null;
  }
  // Iterations can be long themselves: one is longer than half the limit, or two shorter ones stand side by side.
  const half = Math.floor(limit / 2);
  const inner = witnesses(body, half, limit);
  if (!inner) return null;
  return [runOf(budget >= half ? 2 : 1), ...inner];
}

/** The fewest bytes a node matches: zero-width assertions and flag groups 0, any other character at least 1. */
function minBytesOf(node: Node): number {
  switch (node.kind) {
    case 'leaf':
      return /^(?:\\[bBAzZ]|\^|\$|\(\?[imsU-]*\))$/.test(node.src) ? 0 : 1;
    case 'seq':
      return node.items.reduce((sum, item) => sum + minBytesOf(item), 0);
    case 'alt':
      return Math.min(...node.branches.map(minBytesOf));
    case 'repeat':
      return node.min * minBytesOf(node.body);
  }
}

/** Upper bound on the bytes a node matches, from the same analysis the scanner uses (case folding assumed). */
function bytesOf(node: Node): number {
  return maxMatchBytes(node.src, true);
}

/**
 * Reads a regex into sequences, alternations and repeats, keeping each part's source. Groups are kept whole as
 * leaves' parents: a group's source includes its parentheses and flags, so a witness built from it means what the
 * group means.
 */
class StructureParser {
  private t = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: RegexToken[],
  ) {}

  done(): boolean {
    return this.t >= this.tokens.length;
  }

  private peek(): RegexToken | undefined {
    return this.tokens[this.t];
  }

  private offset(): number {
    return this.peek()?.at ?? this.source.length;
  }

  alternation(): Node {
    const start = this.offset();
    const branches = [this.sequence()];
    while (this.isChar('|')) {
      this.t += 1;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    return { kind: 'alt', branches, src: this.source.slice(start, this.offset()) };
  }

  private isChar(ch: string): boolean {
    const token = this.peek();
    return token?.kind === 'char' && token.text === ch;
  }

  private sequence(): Node {
    const start = this.offset();
    const items: Node[] = [];
    while (!this.done() && !this.isChar('|') && !this.isChar(')')) items.push(this.quantified());
    return { kind: 'seq', items, src: this.source.slice(start, this.offset()) };
  }

  private quantified(): Node {
    const start = this.offset();
    let node = this.atom();
    for (;;) {
      const bounds = this.quantifier();
      if (!bounds) return node;
      node = { kind: 'repeat', body: node, ...bounds, src: this.source.slice(start, this.offset()) };
    }
  }

  private quantifier(): { min: number; max: number } | null {
    const token = this.peek();
    if (token?.kind !== 'char') return null;
    let bounds: { min: number; max: number };
    if (token.text === '*') bounds = { min: 0, max: Infinity };
    else if (token.text === '+') bounds = { min: 1, max: Infinity };
    else if (token.text === '?') bounds = { min: 0, max: 1 };
    else if (token.text === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(token.at));
      if (!m) return null; // a literal `{`
      bounds = {
        min: Number(m[1]),
        max: m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]),
      };
      const end = token.at + m[0].length;
      while ((this.peek()?.at ?? Infinity) < end) this.t += 1;
      this.t -= 1;
    } else return null;
    this.t += 1;
    if (this.isChar('?')) this.t += 1; // lazy: the same bounds
    return bounds;
  }

  private atom(): Node {
    const token = this.peek();
    if (!token) throw new Error('atom expected');
    if (token.kind === 'char' && token.text === '(') return this.group();
    if (token.kind === 'char' && '*+?)|'.includes(token.text)) throw new Error('unexpected');
    this.t += 1;
    if (token.kind === 'escape') return { kind: 'leaf', src: this.escapeTail(token) };
    return { kind: 'leaf', src: token.text };
  }

  /** An escape whose argument the tokens split off (`\p{Greek}`, `\pL`, `\x{263a}`, `\x41`), read whole. */
  private escapeTail(token: RegexToken): string {
    const letter = token.text[1] ?? '';
    if (/[0-9]/.test(letter)) throw new Error('octal or backreference');
    if (!'pPx'.includes(letter)) return token.text;
    const rest = this.source.slice(token.at + 2);
    const m = rest.startsWith('{')
      ? /^\{[^}]*\}/.exec(rest)
      : letter === 'x'
        ? /^[0-9A-Fa-f]{2}/.exec(rest)
        : /^./.exec(rest);
    if (!m) throw new Error('escape');
    const end = token.at + 2 + m[0].length;
    while ((this.peek()?.at ?? Infinity) < end) this.t += 1;
    return this.source.slice(token.at, end);
  }

  private group(): Node {
    const start = this.offset();
    this.t += 1;
    // Group heads (`?:`, `?i:`, `?P<name>`, a flags-only `(?i)`) are read as plain characters up to the body.
    if (this.isChar('?')) {
      const head = /^\?(?:[imsU-]*:|P?<[A-Za-z_][A-Za-z0-9_]*>|[imsU-]*\))/.exec(
        this.source.slice(this.offset()),
      );
      if (!head) throw new Error('group');
      const end = this.offset() + head[0].length;
      while ((this.peek()?.at ?? Infinity) < end) this.t += 1;
      if (head[0].endsWith(')')) return { kind: 'leaf', src: this.source.slice(start, end) };
    }
    const inner = this.alternation();
    if (!this.isChar(')')) throw new Error('unclosed');
    this.t += 1;
    const src = this.source.slice(start, this.offset());
    // The group's own source keeps its flags; its inner structure is what witnesses are built from, each wrapped
    // in the widest flags, so a group is as good as its inside.
    return inner.kind === 'seq' || inner.kind === 'alt'
      ? { ...inner, src }
      : { kind: 'seq', items: [inner], src };
  }
}
