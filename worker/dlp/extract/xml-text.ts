import { ExtractError, type ExtractBudget } from './context';
import { MarkupTokenizer, type MarkupHandler } from './markup';
import { decodeStream } from './text';
import { inflateEntry, type ZipEntry } from './zip';

/** `w:t` → `t`: office formats are matched on local names, whatever prefix a writer chose. */
export function localName(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1);
}

export function attribute(attributes: ReadonlyMap<string, string>, local: string): string | undefined {
  for (const [key, value] of attributes) if (localName(key) === local) return value;
  return undefined;
}

/** How an office XML part becomes text. Names are local names. */
export interface TextRules {
  /** Elements whose character data is the document's text; `null` keeps all character data. */
  textIn: ReadonlySet<string> | null;
  /** Elements whose whole content is left out. */
  drop?: ReadonlySet<string>;
  /** Text written where an element starts (a tab, a line break, repeated spaces). */
  onOpen?: Readonly<Record<string, string | ((attributes: ReadonlyMap<string, string>) => string)>>;
  /** Text written where an element ends (a paragraph's line end, a cell's tab). */
  onClose?: Readonly<Record<string, string>>;
}

/** A handler that writes into `out` as the tokenizer reports. */
export interface XmlCollector extends MarkupHandler {
  out: string[];
}

export function rulesCollector(rules: TextRules): XmlCollector {
  const out: string[] = [];
  const stack: { text: boolean; drop: boolean }[] = [];
  let keep = rules.textIn === null ? 1 : 0;
  let drop = 0;
  return {
    out,
    text(text) {
      // Only text inside the root element; the line break after `<?xml …?>` is not the document's.
      if (keep > 0 && drop === 0 && stack.length > 0) out.push(text);
    },
    open(name, attributes) {
      const local = localName(name);
      const frame = { text: rules.textIn?.has(local) === true, drop: rules.drop?.has(local) === true };
      stack.push(frame);
      if (frame.text) keep++;
      if (frame.drop) drop++;
      const written = rules.onOpen?.[local];
      if (written !== undefined && drop === 0)
        out.push(typeof written === 'string' ? written : written(attributes));
    },
    close(name) {
      const frame = stack.pop();
      if (frame?.text === true) keep--;
      if (frame?.drop === true) drop--;
      const written = rules.onClose?.[localName(name)];
      if (written !== undefined && drop === 0) out.push(written);
    },
    skipped() {},
  };
}

/**
 * Streams one XML entry of an archive through a collector, yielding text as it is produced.
 * Inflation limits apply; XML that is not well-formed is reported once the text that could be read is out.
 */
export async function* xmlEntryText(
  archive: Uint8Array,
  entry: ZipEntry,
  budget: ExtractBudget,
  collector: XmlCollector,
): AsyncGenerator<string> {
  const tokenizer = new MarkupTokenizer(collector, { html: false });
  for await (const text of decodeStream(inflateEntry(archive, entry, budget), 'utf-8')) {
    tokenizer.write(text);
    if (collector.out.length > 0) yield collector.out.splice(0).join('');
  }
  tokenizer.end();
  if (collector.out.length > 0) yield collector.out.splice(0).join('');
  if (tokenizer.problem !== null) throw new ExtractError(`not well-formed XML: ${tokenizer.problem}`);
}

/** Names in natural order, so `slide10.xml` comes after `slide9.xml`. */
export function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
