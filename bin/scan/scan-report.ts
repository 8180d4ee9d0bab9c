import type { Severity } from '../../worker/dlp/types';

/**
 * One finding as the scan command reports it. Holds the masked match only, never the secret.
 * @example { path: 'backup.zip!db/users.csv', line: 12, column: 8, detector: 'card-visa',
 *   name: 'Visa card number', severity: 'HIGH', match: '4111 **** **** 1111' }
 */
export interface ReportFinding {
  /** Relative to the working directory where possible; an archive entry is `outer.zip!inner/path.txt`. */
  path: string;
  /** 1-based; null where the text has no meaningful lines (a PDF's text, a spreadsheet's cells). */
  line: number | null;
  /** 1-based, in UTF-16 code units; null with `line`. */
  column: number | null;
  /** The pattern id. */
  detector: string;
  /** The pattern name. */
  name: string;
  severity: Severity;
  /** The masked match. */
  match: string;
}

/** A file that could not be read or understood; the run went on without it. */
export interface ReportError {
  path: string;
  message: string;
}

export interface ReportStats {
  /** Input files opened and read without an I/O error: an archive counts as one, an unreadable file as none. */
  files: number;
  /** Input bytes read (an archive's compressed size, not what it inflates to). */
  bytes: number;
  /** Elapsed milliseconds. */
  ms: number;
}

/** Content that is not text (an image, random binary): nothing to scan in it, and not an error. */
export interface ReportSkip {
  path: string;
  reason: string;
}

/** Plain data, so every output (text, JSON, SARIF) and later the API can render the same result. */
export interface ScanReport {
  findings: ReportFinding[];
  errors: ReportError[];
  /** Not in the JSON output, whose shape is fixed; counted in the text summary, noted in SARIF. */
  skipped: ReportSkip[];
  stats: ReportStats;
}
