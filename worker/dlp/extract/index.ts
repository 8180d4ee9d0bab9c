import { ByteReader } from './byte-reader';
import { ExtractBudget, ExtractError, describeError } from './context';
import { SNIFF_BYTES, detectType } from './detect-type';
import { decodeStream, rechunk } from './text';
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits, type ExtractSource, type ExtractedPart } from './types';

export * from './types';

interface Scope {
  budget: ExtractBudget;
  depth: number;
}

/**
 * Turns one file into parts of text to scan: the file itself, or every entry of an archive or office document.
 * Never throws for a bad file: problems come out as `error` parts, unreadable content as `skipped` parts.
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
    yield errorPart(source.path, `file is ${source.size} bytes, over maxFileBytes (${full.maxFileBytes})`);
    return;
  }
  let reader: ByteReader;
  try {
    reader = new ByteReader(source.open());
  } catch (error) {
    yield errorPart(source.path, `cannot open: ${describeError(error)}`);
    return;
  }
  try {
    yield* guard(source.path, fromReader(source.path, reader, { budget, depth: 0 }), budget);
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
 * The boundary with the consumer: errors from the parts or their chunks become error parts, and the time the
 * consumer holds a part or a chunk is not charged to the file's time budget.
 */
async function* guard(
  path: string,
  parts: AsyncGenerator<ExtractedPart>,
  budget: ExtractBudget,
): AsyncGenerator<ExtractedPart> {
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
    const failure: { message: string | null } = { message: null };
    yield { ...part, chunks: guardChunks(part.chunks, budget, failure) };
    if (failure.message !== null) yield errorPart(part.path, failure.message);
  }
}

async function* guardChunks(
  chunks: AsyncIterable<string>,
  budget: ExtractBudget,
  failure: { message: string | null },
): AsyncGenerator<string> {
  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      budget.resume();
      budget.checkTime();
      next = await iterator.next();
    } catch (error) {
      failure.message = describeError(error);
      return;
    } finally {
      budget.pause();
    }
    if (next.done === true) return;
    yield next.value;
  }
}

async function* fromReader(path: string, reader: ByteReader, scope: Scope): AsyncGenerator<ExtractedPart> {
  const head = await reader.peek(SNIFF_BYTES);
  const type = detectType(head, path);
  switch (type.kind) {
    case 'binary':
      yield { kind: 'skipped', path, reason: type.reason };
      return;
    case 'text':
      yield {
        kind: 'text',
        path,
        format: type.format,
        hasLines: true,
        chunks: rechunk(decodeStream(limitBytes(reader, scope), type.encoding)),
      };
      return;
    case 'pdf':
    case 'zip':
    case 'gzip':
      yield errorPart(path, `${type.kind} extraction is not available yet`);
      return;
    default: {
      const _exhaustive: never = type;
      return _exhaustive;
    }
  }
}

/** A text file streams, but is still held to maxFileBytes and counted toward maxExtractedBytes. */
async function* limitBytes(reader: ByteReader, scope: Scope): AsyncGenerator<Buffer> {
  const max = scope.budget.limits.maxFileBytes;
  let total = 0;
  for await (const piece of reader.chunks()) {
    total += piece.length;
    if (total > max) {
      throw new ExtractError(
        `file is over maxFileBytes (${max}); the first ${total - piece.length} bytes were extracted`,
      );
    }
    scope.budget.charge(piece.length);
    yield piece;
  }
}

function errorPart(path: string, message: string): ExtractedPart {
  return { kind: 'error', path, message };
}
