/**
 * Counts line feeds, for the line numbers of findings: every byte of scanned text passes through here once.
 *
 * One `Buffer.indexOf` per line costs a call into Node for every ~100 bytes of chat text (0.2–0.45 ms per MB
 * measured, about 5% of a whole scan); a byte loop in JS is twice that. This module compares 16 bytes at a time
 * with WebAssembly SIMD instead, on a copy of the bytes in its own memory, one 64 KB page at a time: 0.07 ms per
 * MB, copy included. Where WebAssembly SIMD is missing it falls back to indexOf. See docs/adr/006.
 *
 * The module, in text form (`count(start, end)` returns how many bytes of memory[start, end) are 0x0A):
 *
 *   (module
 *     (memory (export "memory") 1)
 *     (func (export "count") (param $p i32) (param $end i32) (result i32) (local $n i32) (local $lf v128)
 *       (local.set $lf (i8x16.splat (i32.const 10)))
 *       (block $done (loop $wide
 *         (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $end)))
 *         (local.set $n (i32.add (local.get $n)
 *           (i32.popcnt (i8x16.bitmask (i8x16.eq (v128.load (local.get $p)) (local.get $lf))))))
 *         (local.set $p (i32.add (local.get $p) (i32.const 16)))
 *         (br $wide)))
 *       (block $rest (loop $narrow
 *         (br_if $rest (i32.ge_u (local.get $p) (local.get $end)))
 *         (local.set $n (i32.add (local.get $n) (i32.eq (i32.load8_u (local.get $p)) (i32.const 10))))
 *         (local.set $p (i32.add (local.get $p) (i32.const 1)))
 *         (br $narrow)))
 *       (local.get $n)))
 */
const BODY = [
  // locals: one i32 ($n), one v128 ($lf)
  0x02, 0x01, 0x7f, 0x01, 0x7b,
  // $lf = i8x16.splat(10)
  0x41, 0x0a, 0xfd, 0x0f, 0x21, 0x03,
  // block $done, loop $wide
  0x02, 0x40, 0x03, 0x40,
  // br_if $done (p + 16 > end)
  0x20, 0x00, 0x41, 0x10, 0x6a, 0x20, 0x01, 0x4b, 0x0d, 0x01,
  // n += popcnt(bitmask(load(p) == lf))
  0x20, 0x02, 0x20, 0x00, 0xfd, 0x00, 0x00, 0x00, 0x20, 0x03, 0xfd, 0x23, 0xfd, 0x64, 0x69, 0x6a, 0x21, 0x02,
  // p += 16; br $wide; end loop and block
  0x20, 0x00, 0x41, 0x10, 0x6a, 0x21, 0x00, 0x0c, 0x00, 0x0b, 0x0b,
  // block $rest, loop $narrow
  0x02, 0x40, 0x03, 0x40,
  // br_if $rest (p >= end)
  0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01,
  // n += load8_u(p) == 10
  0x20, 0x02, 0x20, 0x00, 0x2d, 0x00, 0x00, 0x41, 0x0a, 0x46, 0x6a, 0x21, 0x02,
  // p += 1; br $narrow; end loop and block
  0x20, 0x00, 0x41, 0x01, 0x6a, 0x21, 0x00, 0x0c, 0x00, 0x0b, 0x0b,
  // return n
  0x20, 0x02, 0x0b,
];

const MODULE = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  // type section: (i32, i32) -> i32
  ...[0x01, 0x07, 0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f],
  // function section: one function of type 0
  ...[0x03, 0x02, 0x01, 0x00],
  // memory section: one memory of one page
  ...[0x05, 0x03, 0x01, 0x00, 0x01],
  // export section: "memory" (memory 0), "count" (function 0)
  ...[0x07, 0x12, 0x02, 0x06, ...ascii('memory'), 0x02, 0x00, 0x05, ...ascii('count'), 0x00, 0x00],
  // code section: one body
  ...[0x0a, BODY.length + 2, 0x01, BODY.length, ...BODY],
]);

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** What is used here of the WebAssembly global (the project's typings leave out the DOM's, which declare it). */
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: object };
};

/** Bytes copied into the module's memory at once: its one page. */
const PAGE = 65536;

interface SimdCounter {
  memory: Uint8Array;
  count: (start: number, end: number) => number;
}

function instantiate(): SimdCounter | null {
  try {
    if (typeof WebAssembly !== 'object' || !WebAssembly.validate(MODULE)) return null;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(MODULE));
    const { memory, count } = instance.exports as {
      memory: { buffer: ArrayBuffer };
      count: SimdCounter['count'];
    };
    return { memory: new Uint8Array(memory.buffer), count };
  } catch {
    return null;
  }
}

const simd = instantiate();

/** Whether this runtime counts with WebAssembly SIMD (else with indexOf). */
export const countsWithSimd = simd !== null;

/**
 * How many line feeds (0x0A) bytes[from, to) holds.
 * @example countNewlines(Buffer.from('a\nb\nc'), 0, 5) === 2
 */
export function countNewlines(bytes: Uint8Array, from: number, to: number): number {
  if (!simd) return countNewlinesByIndexOf(bytes, from, to);
  let lines = 0;
  for (let start = from; start < to; start += PAGE) {
    const end = Math.min(to, start + PAGE);
    simd.memory.set(bytes.subarray(start, end), 0);
    lines += simd.count(0, end - start);
  }
  return lines;
}

/** The same count, one indexOf per line: the fallback, and the reference the tests hold the module to. */
export function countNewlinesByIndexOf(bytes: Uint8Array, from: number, to: number): number {
  let lines = 0;
  let at = bytes.indexOf(0x0a, from);
  while (at !== -1 && at < to) {
    lines += 1;
    at = bytes.indexOf(0x0a, at + 1);
  }
  return lines;
}
