import { DlpEngine } from '../../../worker/dlp/engine';
import type { PatternDefinition } from '../../../worker/dlp/types';

const pattern = (id: string, regex: string, extra: Partial<PatternDefinition> = {}): PatternDefinition => ({
  id,
  name: id,
  regex,
  severity: 'MEDIUM',
  action: 'ALERT',
  ...extra,
});

describe('the DLP engine as a content scanner', () => {
  it('applies a pattern scoped to channels only in those channels', async () => {
    const engine = new DlpEngine([
      pattern('legal-only', '\\bPROJECT-ORION\\b', { channelScope: { include: ['C-LEGAL'] } }),
      pattern('not-in-random', '\\bPROJECT-VEGA\\b', { channelScope: { exclude: ['C-RANDOM'] } }),
    ]);
    const ids = async (channelId: string): Promise<string[]> =>
      (await engine.scan('about PROJECT-ORION and PROJECT-VEGA', { source: 'MESSAGE', channelId })).map(
        (f) => f.patternId,
      );
    expect(await ids('C-LEGAL')).toEqual(['legal-only', 'not-in-random']);
    expect(await ids('C-OTHER')).toEqual(['not-in-random']);
    expect(await ids('C-RANDOM')).toEqual([]);
  });

  it('reports a value matched by several patterns once, by the strictest and most specific', async () => {
    const engine = new DlpEngine([
      pattern('generic', 'key=\\w+', { category: 'generic', action: 'BLOCK', severity: 'HIGH' }),
      pattern('vendor', 'key=acme_\\w+', { action: 'BLOCK', severity: 'HIGH' }),
      pattern('lenient', 'acme_\\w+', { action: 'LOG', severity: 'LOW' }),
    ]);
    const findings = await engine.scan('use key=acme_12345 now', { source: 'MESSAGE' });
    expect(findings.map((f) => f.patternId)).toEqual(['vendor']);
  });

  it("keeps the admin's own pattern over a built-in detector that is just as strict", async () => {
    const engine = new DlpEngine([
      pattern('builtin-card', '\\b\\d{16}\\b', { builtin: true, action: 'BLOCK', severity: 'HIGH' }),
      pattern('acme-card', '\\b\\d{16}\\b', { action: 'BLOCK', severity: 'HIGH' }),
      pattern('builtin-strict', '\\b\\d{8}\\b', { builtin: true, action: 'BLOCK', severity: 'CRITICAL' }),
      pattern('acme-lenient', '\\b\\d{8}\\b', { action: 'BLOCK', severity: 'HIGH' }),
    ]);
    const findings = await engine.scan('card 4111111111111111, badge 12345678', { source: 'MESSAGE' });
    expect(findings.map((f) => f.patternId)).toEqual(['acme-card', 'builtin-strict']);
  });

  it('does not take a context word glued inside another word', async () => {
    const engine = new DlpEngine([
      pattern('routing', '\\b\\d{9}\\b', { context: { words: ['rtn'], window: 20, required: true } }),
    ]);
    expect(await engine.scan('partner 123456789', { source: 'MESSAGE' })).toEqual([]);
    expect(await engine.scan('RTN 123456789', { source: 'MESSAGE' })).toHaveLength(1);
  });
});
