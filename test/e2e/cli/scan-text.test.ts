import { randomBytes } from 'node:crypto';
import { symlinkSync } from 'node:fs';
import { luhnValidCard, randomToken, spaced, TEST_PATTERNS, Workspace } from './cli-harness';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
  ws.write('patterns.json', JSON.stringify(TEST_PATTERNS));
});
afterEach(() => ws.remove());

describe('the text output', () => {
  it('prints one line per finding, then a summary, and errors on stderr', () => {
    const card = spaced(luhnValidCard());
    const token = randomToken();
    ws.write('app/settings.env', `TOKEN=${token}\nCARD=${card}\n`);
    symlinkSync(ws.path('gone'), ws.path('app/link.txt'));

    const run = ws.run(['scan', '--patterns', 'patterns.json', 'app']);

    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const masked = `${card.slice(0, 4)} **** **** ${card.slice(-4)}`;
    expect(lines).toContain(`app/settings.env:2:6  HIGH  Test card number  ${masked}`);
    expect(lines.some((l) => /^app\/settings\.env:1:7 {2}LOW {2}Test API token {2}tok_\S+$/.test(l))).toBe(
      true,
    );
    // Built-in detectors may add findings of their own: the counts are checked, not their exact values.
    const summary = lines[lines.length - 1] ?? '';
    expect(summary).toMatch(
      /^(\d+) findings \((\d+ (CRITICAL|HIGH|MEDIUM|LOW)(, )?)+\) in 1 file, 60 B, \d+ ms\. /,
    );
    expect(summary).toMatch(/ 1 file error \(on stderr\)\.$/);
    const counted = [...summary.matchAll(/(\d+) (?:CRITICAL|HIGH|MEDIUM|LOW)/g)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
    expect(counted).toBe(Number(summary.split(' ')[0]));
    expect(counted).toBe(lines.length - 2);
    expect(run.stderr).toContain('leakshield: cannot scan app/link.txt: broken symbolic link');
    expect(run.stdout + run.stderr).not.toContain(card);
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it('says so when nothing was found, and draws no progress line when stderr is not a terminal', () => {
    ws.write('a.txt', 'plain\n');

    const run = ws.run(['scan', '--patterns', 'patterns.json', 'a.txt']);

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^No findings in 1 file, 6 B, \d+ ms\.\n$/);
    expect(run.stderr).toBe('');
  });

  it('counts content that is not text as skipped, not as an error', () => {
    ws.write('bin/blob.bin', Buffer.concat([Buffer.from([0, 0, 0, 0]), randomBytes(4096)]));

    const run = ws.run(['scan', '--patterns', 'patterns.json', 'bin']);

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^No findings in 1 file, 4\.0 KB, \d+ ms\. 1 skipped \(not text\)\.\n$/);
    expect(run.stderr).toBe('');
  });
});
