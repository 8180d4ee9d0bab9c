import { ExtractError } from './context';
import { MarkupTokenizer, type MarkupHandler } from './markup';

/** Inline HTML elements: text on either side belongs together (`pass<b>word</b>` reads `password`). */
const INLINE_HTML = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** Content a reader never sees. */
const DROPPED_HTML = new Set(['script', 'style']);

/** HTML attributes whose values are shown to a person or carry data worth scanning (a token in a link). */
const HTML_ATTRIBUTES = ['alt', 'title', 'value', 'placeholder', 'content', 'href', 'src', 'action'];

/**
 * Markup to plain text as it streams: tags are removed, entities decoded, `script` and `style` dropped.
 * Every line break of the source is kept, also those inside tags and dropped content, so line numbers in the text
 * are line numbers in the file. Where a tag separated two words, a space does.
 * XML keeps attributes as `name="value"` (configuration files hold secrets there); HTML keeps the values of the
 * attributes people read or links carry. XML that is not well-formed is still extracted, then reported.
 * @example
 * markupToText(['<p>Card:&nbsp;4111</p>'], 'html') // yields 'Card: 4111 '
 */
export async function* markupToText(
  texts: AsyncIterable<string>,
  format: 'html' | 'xml',
): AsyncGenerator<string> {
  const html = format === 'html';
  const out: string[] = [];
  let lastChar = '\n';
  const emit = (text: string): void => {
    if (text.length === 0) return;
    out.push(text);
    lastChar = text[text.length - 1] ?? lastChar;
  };
  const separate = (): void => {
    if (!/\s/.test(lastChar)) emit(' ');
  };
  const handler: MarkupHandler = {
    text: emit,
    skipped: (newlines) => emit('\n'.repeat(newlines)),
    open: (name, attributes) => {
      if (html && INLINE_HTML.has(name) && !attributes.has('href')) return;
      separate();
      for (const [key, value] of attributes) {
        if (html) {
          if (value.length === 0 || !HTML_ATTRIBUTES.includes(key) || value.startsWith('data:')) continue;
          emit(value);
        } else {
          if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
          emit(`${key}="${value}"`);
        }
        emit(' ');
      }
    },
    close: (name) => {
      if (!(html && INLINE_HTML.has(name))) separate();
    },
  };
  const tokenizer = new MarkupTokenizer(handler, { html, rawText: html ? DROPPED_HTML : undefined });
  try {
    for await (const text of texts) {
      tokenizer.write(text);
      if (out.length > 0) yield out.splice(0).join('');
    }
  } catch (error) {
    // The source failed: what the tokenizer still holds is text read before the failure, so it goes out first.
    tokenizer.end();
    if (out.length > 0) yield out.splice(0).join('');
    throw error;
  }
  tokenizer.end();
  if (out.length > 0) yield out.join('');
  if (tokenizer.problem !== null) {
    throw new ExtractError(
      `not well-formed XML: ${tokenizer.problem}; its text was extracted as far as it could be`,
    );
  }
}
