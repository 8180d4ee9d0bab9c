import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
const binary = path.join(repoRoot, 'bin', 'leakshield');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `leakshield` binary (the compiled CLI: `npm run build` first, which `npm test` does). */
export function runCli(args: readonly string[], options: { cwd: string; input?: string | Buffer }): CliRun {
  if (!existsSync(path.join(repoRoot, 'dist', 'bin', 'leakshield.js'))) {
    throw new Error('dist/bin/leakshield.js is missing: run `npm run build` before these tests');
  }
  const result = spawnSync(process.execPath, [binary, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch directory laid out from a map of relative path → content. */
export class Workspace {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(path.join(tmpdir(), 'leakshield-cli-'));
  }

  write(relative: string, content: string | Buffer): string {
    const file = path.join(this.dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  path(relative: string): string {
    return path.join(this.dir, relative);
  }

  run(args: readonly string[], input?: string | Buffer): CliRun {
    return runCli(args, { cwd: this.dir, ...(input === undefined ? {} : { input }) });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A random card number that passes the Luhn check, made at run time so no real-looking secret is committed. */
export function luhnValidCard(prefix = '4'): string {
  const digits = prefix.split('').map(Number);
  while (digits.length < 15) digits.push(Math.floor(Math.random() * 10));
  let sum = 0;
  // Walking from the right of the 15 digits, every first digit will sit in a doubled position once the check
  // digit is appended.
  for (let i = digits.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let d = digits[i] ?? 0;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  digits.push((10 - (sum % 10)) % 10);
  return digits.join('');
}

/** Groups of four, as people write card numbers. */
export function spaced(card: string): string {
  return card.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** A random token for the custom token pattern below. */
export function randomToken(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let token = 'tok_';
  for (let i = 0; i < 24; i += 1) token += alphabet[Math.floor(Math.random() * alphabet.length)];
  return token;
}

/** Custom patterns for a `--patterns` file, so these tests do not depend on the built-in detector library. */
export const TEST_PATTERNS = [
  {
    id: 'test-card',
    name: 'Test card number',
    description: 'A 16-digit card number that passes the Luhn check.',
    regex: '\\b\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{4}\\b',
    validator: 'luhn',
    mask: 'card',
    severity: 'HIGH',
    action: 'BLOCK',
  },
  {
    id: 'test-token',
    name: 'Test API token',
    regex: '\\btok_[A-Za-z0-9]{24}\\b',
    mask: 'token',
    keepPrefix: 4,
    severity: 'LOW',
    action: 'LOG',
  },
];
