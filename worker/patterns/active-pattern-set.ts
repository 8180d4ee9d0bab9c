import type { MikroORM } from '@mikro-orm/postgresql';
import { withConnection } from '../../schema/db/pg-connection';
import type { Logger } from '../../schema/observability/logger';
import { DlpEngine, type ContentScanner } from '../dlp/engine';
import { PatternCompileError } from '../dlp/scanner';
import type { PatternDefinition } from '../dlp/types';

/**
 * The patterns a scan uses, compiled once: the engine, the set's version (see `patternSetVersion`) and each
 * pattern's revision, recorded with every finding.
 * @example const { scanner, version, revisions } = await patterns.current();
 */
export interface LoadedPatternSet {
  scanner: ContentScanner;
  version: number;
  revisions: ReadonlyMap<string, number>;
  size: number;
}

/**
 * Keeps the enabled patterns compiled and notices changes without a restart: at most every `refreshMs` it reads
 * the set's version (one indexed max() over the patterns read model) and recompiles when it moved. Concurrent
 * tasks share one load. A pattern the engine refuses (it should never get into the log) is left out and logged,
 * so one bad pattern cannot stop every scan.
 */
export class ActivePatternSet {
  private loaded: LoadedPatternSet | null = null;
  private checkedAt = -Infinity;
  private pending: Promise<LoadedPatternSet> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger: Logger,
    private readonly options: { refreshMs: number; now?: () => number } = { refreshMs: 1_000 },
  ) {}

  async current(): Promise<LoadedPatternSet> {
    const now = (this.options.now ?? Date.now)();
    if (this.loaded && now - this.checkedAt < this.options.refreshMs) return this.loaded;
    this.pending ??= this.refresh(now).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async refresh(now: number): Promise<LoadedPatternSet> {
    const version = await this.readVersion();
    this.checkedAt = now;
    if (this.loaded && this.loaded.version === version) return this.loaded;
    const rows = await withConnection(this.orm, (connection) =>
      connection.query<{ pattern_id: string; definition: PatternDefinition; revision: number }>(
        `SELECT pattern_id, definition, revision FROM patterns
         WHERE deleted_at IS NULL AND enabled ORDER BY pattern_id`,
      ),
    );
    const definitions = rows.rows.map((row) => row.definition);
    this.loaded = {
      scanner: this.compile(definitions),
      version,
      revisions: new Map(rows.rows.map((row) => [row.pattern_id, Number(row.revision)])),
      size: definitions.length,
    };
    this.logger.info({ patternSetVersion: version, patterns: definitions.length }, 'pattern set loaded');
    return this.loaded;
  }

  private async readVersion(): Promise<number> {
    const { rows } = await withConnection(this.orm, (connection) =>
      connection.query<{ version: string | number | null }>(
        'SELECT max(last_position) AS version FROM patterns',
      ),
    );
    return Number(rows[0]?.version ?? 0);
  }

  private compile(definitions: readonly PatternDefinition[]): ContentScanner {
    try {
      return new DlpEngine(definitions);
    } catch (error) {
      if (!(error instanceof PatternCompileError)) throw error;
      const refused = new Set(error.errors.map((problem) => problem.pattern));
      this.logger.error(
        {
          patterns: [...refused],
          problems: error.errors.map((p) => `${p.pattern}: ${p.field}: ${p.message}`),
        },
        'patterns the engine refuses were left out of the scan set',
      );
      return new DlpEngine(definitions.filter((definition) => !refused.has(definition.id)));
    }
  }
}
