import { TEST_PATTERNS, Workspace } from './cli-harness';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
  ws.write('clean.txt', 'nothing\n');
});
afterEach(() => ws.remove());

describe('a --patterns file with invalid patterns', () => {
  it('exits 2 before scanning and names each pattern and field at fault', () => {
    ws.write(
      'patterns.json',
      JSON.stringify({
        patterns: [
          ...TEST_PATTERNS,
          { id: 'backref', name: 'Uses a backreference', regex: '(a)\\1', severity: 'LOW', action: 'LOG' },
          { id: 'no-severity', name: 'Forgot the severity', regex: 'abc', action: 'LOG' },
        ],
      }),
    );

    const run = ws.run(['scan', '--format', 'json', '--patterns', 'patterns.json', 'clean.txt']);

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--patterns file patterns.json has 2 problems');
    expect(run.stderr).toMatch(/pattern "backref", field "regex": .+/);
    expect(run.stderr).toMatch(/pattern "no-severity", field "severity": .+/);
  });

  it('exits 2 when the file is not JSON', () => {
    ws.write('patterns.json', '[{ "id": ');

    const run = ws.run(['scan', '--patterns', 'patterns.json', 'clean.txt']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--patterns file patterns.json is not valid JSON');
  });

  it('exits 2 when the file cannot be read', () => {
    const run = ws.run(['scan', '--patterns', 'nowhere.json', 'clean.txt']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('cannot read --patterns file nowhere.json: no such file or directory');
  });

  it('exits 2 when the JSON is neither an array nor {"patterns": [...]}', () => {
    ws.write('patterns.json', '{"rules": []}');

    const run = ws.run(['scan', '--patterns', 'patterns.json', 'clean.txt']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('field "(root)"');
  });
});

describe('a --patterns file given as a bare array', () => {
  it('is accepted', () => {
    ws.write('patterns.json', JSON.stringify(TEST_PATTERNS));

    const run = ws.run(['scan', '--patterns', 'patterns.json', 'clean.txt']);

    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
