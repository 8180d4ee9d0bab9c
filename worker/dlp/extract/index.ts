import { zipParts, containing } from './archive';
import { ByteReader } from './byte-reader';
import { ExtractBudget, ExtractError, describeError, isFatal } from './context';
import { SNIFF_BYTES, detectType } from './detect-type';
import { gunzip, gzipInnerName } from './gzip';
import { markupToText } from './html-xml';
import { openPdf, pdfText } from './pdf';
import { tarParts } from './tar';
import { decodeStream, rechunk } from './text';
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits, type ExtractSource, type ExtractedPart } from './types';

export * from './types';

interface Scope {
  budget: ExtractBudget;
  /** Nesting depth of the file being read: 0 for the input, 1 for an entry of a top-level archive, … */
  depth: number;
}

/**
 * Turns one file into parts of text to scan: the file itself, or every entry of an archive or office document.
 * Never throws and never rejects for a bad file: problems come out as `error` parts, unreadable content as
 * `skipped` parts, and extraction of the other entries goes on.
 * @example
 * for await (const part of extract({ path: 'report.zip', open: () => fs.createReadStream('report.zip') })) {
 *   if (part.kind === 'text') for await (const text of part.chunks) stream.push(text);
 * }
 */
export async function* extract(
  source: ExtractSource,
  limits: Partial<ExtractLimits> = {},
): AsyncGenerator<ExtractedPart> {
  const full = resolveLimits(limits);
  const budget = new ExtractBudget(full);
  if (source.size !== undefined && source.size > full.maxFileBytes) {
    yield errorPart(
      source.path,
      `file is ${source.size} bytes, over maxFileBytes (${full.maxFileBytes}); not read`,
    );
    return;
  }
  let reader: ByteReader;
  try {
    reader = new ByteReader(source.open());
  } catch (error) {
    yield errorPart(source.path, `cannot open the file: ${describeError(error)}`);
    return;
  }
  try {
    yield* guard(source.path, fromReader(source.path, reader, { budget, depth: 0 }, true), budget);
  } finally {
    await reader.close();
  }
}

function resolveLimits(limits: Partial<ExtractLimits>): ExtractLimits {
  const full = { ...DEFAULT_EXTRACT_LIMITS };
  for (const key of Object.keys(full) as (keyof ExtractLimits)[]) {
    const value = limits[key];
    if (typeof value === 'number' && !Number.isNaN(value) && value >= 0) full[key] = value;
  }
  return full;
}

/**
 * The boundary with the consumer. Errors from the parts or their chunks become error parts; a fatal one (the
 * input's byte or time budget is spent) is reported once and ends the extraction. The time the consumer holds a
 * part or a chunk is not charged to the file's time budget.
 */
async function* guard(
  path: string,
  parts: AsyncGenerator<ExtractedPart>,
  budget: ExtractBudget,
): AsyncGenerator<ExtractedPart> {
  try {
    for (;;) {
      let next: IteratorResult<ExtractedPart>;
      try {
        budget.resume();
        next = await parts.next();
      } catch (error) {
        yield errorPart(path, describeError(error));
        return;
      } finally {
        budget.pause();
      }
      if (next.done === true) return;
      const part = next.value;
      if (part.kind !== 'text') {
        yield part;
        continue;
      }
      const failure: { error: unknown } = { error: undefined };
      yield { ...part, chunks: guardChunks(part.chunks, budget, failure) };
      if (failure.error !== undefined) {
        yield errorPart(part.path, describeError(failure.error));
        if (isFatal(failure.error)) return;
      }
    }
  } finally {
    await parts.return(undefined).catch(() => undefined);
  }
}

async function* guardChunks(
  chunks: AsyncIterable<string>,
  budget: ExtractBudget,
  failure: { error: unknown },
): AsyncGenerator<string> {
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        budget.resume();
        budget.checkTime();
        next = await iterator.next();
      } catch (error) {
        failure.error = error ?? new Error('unknown failure');
        return;
      } finally {
        budget.pause();
      }
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    // The consumer may stop reading early; the source (a stream, an inflater) is then released.
    await iterator.return?.(undefined)?.catch(() => undefined);
  }
}

/** One file, from its bytes: sniffed, then streamed as text or read whole and parsed. */
async function* fromReader(
  path: string,
  reader: ByteReader,
  scope: Scope,
  countBytes: boolean,
): AsyncGenerator<ExtractedPart> {
  const head = await reader.peek(SNIFF_BYTES);
  if (reader.failedAtStart) reader.throwPending();
  const type = detectType(head, path);
  const { budget } = scope;
  switch (type.kind) {
    case 'binary':
      yield { kind: 'skipped', path, reason: type.reason };
      return;
    case 'text': {
      const text = decodeStream(limitBytes(reader, budget, countBytes), type.encoding);
      yield {
        kind: 'text',
        path,
        format: type.format,
        hasLines: true,
        chunks: rechunk(type.format === 'text' ? text : markupToText(text, type.format)),
      };
      return;
    }
    case 'gzip': {
      // A gzip stream is a one-file archive: its content is one level deeper, like a zip's entries.
      if (scope.depth > budget.limits.maxDepth) {
        yield tooDeep(path, scope);
        return;
      }
      const innerPath = `${path}!${gzipInnerName(head, path)}`;
      yield* containing(
        innerPath,
        fromReader(
          innerPath,
          new ByteReader(gunzip(limitBytes(reader, budget, false), budget)),
          { budget, depth: scope.depth + 1 },
          false,
        ),
      );
      return;
    }
    case 'tar': {
      if (scope.depth > budget.limits.maxDepth) {
        yield tooDeep(path, scope);
        return;
      }
      const nested = (entryPath: string, entryBytes: AsyncIterable<Buffer>) =>
        fromReader(entryPath, new ByteReader(entryBytes), { budget, depth: scope.depth + 1 }, false);
      yield* tarParts(path, limitBytes(reader, budget, false), budget, nested);
      return;
    }
    case 'pdf': {
      const bytes = await readWhole(path, reader, budget);
      const document = await openPdf(bytes, budget);
      try {
        yield {
          kind: 'text',
          path,
          format: 'pdf',
          hasLines: false,
          chunks: rechunk(pdfText(document, budget)),
        };
      } finally {
        await document.destroy().catch(() => undefined);
      }
      return;
    }
    case 'zip': {
      const bytes = await readWhole(path, reader, budget);
      const nested = (entryPath: string, entryBytes: AsyncIterable<Buffer>) =>
        fromReader(entryPath, new ByteReader(entryBytes), { budget, depth: scope.depth + 1 }, false);
      yield* zipParts(path, bytes, scope.depth, budget, nested);
      return;
    }
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}

/**
 * Binary formats are parsed in memory: read whole, up to maxFileBytes. Their bytes are not counted as extracted:
 * what they inflate to, or the text they hold, is.
 */
async function readWhole(path: string, reader: ByteReader, budget: ExtractBudget): Promise<Buffer> {
  const { maxFileBytes } = budget.limits;
  const bytes = await reader.readAll(maxFileBytes);
  if (bytes === null) {
    throw new ExtractError(
      `${path.includes('!') ? 'entry' : 'file'} is over maxFileBytes (${maxFileBytes}); not read`,
    );
  }
  return bytes;
}

/** A file that streams is still held to maxFileBytes; a top-level one counts toward maxExtractedBytes. */
async function* limitBytes(
  reader: ByteReader,
  budget: ExtractBudget,
  countBytes: boolean,
): AsyncGenerator<Buffer> {
  const max = budget.limits.maxFileBytes;
  let total = 0;
  for await (const piece of reader.chunks()) {
    const before = total;
    total += piece.length;
    if (total > max) {
      if (max > before) {
        if (countBytes) budget.charge(max - before);
        yield piece.subarray(0, max - before);
      }
      throw new ExtractError(`over maxFileBytes (${max}): only the first ${max} bytes were read and scanned`);
    }
    if (countBytes) budget.charge(piece.length);
    yield piece;
  }
}

function tooDeep(path: string, scope: Scope): ExtractedPart {
  const { maxDepth } = scope.budget.limits;
  return errorPart(path, `archive nested at depth ${scope.depth}, over maxDepth (${maxDepth}); not opened`);
}

function errorPart(path: string, message: string): ExtractedPart {
  return { kind: 'error', path, message };
}
