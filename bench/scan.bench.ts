/**
 * `npm run bench:scan`: our engine against the naive baseline (one JS RegExp per pattern, the prototype's way),
 * in the same run, on ~50 MB of generated chat text with planted secrets, with the whole built-in library plus
 * 100 custom patterns. Prints MB/s (a fresh scanner's first pass, and the steady state of a long-running worker),
 * findings and peak memory; then shows that streamed memory stays flat as the input grows.
 */
import { builtinDetectors } from '../worker/dlp/detectors';
import { compileScanner, type Scanner } from '../worker/dlp/scanner';
import type { PatternDefinition } from '../worker/dlp/types';
import { chatCorpus, customPatterns } from './chat-corpus';

const MB = 1024 * 1024;
const TOTAL = Number(process.env.BENCH_MB ?? 50) * MB;
/** Text the steady-state scanner sees before it is timed (a worker's earlier traffic). */
const WARM_MB = Number(process.env.BENCH_WARM_MB ?? 20);

function allPatterns(): PatternDefinition[] {
  const custom: PatternDefinition[] = customPatterns(100).map((p) => ({
    id: p.id,
    name: `Custom ${p.id}`,
    regex: p.regex,
    flags: { caseInsensitive: p.caseInsensitive },
    severity: 'MEDIUM',
    action: 'ALERT',
  }));
  return [...builtinDetectors, ...custom];
}

class PeakMemory {
  private peak = 0;
  private readonly base = process.memoryUsage().rss;
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  get peakMb(): number {
    return this.peak / MB;
  }
  get growthMb(): number {
    return Math.max(0, this.peak - this.base) / MB;
  }
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * A full collection before a timed run, then a pause while V8's background threads finish sweeping and unmapping
 * what it freed. Without the pause they compete with the run that follows on this 2-core machine: RE2.Set
 * scanning measured 1.4–1.9× slower for the first ~100 ms after gc() (the warm-up's 20 MB of text just freed),
 * and at full speed after a 200 ms pause or with --single-threaded-gc. Each side gets the same.
 */
function settle(): void {
  gc();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
}

/** JS RegExp equivalent of an RE2 pattern, as the prototype would have written it. */
function toJsRegExp(p: PatternDefinition): RegExp | null {
  let source = p.regex.replace(/\(\?P</g, '(?<');
  let flags = 'g';
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline?.[1]) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]) if (!flags.includes(f)) flags += f;
  }
  if (p.flags?.caseInsensitive && !flags.includes('i')) flags += 'i';
  if (p.flags?.multiline && !flags.includes('m')) flags += 'm';
  if (p.flags?.dotAll && !flags.includes('s')) flags += 's';
  try {
    return new RegExp(source, flags);
  } catch {
    return null;
  }
}

function runEngine(
  chunks: string[],
  scanner: Scanner,
  memory?: PeakMemory,
): { seconds: number; findings: number } {
  const started = process.hrtime.bigint();
  const stream = scanner.stream();
  let findings = 0;
  for (const chunk of chunks) {
    findings += stream.push(chunk).length;
    // Sampled between pieces: the run is synchronous, so a timer would not fire until it ends.
    memory?.sample();
  }
  findings += stream.end().length;
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, findings };
}

function runNaive(
  chunks: string[],
  regexes: ReadonlyArray<RegExp | null>,
): { seconds: number; matches: number; skipped: number } {
  const started = process.hrtime.bigint();
  let matches = 0;
  for (const chunk of chunks) {
    for (const regex of regexes) {
      if (!regex) continue;
      regex.lastIndex = 0;
      for (const _m of chunk.matchAll(regex)) matches += 1;
    }
  }
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    matches,
    skipped: regexes.filter((r) => r === null).length,
  };
}

function streamedPeak(totalBytes: number, patterns: PatternDefinition[]): { mbps: number; growthMb: number } {
  settle();
  const memory = new PeakMemory();
  const stream = compileScanner(patterns).stream();
  let bytes = 0;
  let nanos = 0n;
  // Generation is not timed: only push/end are.
  for (const chunk of chatCorpus(totalBytes, MB, 400, 7)) {
    bytes += chunk.length;
    const started = process.hrtime.bigint();
    stream.push(chunk);
    nanos += process.hrtime.bigint() - started;
    memory.sample();
  }
  const started = process.hrtime.bigint();
  stream.end();
  nanos += process.hrtime.bigint() - started;
  const seconds = Number(nanos) / 1e9;
  return { mbps: bytes / MB / seconds, growthMb: memory.growthMb };
}

function main(): void {
  const patterns = allPatterns();
  console.log(
    `patterns: ${builtinDetectors.length} built-in + ${patterns.length - builtinDetectors.length} custom`,
  );
  // Flattened, as text decoded from a file or a Slack payload would be.
  const chunks = [...chatCorpus(TOTAL)].map((c) => Buffer.from(c).toString());
  const bytes = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
  console.log(`corpus: ${(bytes / MB).toFixed(1)} MB of chat text in ${chunks.length} chunks`);

  // A fresh scanner's first pass, timed on its own: RE2 builds its DFA states lazily, as the text needs them,
  // and with ~185 patterns that takes tens of MB of text.
  const compileStarted = process.hrtime.bigint();
  const fresh = compileScanner(patterns);
  const compileMs = Number(process.hrtime.bigint() - compileStarted) / 1e6;
  console.log(
    `compile  : ${compileMs.toFixed(0)} ms for ${patterns.length} patterns (once per pattern change)`,
  );
  settle();
  const cold = runEngine(chunks, fresh);
  console.log(
    `first pass: ${(bytes / MB / cold.seconds).toFixed(1)} MB/s  (a fresh scanner on this corpus, DFA states built on the way)`,
  );

  // The steady state, as in the worker, which compiles the pattern set when it changes and scans every message
  // with it: both sides compiled once and warmed on WARM_MB of other chat text (another seed), then timed.
  const scanner = compileScanner(patterns);
  const regexes = patterns.map(toJsRegExp);
  const warmup = [...chatCorpus(WARM_MB * MB, MB, 400, 7)];
  runEngine(warmup, scanner);
  runNaive(warmup.slice(0, 2), regexes);
  settle();
  const memory = new PeakMemory();
  const engine = runEngine(chunks, scanner, memory);
  memory.sample();
  const engineMbps = bytes / MB / engine.seconds;
  console.log(
    `engine   : ${engineMbps.toFixed(1)} MB/s  (steady state after ${WARM_MB} MB of other chat; ${engine.seconds.toFixed(2)} s, ${engine.findings} findings, peak RSS ${memory.peakMb.toFixed(0)} MB)`,
  );

  settle();
  const naive = runNaive(chunks, regexes);
  const naiveMbps = bytes / MB / naive.seconds;
  console.log(
    `baseline : ${naiveMbps.toFixed(1)} MB/s  (${naive.seconds.toFixed(2)} s, ${naive.matches} raw matches, one JS RegExp per pattern${naive.skipped ? `, ${naive.skipped} not expressible in JS` : ''})`,
  );
  console.log(`speed-up : ${(engineMbps / naiveMbps).toFixed(1)}x`);

  const small = streamedPeak(TOTAL, patterns);
  const large = streamedPeak(TOTAL * 4, patterns);
  console.log(
    `streamed : ${(TOTAL / MB).toFixed(0)} MB → RSS growth ${small.growthMb.toFixed(0)} MB (${small.mbps.toFixed(1)} MB/s); ` +
      `${((TOTAL * 4) / MB).toFixed(0)} MB → RSS growth ${large.growthMb.toFixed(0)} MB (${large.mbps.toFixed(1)} MB/s)`,
  );
}

main();
