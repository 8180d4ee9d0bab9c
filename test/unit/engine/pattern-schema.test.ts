import { parsePatternList } from '../../../worker/dlp/pattern-schema';

const valid = { id: 'acme-id', name: 'ACME id', regex: 'ACME-\\d{6}', severity: 'HIGH', action: 'ALERT' };

describe('a list of custom patterns from outside', () => {
  it('is accepted as an array or as {"patterns": [...]}', () => {
    expect(parsePatternList([valid]).errors).toEqual([]);
    expect(parsePatternList({ patterns: [valid] }).patterns).toHaveLength(1);
  });

  it('names the pattern and the field of every problem at once', () => {
    const { errors } = parsePatternList([
      { ...valid, severity: 'SEVERE' },
      { ...valid, id: 'look', regex: '(?<=x)y' },
      { ...valid, id: 'grp', secretGroup: 'token' },
      { ...valid, id: 'allow', allowlist: { regexes: ['ok', '(a)\\1'] } },
      { ...valid, id: 'typo', severty: 'LOW' },
    ]);
    expect(errors.map((e) => `${e.pattern}:${e.field}`)).toEqual([
      'acme-id:severity',
      'look:regex',
      'grp:secretGroup',
      'allow:allowlist.regexes.1',
      'typo:(pattern)',
    ]);
    expect(errors[1]?.message).toMatch(/lookbehind/);
    expect(errors[4]?.message).toMatch(/severty/);
  });

  it('refuses duplicate ids and a file that is not a list', () => {
    expect(parsePatternList([valid, valid]).errors[0]).toMatchObject({ pattern: 'acme-id', field: 'id' });
    expect(parsePatternList({ nope: 1 }).errors[0]?.field).toBe('(root)');
  });
});
