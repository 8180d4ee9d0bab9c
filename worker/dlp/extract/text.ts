import type { TextEncoding } from './detect-type';

/** Text is handed out in pieces of at least this many characters (except the last)… */
export const MIN_CHUNK_CHARS = 64 * 1024;
/** …and at most this many, whatever the source's reads look like (a 5 MB line is still split). */
export const MAX_CHUNK_CHARS = 1024 * 1024;

/**
 * Decodes bytes to text as they arrive. The decoder keeps a multi-byte character split across two reads and
 * joins it with the next read; bytes that are not valid in the encoding become U+FFFD instead of an error.
 * A leading byte-order mark is dropped.
 * @example
 * for await (const text of decodeStream(fs.createReadStream('app.log'), 'utf-8')) scan.push(text);
 */
export async function* decodeStream(
  bytes: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: false });
  try {
    for await (const piece of bytes) {
      const text = decoder.decode(piece, { stream: true });
      if (text.length > 0) yield text;
    }
  } catch (error) {
    // The text decoded before a read failed is still handed out, then the failure.
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
    throw error;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/**
 * Regroups text into chunks between MIN_CHUNK_CHARS and MAX_CHUNK_CHARS, never splitting a surrogate pair,
 * so that a scanner sees few calls and bounded strings.
 */
export async function* rechunk(
  texts: AsyncIterable<string>,
  min = MIN_CHUNK_CHARS,
  max = MAX_CHUNK_CHARS,
): AsyncGenerator<string> {
  let pending: string[] = [];
  let pendingChars = 0;
  try {
    for await (const text of texts) {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars < min) continue;
      let joined = pending.join('');
      pending = [];
      pendingChars = 0;
      while (joined.length > max) {
        const cut = safeCut(joined, max);
        yield joined.slice(0, cut);
        joined = joined.slice(cut);
      }
      if (joined.length >= min) {
        yield joined;
      } else if (joined.length > 0) {
        pending = [joined];
        pendingChars = joined.length;
      }
    }
  } catch (error) {
    // What was read before the source failed is still scanned, then the failure is reported.
    if (pendingChars > 0) yield* splitText(pending.join(''), max);
    throw error;
  }
  if (pendingChars > 0) yield* splitText(pending.join(''), max);
}

/** A cut position at or before `at` that does not separate a high surrogate from its low surrogate. */
function safeCut(text: string, at: number): number {
  const before = text.charCodeAt(at - 1);
  return before >= 0xd800 && before <= 0xdbff ? at - 1 : at;
}

/** Hands a string already in memory out in bounded chunks. */
export function* splitText(text: string, max = MAX_CHUNK_CHARS): Generator<string> {
  let at = 0;
  while (at < text.length) {
    const end = at + max >= text.length ? text.length : safeCut(text, at + max);
    yield text.slice(at, end);
    at = end;
  }
}
