import { symlinkSync } from 'node:fs';
import { luhnValidCard, randomToken, spaced, TEST_PATTERNS, Workspace } from './cli-harness';
import { sarifValidator } from './sarif-schema';

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region?: { startLine: number; startColumn?: number };
    };
    logicalLocations?: { fullyQualifiedName: string }[];
  }[];
}
interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      rules: {
        id: string;
        name: string;
        shortDescription: { text: string };
        properties: { severity: string };
      }[];
    };
  };
  results: SarifResult[];
  invocations: { toolExecutionNotifications: { message: { text: string } }[] }[];
}
interface SarifLog {
  version: string;
  runs: SarifRun[];
}

const validate = sarifValidator();
let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
  ws.write('patterns.json', JSON.stringify(TEST_PATTERNS));
});
afterEach(() => ws.remove());

function scanSarif(args: readonly string[]): { status: number | null; log: SarifLog; stdout: string } {
  const run = ws.run(['scan', '--format', 'sarif', '--patterns', 'patterns.json', ...args]);
  return { status: run.status, log: JSON.parse(run.stdout) as SarifLog, stdout: run.stdout };
}

describe('SARIF output of a scan with findings and errors', () => {
  const card = spaced(luhnValidCard());
  const token = randomToken();

  function scanned(): { status: number | null; log: SarifLog; stdout: string } {
    ws.write('src/My Config.ts', `const a = 1;\nconst key = '${token}';\n`);
    ws.write('data/cards.txt', `card ${card}\n`);
    symlinkSync(ws.path('nowhere'), ws.path('data/dangling.txt'));
    return scanSarif(['data', 'src']);
  }

  it('validates against the SARIF 2.1.0 schema', () => {
    const { status, log } = scanned();

    expect(status).toBe(1);
    expect(validate(log)).toEqual([]);
  });

  it('has one run by LeakShield with one rule per detector used, and levels by severity', () => {
    const { log } = scanned();

    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('LeakShield');
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    const rules = run.tool.driver.rules.filter((r) => r.id.startsWith('test-'));
    expect(rules).toEqual([
      expect.objectContaining({
        id: 'test-card',
        name: 'Test card number',
        shortDescription: { text: 'Test card number' },
        properties: expect.objectContaining({ severity: 'HIGH' }),
      }),
      expect.objectContaining({ id: 'test-token', properties: expect.objectContaining({ severity: 'LOW' }) }),
    ]);
    const levels = new Map(run.results.map((r) => [r.ruleId, r.level]));
    expect(levels.get('test-card')).toBe('error');
    expect(levels.get('test-token')).toBe('note');
  });

  it('locates results by relative URI and region', () => {
    const { log } = scanned();
    const ours = log.runs[0]!.results.filter((r) => r.ruleId.startsWith('test-'));

    expect(ours.map((r) => r.locations[0])).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'data/cards.txt' },
          region: { startLine: 1, startColumn: 6 },
        },
      },
      {
        physicalLocation: {
          artifactLocation: { uri: 'src/My%20Config.ts' },
          region: { startLine: 2, startColumn: 14 },
        },
      },
    ]);
  });

  it('says only the masked match in a result message, never the secret', () => {
    const { log, stdout } = scanned();
    const ours = log.runs[0]!.results.filter((r) => r.ruleId.startsWith('test-'));

    expect(ours.map((r) => r.message.text)).toEqual([
      `${card.slice(0, 4)} **** **** ${card.slice(-4)}`,
      expect.stringMatching(/^tok_/),
    ]);
    expect(stdout).not.toContain(card);
    expect(stdout).not.toContain(token);
  });

  it('lists files that could not be read as tool notifications', () => {
    const { log } = scanned();

    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications).toEqual([
      expect.objectContaining({ message: { text: expect.stringContaining('data/dangling.txt') } }),
    ]);
  });
});

describe('SARIF output of a clean scan', () => {
  it('is valid with no results and no rules', () => {
    ws.write('clean.txt', 'nothing\n');

    const { status, log } = scanSarif(['clean.txt']);

    expect(status).toBe(0);
    expect(validate(log)).toEqual([]);
    expect(log.runs[0]!.results.filter((r) => r.ruleId.startsWith('test-'))).toEqual([]);
  });
});
