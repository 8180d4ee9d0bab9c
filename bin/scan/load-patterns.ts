import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { builtinDetectors } from '../../worker/dlp/detectors';
import { parsePatternList, type PatternFieldError } from '../../worker/dlp/pattern-schema';
import { SEVERITIES, type PatternDefinition, type Severity } from '../../worker/dlp/types';
import { describeFsError } from './fs-errors';

/** A problem that stops the run before anything is scanned (exit 2); the message is for the user. */
export class FatalScanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FatalScanError';
  }
}

/**
 * The patterns a run uses: the built-in detectors, then those of the `--patterns` file (a pattern with a
 * built-in's id replaces it, so a team can tune a detector), keeping only those at or above `minSeverity`.
 * @throws FatalScanError when the file cannot be read, is not JSON, or holds an invalid pattern.
 */
export async function loadPatterns(
  patternsFile: string | null,
  minSeverity: Severity,
  cwd: string,
): Promise<PatternDefinition[]> {
  const custom =
    patternsFile === null ? [] : await readPatternsFile(path.resolve(cwd, patternsFile), patternsFile);
  const byId = new Map<string, PatternDefinition>();
  for (const pattern of [...builtinDetectors, ...custom]) byId.set(pattern.id, pattern);
  const floor = SEVERITIES.indexOf(minSeverity);
  return [...byId.values()].filter((p) => SEVERITIES.indexOf(p.severity) >= floor);
}

async function readPatternsFile(absolute: string, shown: string): Promise<PatternDefinition[]> {
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new FatalScanError(`cannot read --patterns file ${shown}: ${describeFsError(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FatalScanError(`--patterns file ${shown} is not valid JSON: ${reason}`);
  }
  const { patterns, errors } = parsePatternList(json);
  if (errors.length > 0) {
    throw new FatalScanError(
      [`--patterns file ${shown} has ${errors.length} problem${errors.length > 1 ? 's' : ''}:`]
        .concat(errors.map(describePatternError))
        .join('\n'),
    );
  }
  return patterns;
}

function describePatternError(error: PatternFieldError): string {
  const at = error.position === undefined || error.position === null ? '' : ` (at offset ${error.position})`;
  return `  pattern "${error.pattern}", field "${error.field}": ${error.message}${at}`;
}
