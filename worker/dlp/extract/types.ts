/**
 * The contract between text extraction and everything that scans: a file goes in, parts of text come out.
 * A part is one scannable document (a file, or an entry inside an archive), an error, or a skip.
 */

export interface ExtractLimits {
  /** Largest input file read at all, in bytes (binary formats are held in memory to be parsed). */
  maxFileBytes: number;
  /** Total bytes of text and inflated data produced from one input, across every nested entry (zip bombs). */
  maxExtractedBytes: number;
  /** Largest inflated/compressed ratio tolerated for one archive entry, checked while inflating. */
  maxCompressionRatio: number;
  /** Entries read from one archive. */
  maxEntries: number;
  /** Archives inside archives: the outer file is depth 0. */
  maxDepth: number;
  /** Wall-clock budget for one input file, in milliseconds. */
  timeBudgetMs: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxExtractedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxEntries: 10_000,
  maxDepth: 3,
  timeBudgetMs: 30_000,
};

/** Where the bytes come from; `open` may be called once. */
export interface ExtractSource {
  /** Display path, e.g. `docs/report.pdf`. Used for type hints (extension) and in part paths. */
  path: string;
  open(): AsyncIterable<Buffer> | NodeJS.ReadableStream;
  /** Known size, when the caller has it (lets oversized files be refused before reading). */
  size?: number;
}

export type ExtractedPart =
  | {
      kind: 'text';
      /** `outer.zip!inner/path.txt` for archive entries. */
      path: string;
      /** Detected format, e.g. `text`, `pdf`, `docx`, `xlsx`, `zip-entry`. */
      format: string;
      /** False where line numbers mean nothing (a spreadsheet's cells, a PDF's text). */
      hasLines: boolean;
      /** The text in order; must be consumed before the next part is requested. */
      chunks: AsyncIterable<string>;
    }
  | { kind: 'error'; path: string; message: string }
  | { kind: 'skipped'; path: string; reason: string };
