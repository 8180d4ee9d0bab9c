import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { COMMANDS, type CommandEntry } from './commands';

/** The conventional exit codes of a scanner: 0 clean, 1 something found, 2 the run itself went wrong. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A stream that may be a terminal (stderr, for the progress line). */
export type TerminalWritable = Writable & { isTTY?: boolean; columns?: number };

/**
 * Everything a command may touch of the outside world, passed in so a command behaves the same in a test.
 * @example
 * const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr,
 *   cwd: process.cwd(), now: () => performance.now() };
 */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: TerminalWritable;
  cwd: string;
  /** Milliseconds from an arbitrary origin, for durations and the progress line. */
  now: () => number;
}

/** A subcommand: receives the arguments after its name and resolves to the process exit code. */
export interface Command {
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

/** The version in package.json, found by walking up from the compiled file (dist/bin/ → the package root). */
export function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i += 1) {
    try {
      const parsed = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (parsed.name === 'leakshield' && typeof parsed.version === 'string') return parsed.version;
    } catch {
      // not here: look one level up
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: leakshield <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     show this help (or `leakshield <command> --help` for one command)',
    '  -V, --version  print the version',
    '',
  ].join('\n');
}

/** Finds the command named by the first words of argv; the longest name wins (`projections rebuild`). */
function findCommand(argv: readonly string[]): { entry: CommandEntry; rest: readonly string[] } | null {
  const byLength = [...COMMANDS].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const entry of byLength) {
    const words = entry.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { entry, rest: argv.slice(words.length) };
  }
  return null;
}

function unknownCommand(argv: readonly string[]): string {
  const first = argv[0] ?? '';
  if (first.startsWith('-')) return `unknown option '${first}'`;
  const longer = COMMANDS.filter((c) => c.name.startsWith(`${first} `)).map((c) => `'${c.name}'`);
  if (longer.length > 0) return `'${first}' needs a subcommand: ${longer.join(', ')}`;
  return `unknown command '${first}'`;
}

/** Dispatches `leakshield <command> …` and resolves to the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [first] = argv;
  if (first === undefined) {
    io.stderr.write(usage());
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h') {
    io.stdout.write(usage());
    return EXIT_CLEAN;
  }
  if (first === '--version' || first === '-V') {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT_CLEAN;
  }
  const helpFor = first === 'help';
  const found = findCommand(helpFor ? argv.slice(1) : argv);
  if (helpFor && argv.length === 1) {
    io.stdout.write(usage());
    return EXIT_CLEAN;
  }
  if (!found) {
    io.stderr.write(`leakshield: ${unknownCommand(helpFor ? argv.slice(1) : argv)}\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    const command = await found.entry.load();
    return await command.run(helpFor ? ['--help'] : found.rest, io);
  } catch (error) {
    // The message of an unexpected error, never its stack: a stack can quote the input that caused it.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`leakshield ${found.entry.name}: internal error: ${message}\n`);
    return EXIT_USAGE;
  }
}
