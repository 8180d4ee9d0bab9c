import { migrate } from '../../schema/audit-commands';
import type { CliIo } from '../cli';

/** `leakshield migrate`: applies pending migrations (safe from several processes at once). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length > 0) {
    io.stdout.write(
      'usage: leakshield migrate\n\nApplies pending database migrations to DATABASE_URL (or the embedded database).\n',
    );
    return argv.includes('--help') ? 0 : 2;
  }
  const { database, applied } = await migrate();
  io.stdout.write(
    applied.length > 0
      ? `applied ${applied.length} migration(s) to ${database}:\n${applied.map((m) => `  ${m}`).join('\n')}\n`
      : `${database} is up to date\n`,
  );
  return 0;
}
