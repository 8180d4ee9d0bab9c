import { strToU8, zipSync } from 'fflate';
import { luhnValidCard, randomToken, spaced, TEST_PATTERNS, Workspace } from './cli-harness';
import { sarifValidator } from './sarif-schema';

interface JsonReport {
  findings: { path: string; line: number | null; column: number | null; detector: string; match: string }[];
  errors: { path: string; message: string }[];
  stats: { files: number; bytes: number; ms: number };
}

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
  ws.write('patterns.json', JSON.stringify(TEST_PATTERNS));
});
afterEach(() => ws.remove());

function scan(format: 'json' | 'sarif', args: readonly string[]): { status: number | null; stdout: string } {
  const run = ws.run(['scan', '--format', format, '--patterns', 'patterns.json', ...args]);
  return { status: run.status, stdout: run.stdout };
}

function ours(report: JsonReport): JsonReport['findings'] {
  return report.findings.filter((f) => f.detector.startsWith('test-'));
}

describe('a zip archive with a card number inside', () => {
  const card = spaced(luhnValidCard());
  const masked = `${card.slice(0, 4)} **** **** ${card.slice(-4)}`;
  const zip = (): Buffer => Buffer.from(zipSync({ 'inner/creds.txt': strToU8(`x\ncard: ${card}\n`) }));

  it('is reported as outer.zip!inner/path, with the line in the entry, and counts as one file', () => {
    ws.write('out/bundle.zip', zip());

    const { status, stdout } = scan('json', ['out']);
    const report = JSON.parse(stdout) as JsonReport;

    expect(status).toBe(1);
    expect(ours(report)).toEqual([
      expect.objectContaining({ path: 'out/bundle.zip!inner/creds.txt', line: 2, column: 7, match: masked }),
    ]);
    expect(report.stats.files).toBe(1);
    expect(report.stats.bytes).toBe(zip().length);
    expect(stdout).not.toContain(card);
  });

  it('is located in SARIF at the archive file, with the entry as a logical location', () => {
    ws.write('out/bundle.zip', zip());

    const { stdout } = scan('sarif', ['out']);
    const log = JSON.parse(stdout) as {
      runs: { results: { ruleId: string; message: { text: string }; locations: unknown[] }[] }[];
    };
    const results = log.runs[0]!.results.filter((r) => r.ruleId.startsWith('test-'));

    expect(sarifValidator()(log)).toEqual([]);
    expect(results).toEqual([
      expect.objectContaining({
        message: { text: masked },
        locations: [
          {
            physicalLocation: { artifactLocation: { uri: 'out/bundle.zip' } },
            logicalLocations: [
              {
                name: 'inner/creds.txt',
                fullyQualifiedName: 'out/bundle.zip!inner/creds.txt',
                kind: 'member',
              },
            ],
          },
        ],
      }),
    ]);
    expect(stdout).not.toContain(card);
  });
});

describe('a corrupt zip archive', () => {
  it('becomes an entry in errors and the run goes on', () => {
    const token = randomToken();
    const zip = Buffer.from(
      zipSync({ 'a.txt': strToU8('some text that is long enough to matter\n'.repeat(20)) }),
    );
    // Keep the local header's signature, break everything after it.
    ws.write('broken.zip', Buffer.concat([zip.subarray(0, 30), Buffer.alloc(200, 0xee)]));
    ws.write('fine.txt', `${token}\n`);

    const { status, stdout } = scan('json', ['broken.zip', 'fine.txt']);
    const report = JSON.parse(stdout) as JsonReport;

    expect(status).toBe(1);
    expect(report.errors).toEqual([
      { path: expect.stringMatching(/^broken\.zip/), message: expect.any(String) },
    ]);
    expect(ours(report).map((f) => f.path)).toEqual(['fine.txt']);
  });
});
