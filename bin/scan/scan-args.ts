import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SEVERITIES, type Severity } from '../../worker/dlp/types';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The `-` path: read the text to scan from standard input. */
export const STDIN_PATH = '-';

/**
 * What `leakshield scan` was asked to do.
 * @example { format: 'json', patternsFile: 'team.json', minSeverity: 'HIGH', excludes: ['*.log'], paths: ['.'] }
 */
export interface ScanOptions {
  format: OutputFormat;
  patternsFile: string | null;
  minSeverity: Severity;
  excludes: string[];
  paths: string[];
}

export type ParsedScanArgs =
  { kind: 'help' } | { kind: 'options'; options: ScanOptions } | { kind: 'usage-error'; message: string };

export const SCAN_USAGE = `Usage: leakshield scan [options] PATH...

Scans files, directories (recursively) and archives for secrets and personal data.
PATH is a file, a directory, or - for standard input.

Options:
  --format text|json|sarif  output format (default: text)
  --patterns FILE           JSON file of extra patterns (an array, or {"patterns": [...]}),
                            added to the built-in detectors (same id: replaces the built-in)
  --min-severity S          report only LOW, MEDIUM, HIGH or CRITICAL and above (default: LOW)
  --exclude GLOB            skip paths matching a .gitignore-style pattern, relative to the
                            directory scanned; repeatable. .git and node_modules are always skipped
  -h, --help                show this help

Exit status: 0 nothing found, 1 findings reported, 2 usage or fatal error.
Files that cannot be read are listed as errors and the scan goes on.
`;

const optionsSchema = z.object({
  format: z.enum(OUTPUT_FORMATS, { error: () => `--format must be one of ${OUTPUT_FORMATS.join(', ')}` }),
  patternsFile: z.string().min(1, '--patterns needs a file name').nullable(),
  minSeverity: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(SEVERITIES, { error: () => `--min-severity must be one of ${SEVERITIES.join(', ')}` })),
  excludes: z.array(z.string().min(1, '--exclude needs a pattern')),
  paths: z.array(z.string().min(1, 'an empty PATH')).min(1, 'no PATH given (use - for standard input)'),
});

/** Parses the arguments after `scan`; never throws. */
export function parseScanArgs(argv: readonly string[]): ParsedScanArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        patterns: { type: 'string' },
        'min-severity': { type: 'string' },
        exclude: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  if (parsed.values.help) return { kind: 'help' };
  const checked = optionsSchema.safeParse({
    format: parsed.values.format ?? 'text',
    patternsFile: parsed.values.patterns ?? null,
    minSeverity: parsed.values['min-severity'] ?? 'LOW',
    excludes: parsed.values.exclude ?? [],
    paths: parsed.positionals,
  });
  if (!checked.success) {
    return { kind: 'usage-error', message: checked.error.issues.map((issue) => issue.message).join('; ') };
  }
  return { kind: 'options', options: checked.data };
}
