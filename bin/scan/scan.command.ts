import { DEFAULT_EXTRACT_LIMITS, extract } from '../../worker/dlp/extract';
import { compileScanner, PatternCompileError, type Scanner } from '../../worker/dlp/scanner';
import type { PatternDefinition } from '../../worker/dlp/types';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, packageVersion, type CliIo } from '../cli';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatErrorsText, formatText } from './format-text';
import { FatalScanError, loadPatterns } from './load-patterns';
import { ProgressLine } from './progress';
import { parseScanArgs, SCAN_USAGE, type OutputFormat } from './scan-args';
import { scanInputs } from './scan-inputs';
import type { ScanReport } from './scan-report';
import { walkInputs } from './walk-inputs';

/** `leakshield scan [--format text|json|sarif] [--patterns FILE] [--min-severity S] [--exclude GLOB]... PATH...` */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseScanArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout.write(SCAN_USAGE);
    return EXIT_CLEAN;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr.write(`leakshield scan: ${parsed.message}\n\n${SCAN_USAGE}`);
    return EXIT_USAGE;
  }
  const options = parsed.options;

  let patterns: PatternDefinition[];
  let scanner: Scanner;
  try {
    patterns = await loadPatterns(options.patternsFile, options.minSeverity, io.cwd);
    scanner = compileScanner(patterns);
  } catch (error) {
    if (error instanceof FatalScanError || error instanceof PatternCompileError) {
      io.stderr.write(`leakshield scan: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }

  const progress = new ProgressLine(io.stderr, io.now);
  const report = await scanInputs(walkInputs(options.paths, { cwd: io.cwd, excludes: options.excludes }), {
    scanner,
    extract,
    limits: DEFAULT_EXTRACT_LIMITS,
    stdin: io.stdin,
    now: io.now,
    progress,
  });
  progress.clear();

  io.stderr.write(formatErrorsText(report.errors));
  io.stdout.write(render(options.format, report, patterns));
  return report.findings.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

function render(format: OutputFormat, report: ScanReport, patterns: readonly PatternDefinition[]): string {
  switch (format) {
    case 'text':
      return formatText(report);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { toolVersion: packageVersion(), detectors: patterns });
    default: {
      const _exhaustive: never = format;
      return _exhaustive;
    }
  }
}
