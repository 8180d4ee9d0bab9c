import { symlinkSync } from 'node:fs';
import { luhnValidCard, randomToken, spaced, TEST_PATTERNS, Workspace } from './cli-harness';

interface JsonFinding {
  path: string;
  line: number | null;
  column: number | null;
  detector: string;
  name: string;
  severity: string;
  match: string;
}
interface JsonReport {
  findings: JsonFinding[];
  errors: { path: string; message: string }[];
  stats: { files: number; bytes: number; ms: number };
}

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
  ws.write('patterns.json', JSON.stringify(TEST_PATTERNS));
});
afterEach(() => ws.remove());

function scanJson(
  args: readonly string[],
  input?: string,
): { status: number | null; report: JsonReport; stderr: string; stdout: string } {
  const run = ws.run(['scan', '--format', 'json', '--patterns', 'patterns.json', ...args], input);
  return {
    status: run.status,
    report: JSON.parse(run.stdout) as JsonReport,
    stderr: run.stderr,
    stdout: run.stdout,
  };
}

/** Findings of the test patterns only, so built-in detectors landing later do not change these tests. */
function ours(report: JsonReport): JsonFinding[] {
  return report.findings.filter((f) => f.detector.startsWith('test-'));
}

describe('a file with a card number, scanned as JSON', () => {
  it('is reported with its place, the pattern, and the middle digits masked, and exits 1', () => {
    const card = spaced(luhnValidCard());
    ws.write('notes/payment.txt', `hello\nplease charge ${card} today\n`);

    const { status, report, stdout, stderr } = scanJson(['notes/payment.txt']);

    expect(status).toBe(1);
    expect(Object.keys(report)).toEqual(['findings', 'errors', 'stats']);
    expect(ours(report)).toEqual([
      {
        path: 'notes/payment.txt',
        line: 2,
        column: 15,
        detector: 'test-card',
        name: 'Test card number',
        severity: 'HIGH',
        match: `${card.slice(0, 4)} **** **** ${card.slice(-4)}`,
      },
    ]);
    for (const finding of report.findings) {
      expect(Object.keys(finding)).toEqual([
        'path',
        'line',
        'column',
        'detector',
        'name',
        'severity',
        'match',
      ]);
    }
    expect(report.errors).toEqual([]);
    expect(Object.keys(report.stats)).toEqual(['files', 'bytes', 'ms']);
    expect(report.stats.files).toBe(1);
    expect(report.stats.bytes).toBe(Buffer.byteLength(`hello\nplease charge ${card} today\n`));
    expect(Number.isInteger(report.stats.ms) && report.stats.ms >= 0).toBe(true);
    expect(stdout).not.toContain(card);
    expect(stdout).not.toContain(card.replace(/ /g, ''));
    expect(stderr).not.toContain(card);
  });
});

describe('a file with nothing sensitive', () => {
  it('gives an empty report and exits 0', () => {
    ws.write('readme.md', '# Hello\nNothing to see here: 1234 is not a card.\n');

    const { status, report } = scanJson(['readme.md']);

    expect(status).toBe(0);
    expect(ours(report)).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.stats.files).toBe(1);
  });
});

describe('text on standard input (PATH -)', () => {
  it('is scanned and reported as <stdin>', () => {
    const token = randomToken();

    const { status, report, stdout } = scanJson(['-'], `first line\nthe token is ${token}\n`);

    expect(status).toBe(1);
    expect(ours(report)).toEqual([
      expect.objectContaining({
        path: '<stdin>',
        line: 2,
        column: 14,
        detector: 'test-token',
        severity: 'LOW',
      }),
    ]);
    expect(ours(report)[0]?.match).not.toBe(token);
    expect(ours(report)[0]?.match.startsWith('tok_')).toBe(true);
    expect(stdout).not.toContain(token);
    expect(report.stats.files).toBe(1);
  });
});

describe('a directory', () => {
  it('is walked recursively, skipping .git, node_modules and what --exclude names', () => {
    const token = randomToken();
    ws.write('repo/src/config.ts', `export const key = '${token}';\n`);
    ws.write('repo/src/app.log', `${token}\n`);
    ws.write('repo/vendor/lib/x.txt', `${token}\n`);
    ws.write('repo/node_modules/pkg/index.js', `${token}\n`);
    ws.write('repo/.git/config', `${token}\n`);
    ws.write('repo/docs/clean.md', 'nothing here\n');

    const { status, report } = scanJson(['--exclude', '*.log', '--exclude', 'vendor/', 'repo']);

    expect(status).toBe(1);
    expect(ours(report).map((f) => f.path)).toEqual(['repo/src/config.ts']);
    expect(report.stats.files).toBe(2);
  });

  it('excludes a path given relative to the working directory too', () => {
    const token = randomToken();
    ws.write('repo/src/generated/big.ts', `${token}\n`);
    ws.write('repo/src/main.ts', `${token}\n`);

    const { report } = scanJson(['--exclude', 'repo/src/generated/', 'repo']);

    expect(ours(report).map((f) => f.path)).toEqual(['repo/src/main.ts']);
  });
});

describe('a file that cannot be read', () => {
  it('becomes an entry in errors and the run goes on', () => {
    const token = randomToken();
    ws.write('dir/a-good.txt', `${token}\n`);
    symlinkSync(ws.path('dir/does-not-exist.txt'), ws.path('dir/broken-link.txt'));

    const { status, report } = scanJson(['dir', 'missing/file.txt', 'dir/a-good.txt/inside']);

    expect(status).toBe(1);
    expect(ours(report).map((f) => f.path)).toEqual(['dir/a-good.txt']);
    expect(report.errors).toEqual([
      { path: 'dir/broken-link.txt', message: expect.stringContaining('broken symbolic link') },
      { path: 'missing/file.txt', message: 'no such file or directory' },
      { path: 'dir/a-good.txt/inside', message: 'a part of the path is not a directory' },
    ]);
    expect(report.stats.files).toBe(1);
  });

  it('leaves the exit code at 0 when nothing was found', () => {
    const { status, report } = scanJson(['missing.txt']);

    expect(status).toBe(0);
    expect(report.errors).toHaveLength(1);
  });
});

describe('--min-severity', () => {
  it('drops findings below the given severity', () => {
    const card = spaced(luhnValidCard());
    ws.write('mixed.txt', `${randomToken()}\n${card}\n`);

    const all = scanJson(['mixed.txt']).report;
    const high = scanJson(['--min-severity', 'high', 'mixed.txt']).report;

    expect(ours(all).map((f) => f.detector)).toEqual(['test-token', 'test-card']);
    expect(ours(high).map((f) => f.detector)).toEqual(['test-card']);
    expect(high.findings.every((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL')).toBe(true);
  });
});
