import { DlpEngine } from '../../../worker/dlp/engine';
import type { PatternDefinition } from '../../../worker/dlp/types';

const codename: PatternDefinition = {
  id: 'codename',
  name: 'Project codename',
  regex: '\\bPROJECT-ORION\\b',
  severity: 'MEDIUM',
  action: 'ALERT',
};

describe('the DLP engine as a content scanner', () => {
  it('applies a pattern scoped to channels only in those channels', async () => {
    const engine = new DlpEngine([
      { ...codename, channelScope: { include: ['C-LEGAL'] } },
      { ...codename, id: 'everywhere-but-random', channelScope: { exclude: ['C-RANDOM'] } },
    ]);
    const ids = async (channelId: string): Promise<string[]> =>
      (await engine.scan('about PROJECT-ORION', { source: 'MESSAGE', channelId })).map((f) => f.patternId);
    expect(await ids('C-LEGAL')).toEqual(['codename', 'everywhere-but-random']);
    expect(await ids('C-OTHER')).toEqual(['everywhere-but-random']);
    expect(await ids('C-RANDOM')).toEqual([]);
  });
});
