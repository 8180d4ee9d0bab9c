import { EXIT_CONFIG, loadSettings, SettingsError, type Settings } from '../../schema/config/settings';
import { leaveShutdownSignalsToCaller } from '../../schema/db/embedded-postgres';
import { createLogger } from '../../schema/observability/logger';
import type { CliIo } from '../cli';
import { startRuntime, type RuntimeParts } from '../runtime/runtime';

const USAGE: Record<string, string> = {
  start: 'usage: leakshield start\n\nRuns the API, Slack ingress, console and scan worker in one process.\n',
  serve:
    'usage: leakshield serve\n\nRuns the API, Slack ingress and console (scale workers apart with `leakshield worker`).\n',
  worker:
    'usage: leakshield worker\n\nRuns a scan worker: consumes the SQS scan queue (run many behind one queue).\n',
};

/** The signals that stop a service gracefully. */
const SHUTDOWN_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Runs a long-lived LeakShield process until SIGTERM or SIGINT, then shuts down gracefully: stop taking work,
 * finish what is in flight, close connections. A settings error exits 78 with every problem listed.
 */
export async function runService(
  name: 'start' | 'serve' | 'worker',
  parts: RuntimeParts,
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(USAGE[name] ?? '');
    return 0;
  }
  if (argv.length > 0) {
    io.stderr.write(`leakshield ${name}: unexpected argument ${argv[0]}\n\n${USAGE[name] ?? ''}`);
    return 2;
  }
  let settings: Settings;
  try {
    settings = loadSettings();
  } catch (error) {
    if (error instanceof SettingsError) {
      io.stderr.write(`${error.message}\nSee .env.example for every setting and what it is for.\n`);
      return EXIT_CONFIG;
    }
    throw error;
  }
  const logger = createLogger({ level: settings.LOG_LEVEL, name: `leakshield-${name}` });
  let runtime;
  try {
    runtime = await startRuntime(settings, parts, logger);
  } catch (error) {
    logger.fatal({ error }, 'LeakShield could not start');
    return 1;
  }
  const base = `http://localhost:${runtime.port}`;
  if (parts.api) {
    io.stdout.write(
      `LeakShield is running.\n  console      ${base}/admin/\n  GraphQL      ${base}/graphql\n` +
        `  Slack events ${base}/slack/events\n  health       ${base}/healthz  ${base}/readyz\n  metrics      ${base}/metrics\n`,
    );
  } else {
    io.stdout.write(
      `LeakShield worker is running.\n  health       ${base}/healthz  ${base}/readyz\n  metrics      ${base}/metrics\n`,
    );
  }
  logger.info({ port: runtime.port, parts }, 'started');
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      logger.info({ signal }, 'shutting down: finishing work in flight');
      for (const each of SHUTDOWN_SIGNALS) process.off(each, onSignal);
      resolve();
    };
    for (const signal of SHUTDOWN_SIGNALS) process.on(signal, onSignal);
    // The embedded PostgreSQL would otherwise stop and exit the process on these signals before the work in flight
    // is finished; the runtime stops it last.
    leaveShutdownSignalsToCaller(SHUTDOWN_SIGNALS);
  });
  await runtime.stop();
  logger.info('stopped');
  return 0;
}
