import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Workspace } from './cli-harness';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

describe('the leakshield command', () => {
  it('prints its commands with --help and exits 0', () => {
    const run = ws.run(['--help']);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: leakshield <command>');
    expect(run.stdout).toMatch(/^\s+scan\s+/m);
  });

  it('prints the package version with --version', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
      version: string;
    };

    const run = ws.run(['--version']);

    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it('refuses an unknown command with the usage on stderr and exit 2', () => {
    const run = ws.run(['scna', '.']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'scna'");
    expect(run.stderr).toContain('Usage: leakshield <command>');
    expect(run.stdout).toBe('');
  });

  it('names the subcommands of a group given alone', () => {
    const run = ws.run(['audit']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain("'audit' needs a subcommand: 'audit verify'");
  });

  it('shows the usage and exits 2 when no command is given', () => {
    const run = ws.run([]);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: leakshield <command>');
  });
});

describe('leakshield scan with bad arguments', () => {
  it.each([
    [['scan', '--bogus', '.'], "Unknown option '--bogus'"],
    [['scan', '--format', 'xml', '.'], '--format must be one of text, json, sarif'],
    [['scan', '--min-severity', 'urgent', '.'], '--min-severity must be one of LOW, MEDIUM, HIGH, CRITICAL'],
    [['scan'], 'no PATH given'],
    [['scan', '--format'], "Option '--format <value>' argument missing"],
  ])('%j exits 2 and says why', (args, reason) => {
    const run = ws.run(args);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).toContain('Usage: leakshield scan');
    expect(run.stdout).toBe('');
  });

  it('prints its own help with --help and exits 0', () => {
    const run = ws.run(['scan', '--help']);

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: leakshield scan [options] PATH...');
    expect(run.stdout).toContain('--min-severity');
  });
});
