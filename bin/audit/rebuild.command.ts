import { rebuildProjections } from '../../schema/audit-commands';
import type { CliIo } from '../cli';

/** `leakshield projections rebuild`: replays the log into fresh read-model tables and swaps them in. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length > 0) {
    io.stdout.write(
      'usage: leakshield projections rebuild\n\nReplays the audit log into fresh read models.\n',
    );
    return argv.includes('--help') ? 0 : 2;
  }
  const report = await rebuildProjections();
  io.stdout.write(
    `rebuilt ${report.tables.join(', ')} from ${report.events} events in ${report.durationMs} ms\n`,
  );
  return 0;
}
