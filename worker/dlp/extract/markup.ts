import { ExtractError } from './context';
import { decodeEntities, safeTextEnd } from './entities';

/** What the tokenizer reports, in document order. Text is already entity-decoded. */
export interface MarkupHandler {
  text(text: string): void;
  open(name: string, attributes: ReadonlyMap<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  /** Markup or dropped content went by; `newlines` is how many line breaks it held (to keep line numbers). */
  skipped(newlines: number): void;
}

export interface TokenizerOptions {
  /** HTML: names are case-insensitive, `<p>` may stay open, `<br>` never closes, a stray `<` is text. */
  html: boolean;
  /** Elements whose content is raw text up to their end tag (`script`, `style` in HTML). */
  rawText?: ReadonlySet<string>;
}

/** A tag or a declaration longer than this is hostile or broken; text, comments and CDATA stream at any size. */
const MAX_TAG_CHARS = 1024 * 1024;

const VOID_HTML = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

type State = { kind: 'text' } | { kind: 'comment' } | { kind: 'cdata' } | { kind: 'raw'; name: string };

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function countNewlines(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * A streaming, forgiving XML/HTML tokenizer: write text in pieces of any size, get events in order.
 * In XML mode it also notes the first well-formedness problem (mismatched or unclosed elements, unterminated
 * markup) with its line, without stopping: `problem` after `end()` says whether the document was sound.
 * @example
 * const tokenizer = new MarkupTokenizer(handler, { html: false });
 * tokenizer.write('<a>x</'); tokenizer.write('a>'); tokenizer.end(); tokenizer.problem // → null
 */
export class MarkupTokenizer {
  private buffer = '';
  private state: State = { kind: 'text' };
  private line = 1;
  private readonly stack: string[] = [];
  private sawRoot = false;
  /** The first well-formedness problem found (XML mode), with its line. */
  problem: string | null = null;

  constructor(
    private readonly handler: MarkupHandler,
    private readonly options: TokenizerOptions,
  ) {}

  write(text: string): void {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    const consumed = this.run(false);
    this.buffer = this.buffer.slice(consumed);
  }

  end(): void {
    this.run(true);
    this.buffer = '';
    if (this.options.html) return;
    if (this.state.kind === 'comment') this.note('a comment is not terminated at the end of the input');
    else if (this.state.kind === 'cdata')
      this.note('a CDATA section is not terminated at the end of the input');
    else if (this.stack.length > 0)
      this.note(`${this.stack.length} element(s) still open at the end of the input`);
    else if (!this.sawRoot) this.note('no root element');
  }

  private note(problem: string): void {
    if (this.options.html) return;
    this.problem ??= `${problem} (line ${this.line})`;
  }

  private advanceLines(text: string, from: number, to: number): number {
    const count = countNewlines(text, from, to);
    this.line += count;
    return count;
  }

  /** Consumes as much of the buffer as can be decided on; returns how far it got. */
  private run(final: boolean): number {
    const text = this.buffer;
    let at = 0;
    while (at < text.length) {
      const state = this.state;
      if (state.kind === 'comment' || state.kind === 'cdata' || state.kind === 'raw') {
        const next = this.runSkipping(state, text, at, final);
        if (next === at) return at;
        at = next;
        continue;
      }
      const lt = text.indexOf('<', at);
      if (lt === -1) {
        const end = final ? text.length : at + safeTextEnd(text.slice(at));
        if (end > at) this.emitText(text, at, end);
        return end;
      }
      if (lt > at) this.emitText(text, at, lt);
      const next = this.runMarkup(text, lt, final);
      if (next === lt) return lt;
      at = next;
    }
    return at;
  }

  private emitText(text: string, from: number, to: number): void {
    this.advanceLines(text, from, to);
    this.handler.text(decodeEntities(text.slice(from, to)));
  }

  /** Inside a comment, CDATA or raw text: stream through to the terminator. */
  private runSkipping(
    state: State & { kind: 'comment' | 'cdata' | 'raw' },
    text: string,
    at: number,
    final: boolean,
  ) {
    const terminator = state.kind === 'comment' ? '-->' : state.kind === 'cdata' ? ']]>' : `</${state.name}`;
    const found =
      state.kind === 'raw' ? indexOfIgnoringCase(text, terminator, at) : text.indexOf(terminator, at);
    const stop = found === -1 ? (final ? text.length : Math.max(at, text.length - terminator.length)) : found;
    if (stop > at) {
      if (state.kind === 'cdata') {
        this.advanceLines(text, at, stop);
        this.handler.text(text.slice(at, stop));
      } else {
        this.handler.skipped(this.advanceLines(text, at, stop));
      }
    }
    if (found === -1) return stop;
    if (state.kind === 'raw') {
      const close = text.indexOf('>', found);
      if (close === -1) return final ? text.length : found;
      this.handler.skipped(this.advanceLines(text, found, close + 1));
      this.state = { kind: 'text' };
      this.handler.close(state.name);
      return close + 1;
    }
    this.state = { kind: 'text' };
    return found + 3;
  }

  /** At a `<`: a tag, an end tag, a comment, CDATA, a declaration or an instruction. `at` is returned to wait. */
  private runMarkup(text: string, at: number, final: boolean): number {
    const ahead = text.slice(at, at + 9);
    if (ahead.length < 9 && !final && !text.includes('>', at)) return this.waitOrFail(text, at);
    if (ahead.startsWith('<!--')) {
      this.state = { kind: 'comment' };
      return at + 4;
    }
    if (ahead.startsWith('<![CDATA[')) {
      this.state = { kind: 'cdata' };
      return at + 9;
    }
    const second = text[at + 1] ?? '';
    if (second === '!' || second === '?') {
      const end = this.findDeclarationEnd(text, at, second);
      if (end === -1) return final ? this.unterminated(text, at) : this.waitOrFail(text, at);
      this.handler.skipped(this.advanceLines(text, at, end));
      return end;
    }
    const isEnd = second === '/';
    const nameStart = isEnd ? at + 2 : at + 1;
    if (!/[\p{L}_:]/u.test(text[nameStart] ?? '')) {
      if (nameStart >= text.length && !final) return at;
      if (!this.options.html) this.note('a "<" that starts no tag');
      this.emitText(text, at, at + 1);
      return at + 1;
    }
    const tagEnd = findTagEnd(text, nameStart);
    if (tagEnd === null) return final ? this.unterminated(text, at) : this.waitOrFail(text, at);
    if (tagEnd.broken && !this.options.html) this.note('a "<" inside a tag');
    const newlines = this.advanceLines(text, at, tagEnd.next);
    if (newlines > 0) this.handler.skipped(newlines);
    const inner = text.slice(nameStart, tagEnd.contentEnd);
    const nameMatch = /^[^\s/>]+/.exec(inner);
    const rawName = nameMatch?.[0] ?? '';
    const name = this.options.html ? rawName.toLowerCase() : rawName;
    if (isEnd) {
      this.closeElement(name);
    } else {
      const selfClosing = inner.endsWith('/') || (this.options.html && VOID_HTML.has(name));
      this.openElement(name, parseAttributes(inner.slice(rawName.length)), selfClosing);
    }
    return tagEnd.next;
  }

  private openElement(name: string, attributes: Map<string, string>, selfClosing: boolean): void {
    if (!this.options.html) {
      if (this.sawRoot && this.stack.length === 0) this.note('content after the root element');
      this.sawRoot = true;
      if (!selfClosing) this.stack.push(name);
    }
    this.handler.open(name, attributes, selfClosing);
    if (selfClosing) this.handler.close(name);
    else if (this.options.rawText?.has(name) === true) this.state = { kind: 'raw', name };
  }

  private closeElement(name: string): void {
    if (!this.options.html) {
      const top = this.stack.pop();
      if (top !== name)
        this.note(top === undefined ? 'an end tag with no open element' : 'mismatched end tag');
    }
    this.handler.close(name);
  }

  private findDeclarationEnd(text: string, at: number, second: string): number {
    if (second === '?') {
      const end = text.indexOf('?>', at + 2);
      return end === -1 ? -1 : end + 2;
    }
    // A DOCTYPE may carry an internal subset in brackets, which holds `>` of its own.
    let depth = 0;
    for (let i = at + 2; i < text.length; i++) {
      const c = text[i];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) return i + 1;
    }
    return -1;
  }

  private waitOrFail(text: string, at: number): number {
    if (text.length - at > MAX_TAG_CHARS) {
      throw new ExtractError(`a tag longer than ${MAX_TAG_CHARS} characters (line ${this.line})`);
    }
    return at;
  }

  /** The input ended inside a tag: what follows the `<` is kept as text, so nothing goes unscanned. */
  private unterminated(text: string, at: number): number {
    this.note('a tag is not terminated at the end of the input');
    this.emitText(text, at + 1, text.length);
    return text.length;
  }
}

/** Where a tag's content ends and the text after it starts, skipping any `>` inside quoted values. */
function findTagEnd(
  text: string,
  from: number,
): { contentEnd: number; next: number; broken: boolean } | null {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return { contentEnd: i, next: i + 1, broken: false };
    } else if (c === '<') {
      // `<a <b>`: the first tag is broken; it ends where the next one starts, as browsers do.
      return { contentEnd: i, next: i, broken: true };
    }
  }
  return null;
}

function indexOfIgnoringCase(text: string, needle: string, from: number): number {
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'gi');
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1];
    if (name === undefined || name === '/') continue;
    attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}
