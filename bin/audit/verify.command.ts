import { verifyAuditLog } from '../../schema/audit-commands';
import type { CliIo } from '../cli';

/** `leakshield audit verify`: walks the hash chain; exit 0 when intact, 1 naming the first broken position. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  if (argv.some((a) => a !== '--json')) {
    io.stdout.write('usage: leakshield audit verify [--json]\n\nVerifies the audit log hash chain.\n');
    return argv.includes('--help') ? 0 : 2;
  }
  const result = await verifyAuditLog();
  if (json) {
    io.stdout.write(`${JSON.stringify(result)}\n`);
  } else if (result.ok) {
    io.stdout.write(`audit log intact: ${result.checkedEvents} events verified\n`);
  } else {
    io.stdout.write(
      `audit log BROKEN at position ${String(result.firstBrokenPosition)} (${result.checkedEvents} events checked)\n`,
    );
  }
  return result.ok ? 0 : 1;
}
