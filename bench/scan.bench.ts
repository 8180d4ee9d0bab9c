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
/** Rounds of new text for the steady state, each scanned by both sides (see main). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

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
  // Generation (and flattening) is not timed: only push/end are.
  for (const generated of chatCorpus(totalBytes, MB, 400, 7)) {
    const chunk = flat(generated);
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

/** A piece as a decoded file or Slack payload hands it over: one flat string, not the generator's rope of parts. */
function flat(piece: string): string {
  return Buffer.from(piece).toString();
}

function flatChunks(totalBytes: number, seed: number): string[] {
  return [...chatCorpus(totalBytes, MB, 400, seed)].map(flat);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function main(): void {
  const patterns = allPatterns();
  console.log(
    `patterns: ${builtinDetectors.length} built-in + ${patterns.length - builtinDetectors.length} custom`,
  );
  const first = flatChunks(TOTAL, 42);
  const bytes = first.reduce((n, c) => n + Buffer.byteLength(c), 0);
  console.log(
    `corpus: ${(bytes / MB).toFixed(1)} MB of chat text per round, ${first.length} pieces, ${ROUNDS} rounds`,
  );

  // A fresh scanner's first pass, timed on its own: RE2 builds its DFA states lazily, as the text needs them,
  // and with ~185 patterns that takes tens of MB of text.
  const compileStarted = process.hrtime.bigint();
  const fresh = compileScanner(patterns);
  const compileMs = Number(process.hrtime.bigint() - compileStarted) / 1e6;
  console.log(
    `compile  : ${compileMs.toFixed(0)} ms for ${patterns.length} patterns (once per pattern change)`,
  );
  settle();
  const cold = runEngine(first, fresh);
  console.log(
    `first pass: ${(bytes / MB / cold.seconds).toFixed(1)} MB/s  (a fresh scanner on this corpus, DFA states built on the way)`,
  );

  // The steady state, as in the worker, which compiles the pattern set when it changes and scans every message
  // with it. Per round, both sides are compiled afresh and warmed on WARM_MB of other chat text (another seed),
  // then new text (a seed of its own) is scanned by the engine and by the baseline back to back, so both meet the
  // same state of this shared host. Every round measures the same thing (a scanner that has seen WARM_MB), and
  // the summary takes the median round: one run of a third of a second is at the mercy of whatever else the host
  // does in that third of a second.
  const warmup = [...chatCorpus(WARM_MB * MB, MB, 400, 7)];
  const engineRates: number[] = [];
  const naiveRates: number[] = [];
  const ratios: number[] = [];
  let peakMb = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const chunks = round === 0 ? first : flatChunks(TOTAL, 42 + round);
    const roundBytes = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
    const scanner = compileScanner(patterns);
    const regexes = patterns.map(toJsRegExp);
    runEngine(warmup, scanner);
    runNaive(warmup.slice(0, 2), regexes);
    settle();
    const memory = new PeakMemory();
    const engine = runEngine(chunks, scanner, memory);
    memory.sample();
    peakMb = Math.max(peakMb, memory.peakMb);
    settle();
    const naive = runNaive(chunks, regexes);
    const engineMbps = roundBytes / MB / engine.seconds;
    const naiveMbps = roundBytes / MB / naive.seconds;
    engineRates.push(engineMbps);
    naiveRates.push(naiveMbps);
    ratios.push(engineMbps / naiveMbps);
    console.log(
      `round ${round + 1}  : engine ${engineMbps.toFixed(1)} MB/s (${engine.seconds.toFixed(2)} s, ${engine.findings} findings), ` +
        `baseline ${naiveMbps.toFixed(1)} MB/s (${naive.seconds.toFixed(2)} s, ${naive.matches} raw matches${naive.skipped ? `, ${naive.skipped} patterns not expressible in JS` : ''}), ` +
        `${(engineMbps / naiveMbps).toFixed(1)}x`,
    );
  }
  console.log(
    `engine   : ${median(engineRates).toFixed(1)} MB/s  (median of ${ROUNDS} rounds; steady state after ${WARM_MB} MB of other chat; peak RSS ${peakMb.toFixed(0)} MB)`,
  );
  console.log(
    `baseline : ${median(naiveRates).toFixed(1)} MB/s  (median of ${ROUNDS} rounds; one JS RegExp per pattern, the prototype's way)`,
  );
  console.log(`speed-up : ${median(ratios).toFixed(1)}x  (median of the rounds' own ratios)`);

  const small = streamedPeak(TOTAL, patterns);
  const large = streamedPeak(TOTAL * 4, patterns);
  console.log(
    `streamed : ${(TOTAL / MB).toFixed(0)} MB → RSS growth ${small.growthMb.toFixed(0)} MB (${small.mbps.toFixed(1)} MB/s); ` +
      `${((TOTAL * 4) / MB).toFixed(0)} MB → RSS growth ${large.growthMb.toFixed(0)} MB (${large.mbps.toFixed(1)} MB/s); ` +
      `each a fresh scanner`,
  );
}

main();
