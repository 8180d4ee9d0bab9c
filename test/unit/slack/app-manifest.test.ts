import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The items of a YAML block list under `key:` (the manifest is plain enough not to need a YAML parser). */
function listUnder(text: string, key: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim() === `${key}:`);
  if (start < 0) return [];
  const indent = lines[start]!.search(/\S/);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (line.search(/\S/) <= indent && !line.trim().startsWith('- ')) break;
    const item = /^\s*- (\S+)/.exec(line);
    if (item) items.push(item[1]!);
  }
  return items;
}

describe('the Slack app manifest', () => {
  const manifest = readFileSync(join(__dirname, '../../../slack-app-manifest.yml'), 'utf8');

  it('subscribes to exactly the events the listeners handle', () => {
    expect(listUnder(manifest, 'bot_events').sort()).toEqual([
      'file_shared',
      'message.channels',
      'message.groups',
      'message.im',
      'message.mpim',
    ]);
  });

  it('asks for exactly the scopes the worker’s Slack calls need', () => {
    expect(listUnder(manifest, 'bot').sort()).toEqual([
      'channels:history',
      'chat:write',
      'files:read',
      'groups:history',
      'im:history',
      'im:write',
      'mpim:history',
    ]);
    expect(listUnder(manifest, 'user').sort()).toEqual(['chat:write', 'files:write']);
  });
});
