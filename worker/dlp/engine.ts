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

  constructor(patterns: readonly PatternDefinition[]) {
    this.scanner = compileScanner(patterns);
  }

  async scan(content: string, context: ScanContext): Promise<Finding[]> {
    return this.scanner.scan(content, { channelId: context.channelId });
  }
}
