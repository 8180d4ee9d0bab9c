import { compileScanner, type Scanner } from './scanner';
import type { Finding, PatternDefinition } from './types';

/** Where a piece of content came from; lets patterns scoped to channels apply only there. */
export interface ScanContext {
  source: 'MESSAGE' | 'FILE';
  channelId?: string;
}

/**
 * A content-scanning tool as the worker sees it. The DLP engine is one; a secret verifier or a malware scanner
 * can be plugged in beside it later with the same shape.
 * @example const findings = await engine.scan('my card 4111 1111 1111 1111', { source: 'MESSAGE', channelId: 'C1' });
 */
export interface ContentScanner {
  readonly name: string;
  scan(content: string, context: ScanContext): Promise<Finding[]>;
}

/** Our DLP engine behind the ContentScanner interface, for one compiled pattern set. */
export class DlpEngine implements ContentScanner {
  readonly name = 'leakshield-dlp';
  private readonly scanner: Scanner;
  private readonly scopes: Map<string, PatternDefinition['channelScope']>;

  constructor(patterns: readonly PatternDefinition[]) {
    this.scanner = compileScanner(patterns);
    this.scopes = new Map(patterns.filter((p) => p.channelScope).map((p) => [p.id, p.channelScope]));
  }

  async scan(content: string, context: ScanContext): Promise<Finding[]> {
    const findings = this.scanner.scan(content);
    return this.scopes.size === 0
      ? findings
      : findings.filter((f) => this.inScope(f.patternId, context.channelId));
  }

  private inScope(patternId: string, channelId: string | undefined): boolean {
    const scope = this.scopes.get(patternId);
    if (!scope || channelId === undefined) return true;
    if (scope.exclude?.includes(channelId)) return false;
    return !scope.include || scope.include.length === 0 || scope.include.includes(channelId);
  }
}
