/**
 * A case-sensitive literal, searched from its rarest byte on.
 *
 * `Buffer.indexOf` finds a needle by scanning for its first byte, then comparing the rest, so its speed is set by
 * how often that first byte occurs. `://` starts with a colon, which chat text holds every hundred bytes or so
 * (every timestamp): measured on the bench's chat, 0.25 ms per MB to find every `://`, against 0.035 for `//` and
 * a check of the byte before. `-----BEGIN` starts with a dash (0.38 ms per MB; 0.013 from `BEGIN`).
 */
export interface LiteralKey {
  literal: Buffer;
  /** What is searched: the literal from `skip` on. */
  key: Buffer;
  /** Bytes of the literal before the key, checked where the key is found. */
  skip: number;
}

/**
 * The literal with its key: the suffix starting at its rarest byte (see byteRank), at least two bytes long so
 * the search still compares more than one byte natively.
 * @example literalKey(Buffer.from('://')) → { key: '//', skip: 1 }
 */
export function literalKey(literal: Buffer): LiteralKey {
  let skip = 0;
  for (let i = 1; i <= literal.length - 2; i += 1) {
    if (byteRank(literal[i]!) > byteRank(literal[skip]!)) skip = i;
  }
  return { literal, key: literal.subarray(skip), skip };
}

/** Pushes onto `out` the start of every occurrence of the literal in bytes[0, end), plus `offset`, ascending. */
export function pushOccurrences(
  k: LiteralKey,
  bytes: Buffer,
  end: number,
  offset: number,
  out: number[],
): void {
  let at = bytes.indexOf(k.key, k.skip);
  while (at !== -1) {
    const start = at - k.skip;
    if (start >= end) return;
    if (startsWithBefore(bytes, at, k)) out.push(start + offset);
    at = bytes.indexOf(k.key, at + 1);
  }
}

function startsWithBefore(bytes: Buffer, keyAt: number, k: LiteralKey): boolean {
  for (let i = 1; i <= k.skip; i += 1) {
    if (bytes[keyAt - i] !== k.literal[k.skip - i]) return false;
  }
  return true;
}

/**
 * How rare a byte is in the text people paste (0 common, 2 rare): a rough order, not measured per text, since any
 * choice finds the same occurrences and only the speed differs. Lowercase letters, digits, spaces and the
 * punctuation of prose, times and numbers are common; capitals and the punctuation of paths and code less so;
 * the rest (`@`, `#`, `$`, `~`, `|`, braces, non-ASCII …) rare.
 */
function byteRank(byte: number): number {
  if (
    (byte >= 0x61 && byte <= 0x7a) ||
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x20 ||
    byte === 0x0a ||
    byte === 0x3a || // :
    byte === 0x2e || // .
    byte === 0x2c || // ,
    byte === 0x2d // -
  ) {
    return 0;
  }
  if (
    (byte >= 0x41 && byte <= 0x5a) ||
    byte === 0x2f || // /
    byte === 0x5f || // _
    byte === 0x27 || // '
    byte === 0x22 || // "
    byte === 0x28 || // (
    byte === 0x29 || // )
    byte === 0x3d // =
  ) {
    return 1;
  }
  return 2;
}
