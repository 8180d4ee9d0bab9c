/**
 * The contract between text extraction and everything that scans: a file goes in, parts of text come out.
 * A part is one scannable document (a file, or an entry inside an archive), an error, or a skip.
 */

export interface ExtractLimits {
  /**
   * Largest input file read at all, in bytes (binary formats are held in memory to be parsed). Also the largest
   * single entry read from inside an archive. A text file of unknown size is scanned up to this size, then an
   * error part says where it stopped.
   */
  maxFileBytes: number;
  /** Total bytes of text and inflated data produced from one input, across every nested entry (zip bombs). */
  maxExtractedBytes: number;
  /**
   * Largest inflated/compressed ratio tolerated for one archive entry (or gzip stream), checked against the
   * declared size before inflating and against the bytes produced while inflating. An entry is only held to it
   * past its first MiB, so small, very regular files are not mistaken for bombs.
   */
  maxCompressionRatio: number;
  /** Entries read from one archive. */
  maxEntries: number;
  /** Archives inside archives: the outer file is depth 0. */
  maxDepth: number;
  /**
   * Wall-clock budget for one input file and everything nested in it, in milliseconds. Only time spent
   * extracting counts: while the consumer holds a part or a chunk (scanning it), the clock is stopped.
   */
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

/**
 * Where the bytes come from; `open` may be called once.
 * @example
 * { path: 'upload/report.zip', size: stat.size, open: () => fs.createReadStream(file) }
 */
export interface ExtractSource {
  /** Display path, e.g. `docs/report.pdf`. Used for type hints (extension) and in part paths. */
  path: string;
  open(): AsyncIterable<Buffer> | NodeJS.ReadableStream;
  /** Known size, when the caller has it (lets oversized files be refused before reading). */
  size?: number;
}

/**
 * @example
 * { kind: 'text', path: 'bundle.zip!docs/plan.docx', format: 'docx', hasLines: false, chunks }
 * { kind: 'error', path: 'bundle.zip!bomb.txt', message: 'over maxCompressionRatio (200): …' }
 * { kind: 'skipped', path: 'bundle.zip!logo.png', reason: 'binary file: PNG image' }
 */
export type ExtractedPart =
  | {
      kind: 'text';
      /** `outer.zip!inner/path.txt` for archive entries. */
      path: string;
      /**
       * Detected format: `text` (any plain text: logs, csv, json, source…), `html`, `xml`, `pdf`, `docx`, `xlsx`,
       * `pptx`, `odt`, `ods`, `odp`, `odg`, `odf`. An archive entry reports its own format; its path shows the archive.
       */
      format: string;
      /** False where line numbers mean nothing (a spreadsheet's cells, a PDF's text). */
      hasLines: boolean;
      /**
       * The text in order, in chunks of 64 Ki to 1 Mi characters (the last may be shorter); must be consumed before the next part is
       * requested. It never throws: a failure while reading ends the chunks and is reported as the next part,
       * an `error` with the same path.
       */
      chunks: AsyncIterable<string>;
    }
  | { kind: 'error'; path: string; message: string }
  | { kind: 'skipped'; path: string; reason: string };
