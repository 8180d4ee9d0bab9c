import type { TerminalWritable } from '../cli';

export interface ProgressOptions {
  /** Nothing is shown before this: short runs stay quiet. */
  delayMs?: number;
  /** Least time between two redraws. */
  intervalMs?: number;
}

export interface ProgressState {
  files: number;
  bytes: number;
  /** The file being read. */
  path: string;
}

/**
 * The single `scanning…` line on stderr for long runs, redrawn in place with `\r`. Silent when stderr is not
 * a terminal, so logs and pipes never hold it.
 * @example const p = new ProgressLine(process.stderr, () => performance.now()); p.update(state); p.clear();
 */
export class ProgressLine {
  private readonly enabled: boolean;
  private readonly startedAt: number;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private lastDrawAt = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly stream: TerminalWritable,
    private readonly now: () => number,
    options: ProgressOptions = {},
  ) {
    this.enabled = stream.isTTY === true;
    this.startedAt = now();
    this.delayMs = options.delayMs ?? 1000;
    this.intervalMs = options.intervalMs ?? 100;
  }

  update(state: ProgressState): void {
    if (!this.enabled) return;
    const at = this.now();
    if (at - this.startedAt < this.delayMs || at - this.lastDrawAt < this.intervalMs) return;
    this.lastDrawAt = at;
    // A pseudo-terminal may report 0 columns: treat it as unknown.
    const width = Math.max(20, (this.stream.columns || 80) - 1);
    const head = `scanning: ${state.files} file${state.files === 1 ? '' : 's'}, ${formatBytes(state.bytes)}  `;
    const room = width - head.length;
    const shown =
      room <= 1 ? '' : state.path.length <= room ? state.path : `…${state.path.slice(-(room - 1))}`;
    // Erase to the end of the line so a shorter line leaves no tail of the previous one.
    this.stream.write(`\r${head}${sanitize(shown)}\x1b[K`);
    this.drawn = true;
  }

  /** Removes the line, before the results are printed. */
  clear(): void {
    if (!this.drawn) return;
    this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Control characters in a file name must not move the cursor or recolour the terminal. */
function sanitize(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, '?');
}
