import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ExtractedPart, ExtractLimits, ExtractSource } from '../../worker/dlp/extract/types';
import type { Scanner } from '../../worker/dlp/scanner';
import type { Finding } from '../../worker/dlp/types';
import { describeReadError } from './fs-errors';
import type { ProgressLine } from './progress';
import type { ReportError, ReportFinding, ReportSkip, ScanReport } from './scan-report';
import type { ScanInput } from './walk-inputs';

/** Turns one input file into parts of text (worker/dlp/extract). */
export type Extractor = (source: ExtractSource, limits: ExtractLimits) => AsyncIterable<ExtractedPart>;

export interface ScanInputsDeps {
  scanner: Scanner;
  extract: Extractor;
  limits: ExtractLimits;
  stdin: Readable;
  now: () => number;
  progress?: ProgressLine;
}

/**
 * Scans every input in turn: each input is extracted into parts, and each text part is streamed through its
 * own scanner stream chunk by chunk, so memory stays bounded whatever the file size. A file that cannot be read
 * or understood becomes an entry in `errors`; the run goes on.
 */
export async function scanInputs(
  inputs: AsyncIterable<ScanInput>,
  deps: ScanInputsDeps,
): Promise<ScanReport> {
  const startedAt = deps.now();
  const findings: ReportFinding[] = [];
  const errors: ReportError[] = [];
  const skipped: ReportSkip[] = [];
  const totals = { files: 0, bytes: 0 };

  for await (const input of inputs) {
    if (input.kind === 'error') {
      errors.push({ path: input.path, message: input.message });
      continue;
    }
    const reading = { opened: false, failed: false };
    const source: ExtractSource = {
      path: input.path,
      open: () =>
        countBytes(open(input, deps.stdin), totals, reading, (bytes) =>
          deps.progress?.update({ files: totals.files, bytes, path: input.path }),
        ),
      ...(input.kind === 'file' ? { size: input.size } : {}),
    };
    try {
      for await (const part of deps.extract(source, deps.limits)) {
        switch (part.kind) {
          case 'text':
            await scanPart(part, deps.scanner, findings, errors);
            break;
          case 'error':
            errors.push({ path: part.path, message: part.message });
            break;
          case 'skipped':
            skipped.push({ path: part.path, reason: part.reason });
            break;
          default: {
            const _exhaustive: never = part;
            return _exhaustive;
          }
        }
      }
    } catch (error) {
      errors.push({ path: input.path, message: describeReadError(error) });
    }
    if (reading.opened && !reading.failed) totals.files += 1;
  }

  return {
    findings,
    errors,
    skipped,
    stats: { files: totals.files, bytes: totals.bytes, ms: Math.max(0, Math.round(deps.now() - startedAt)) },
  };
}

async function scanPart(
  part: Extract<ExtractedPart, { kind: 'text' }>,
  scanner: Scanner,
  findings: ReportFinding[],
  errors: ReportError[],
): Promise<void> {
  const stream = scanner.stream();
  const add = (found: Finding[]): void => {
    for (const f of found) findings.push(toReportFinding(f, part.path, part.hasLines));
  };
  try {
    for await (const chunk of part.chunks) add(stream.push(chunk));
  } catch (error) {
    // What was found before the failure still stands; the part is reported as partly scanned.
    add(stream.end());
    errors.push({ path: part.path, message: describeReadError(error) });
    return;
  }
  add(stream.end());
}

function toReportFinding(f: Finding, path: string, hasLines: boolean): ReportFinding {
  return {
    path,
    line: hasLines ? f.line : null,
    column: hasLines ? f.column : null,
    detector: f.patternId,
    name: f.patternName,
    severity: f.severity,
    match: f.maskedMatch,
  };
}

function open(input: Exclude<ScanInput, { kind: 'error' }>, stdin: Readable): AsyncIterable<Buffer | string> {
  return input.kind === 'stdin' ? stdin : createReadStream(input.absolute);
}

/**
 * Counts the bytes read, and notes whether the input was opened and read without an I/O error: such an input
 * counts as a scanned file even when the extractor stopped early (binary content is recognised from its start).
 */
async function* countBytes(
  source: AsyncIterable<Buffer | string>,
  totals: { bytes: number },
  reading: { opened: boolean; failed: boolean },
  onProgress: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  reading.opened = true;
  try {
    for await (const chunk of source) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      totals.bytes += buffer.length;
      onProgress(totals.bytes);
      yield buffer;
    }
  } catch (error) {
    reading.failed = true;
    throw error;
  }
}
