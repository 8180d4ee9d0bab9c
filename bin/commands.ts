import type { Command } from './cli';

/** One line of `leakshield --help`, and how to load the command only when it is run (startup stays fast). */
export interface CommandEntry {
  /** The words typed after `leakshield`: `scan`, or `projections rebuild`. */
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/**
 * Every subcommand. Adding one is adding an entry here that points at the module exporting its `run`.
 * @example { name: 'audit verify', summary: 'walk the hash chain…', load: () => import('../api/audit/verify.command') }
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'scan',
    summary: 'scan files, directories or stdin for secrets and personal data',
    load: () => import('./scan/scan.command.js'),
  },
  {
    name: 'start',
    summary: 'run everything in one process: API, Slack ingress, console and scan worker',
    load: () => import('./service/start.command.js'),
  },
  {
    name: 'serve',
    summary: 'run the API, Slack ingress and console (workers run apart)',
    load: () => import('./service/serve.command.js'),
  },
  {
    name: 'worker',
    summary: 'run a scan worker on the SQS queue (run as many as you need)',
    load: () => import('./service/worker.command.js'),
  },
  {
    name: 'migrate',
    summary: 'apply pending database migrations',
    load: () => import('./audit/migrate.command.js'),
  },
  {
    name: 'audit verify',
    summary: 'verify the audit log hash chain and name the first broken position',
    load: () => import('./audit/verify.command.js'),
  },
  {
    name: 'projections rebuild',
    summary: 'replay the audit log into fresh read models and swap them in',
    load: () => import('./audit/rebuild.command.js'),
  },
];
