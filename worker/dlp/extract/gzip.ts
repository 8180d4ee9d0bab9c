import { Gunzip } from 'fflate';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ExtractError, type ExtractBudget } from './context';
import { RATIO_GRACE_BYTES } from './zip';

const SLICE = 16 * 1024;
const YIELD_EVERY_BYTES = 8 * 1024 * 1024;

/**
 * The name of the file inside a gzip stream: the one its header stores, else the outer name without `.gz`.
 * @example
 * gzipInnerName(head, 'logs/app.log.gz') // → 'app.log'
 */
export function gzipInnerName(head: Uint8Array, path: string): string {
  const flags = head[3] ?? 0;
  if ((flags & 0x08) !== 0) {
    let at = 10;
    if ((flags & 0x04) !== 0) at += 2 + (head[10] ?? 0) + (head[11] ?? 0) * 256;
    const end = head.indexOf(0, at);
    if (end > at && end - at < 256) {
      const name = Buffer.from(head.subarray(at, end)).toString('latin1');
      return name.slice(name.replace(/\\/g, '/').lastIndexOf('/') + 1);
    }
  }
  const base = path.slice(path.lastIndexOf('/') + 1).slice(path.lastIndexOf('!') + 1);
  if (/\.tgz$/i.test(base)) return base.replace(/\.tgz$/i, '.tar');
  return base.replace(/\.gz$/i, '') || 'content';
}

/**
 * Decompresses a gzip stream as it is read, holding it to the same limits as a zip entry: the ratio against the
 * compressed bytes read so far, and the input's byte and time budget.
 */
export async function* gunzip(
  compressed: AsyncIterable<Buffer>,
  budget: ExtractBudget,
): AsyncGenerator<Buffer> {
  const { maxCompressionRatio } = budget.limits;
  let out: Uint8Array[] = [];
  const inflater = new Gunzip((chunk) => {
    if (chunk.length > 0) out.push(chunk);
  });
  let consumed = 0;
  let produced = 0;
  let sinceYield = 0;
  const drain = function* (): Generator<Buffer> {
    const pieces = out;
    out = [];
    for (const piece of pieces) {
      produced += piece.length;
      const allowed = Math.max(RATIO_GRACE_BYTES, consumed * maxCompressionRatio);
      if (produced > allowed) {
        throw new ExtractError(
          `over maxCompressionRatio (${maxCompressionRatio}): ${consumed} compressed bytes inflated past ` +
            `${allowed} bytes (a gzip bomb?); stopped`,
        );
      }
      budget.charge(piece.length);
      sinceYield += piece.length;
      yield Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    }
  };
  const push = (slice: Uint8Array, final: boolean): void => {
    try {
      inflater.push(slice, final);
    } catch (error) {
      throw new ExtractError(`corrupt gzip data: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for await (const piece of compressed) {
    for (let at = 0; at < piece.length; at += SLICE) {
      budget.checkTime();
      const slice = piece.subarray(at, at + SLICE);
      consumed += slice.length;
      push(slice, false);
      yield* drain();
      if (sinceYield > YIELD_EVERY_BYTES) {
        sinceYield = 0;
        await nextTurn();
      }
    }
  }
  push(new Uint8Array(0), true);
  yield* drain();
}
