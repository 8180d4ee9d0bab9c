/**
 * Pull-based reading of a byte stream: peek at the head to sniff the type, then either stream the rest or read it
 * whole up to a cap. Never buffers more than asked for.
 */
export class ByteReader {
  private readonly iterator: AsyncIterator<Buffer | Uint8Array | string>;
  private head: Buffer[] = [];
  private headBytes = 0;
  private ended = false;
  /** A read that failed while peeking is reported when the bytes before it have been handed out. */
  private pendingError: { error: unknown } | null = null;
  /** Bytes pulled from the underlying source so far. */
  bytesRead = 0;

  constructor(source: AsyncIterable<Buffer | Uint8Array | string>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** The first `n` bytes (fewer at end of input), kept so that `chunks()` still starts at byte 0. */
  async peek(n: number): Promise<Buffer> {
    while (this.headBytes < n && !this.ended && this.pendingError === null) {
      let next: Buffer | null;
      try {
        next = await this.pull();
      } catch (error) {
        this.pendingError = { error };
        break;
      }
      if (next === null) break;
      this.head.push(next);
      this.headBytes += next.length;
    }
    const joined = Buffer.concat(this.head);
    this.head = joined.length > 0 ? [joined] : [];
    return joined.subarray(0, n);
  }

  /** True when the source failed before giving a single byte: there is nothing to sniff or to salvage. */
  get failedAtStart(): boolean {
    return this.pendingError !== null && this.headBytes === 0;
  }

  /** Rethrows the failure met while peeking, if any. */
  throwPending(): void {
    if (this.pendingError !== null) throw this.pendingError.error;
  }

  /** Every remaining byte, in the pieces the source produced (peeked bytes first). */
  async *chunks(): AsyncGenerator<Buffer> {
    const head = this.head;
    this.head = [];
    this.headBytes = 0;
    for (const piece of head) yield piece;
    if (this.pendingError !== null) throw this.pendingError.error;
    for (;;) {
      const next = await this.pull();
      if (next === null) return;
      yield next;
    }
  }

  /** Reads to the end; `null` as soon as the total passes `maxBytes` (the rest is left unread). */
  async readAll(maxBytes: number): Promise<Buffer | null> {
    const pieces: Buffer[] = [];
    let total = 0;
    for await (const piece of this.chunks()) {
      total += piece.length;
      if (total > maxBytes) return null;
      pieces.push(piece);
    }
    return Buffer.concat(pieces, total);
  }

  /** Stops the source (closes a file stream) without reading further. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      await this.iterator.return?.();
    } catch {
      // A source that fails while closing has nothing more to give us.
    }
  }

  private async pull(): Promise<Buffer | null> {
    if (this.ended) return null;
    for (;;) {
      const next = await this.iterator.next();
      if (next.done === true) {
        this.ended = true;
        return null;
      }
      const value = next.value;
      const piece = typeof value === 'string' ? Buffer.from(value, 'utf8') : toBuffer(value);
      if (piece.length === 0) continue;
      this.bytesRead += piece.length;
      return piece;
    }
  }
}

export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Serves an in-memory buffer as a stream of slices, so entries inside archives go through the same path. */
export async function* sliceBuffer(bytes: Uint8Array, sliceBytes = 256 * 1024): AsyncGenerator<Buffer> {
  const buffer = toBuffer(bytes);
  for (let at = 0; at < buffer.length; at += sliceBytes) yield buffer.subarray(at, at + sliceBytes);
}
