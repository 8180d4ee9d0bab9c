import { luhnValidCard, spaced, Workspace } from './cli-harness';

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
});
afterEach(() => ws.remove());

describe('a card number, scanned with the built-in detectors only', () => {
  it('is reported by a card detector with the middle digits masked', () => {
    const card = spaced(luhnValidCard('4'));
    ws.write('support/ticket.txt', `Customer wrote:\nmy card is ${card}, please refund\n`);

    const run = ws.run(['scan', '--format', 'json', 'support']);
    const report = JSON.parse(run.stdout) as {
      findings: {
        path: string;
        line: number;
        column: number;
        detector: string;
        severity: string;
        match: string;
      }[];
    };

    expect(run.status).toBe(1);
    const cards = report.findings.filter((f) => /card/i.test(f.detector));
    expect(cards).toEqual([
      expect.objectContaining({
        path: 'support/ticket.txt',
        line: 2,
        column: 12,
        match: `${card.slice(0, 4)} **** **** ${card.slice(-4)}`,
      }),
    ]);
    expect(cards[0]?.match).not.toBe(card);
    expect(run.stdout + run.stderr).not.toContain(card);
    expect(run.stdout + run.stderr).not.toContain(card.replace(/ /g, ''));
  });
});
