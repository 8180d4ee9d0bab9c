import { gzipSync } from 'fflate';
import { collect, sourceOf, tar, textOf, zip } from './build-files';

describe('a tar archive', () => {
  const longName = `deep/${'nested/'.repeat(20)}config.env`;
  const archive = tar({
    'logs/': '',
    'logs/app.log': 'user=alice token=abc\n',
    'bin/tool': Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(20_000)]),
    [longName]: 'DB_PASSWORD=hunter2\n',
    'inner.zip': zip({ 'z.txt': 'zipped in a tar' }),
  });

  it('gives each file as a part named archive!path, long names included', async () => {
    const parts = await collect(sourceOf('bundle.tar', archive, 1000));
    expect(parts.map((p) => [p.kind, p.path])).toEqual([
      ['text', 'bundle.tar!logs/app.log'],
      ['skipped', 'bundle.tar!bin/tool'],
      ['text', `bundle.tar!${longName}`],
      ['text', 'bundle.tar!inner.zip!z.txt'],
    ]);
    expect(textOf(parts, `bundle.tar!${longName}`)).toBe('DB_PASSWORD=hunter2\n');
  });

  it('compressed with gzip is read through both layers as it streams', async () => {
    const parts = await collect(sourceOf('bundle.tar.gz', gzipSync(archive), 333));
    expect(textOf(parts, 'bundle.tar.gz!bundle.tar!logs/app.log')).toBe('user=alice token=abc\n');
    expect(textOf(parts, 'bundle.tar.gz!bundle.tar!inner.zip!z.txt')).toBe('zipped in a tar');
  });

  it('of unknown size is read up to maxFileBytes, then stopped with the limit named', async () => {
    const whole = tar({ 'small.txt': 'ok', 'big.txt': 'x'.repeat(5000) });
    const parts = await collect({ ...sourceOf('b.tar', whole), size: undefined }, { maxFileBytes: 4096 });
    expect(parts.map((p) => [p.kind, p.path])).toEqual([
      ['text', 'b.tar!small.txt'],
      ['text', 'b.tar!big.txt'],
      ['error', 'b.tar!big.txt'],
    ]);
    expect(parts).toContainEqual({
      kind: 'error',
      path: 'b.tar!big.txt',
      message: 'over maxFileBytes (4096): only the first 4096 bytes were read and scanned',
    });
  });

  it('with more files than maxEntries stops with the limit named', async () => {
    const parts = await collect(sourceOf('m.tar', tar({ 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' })), {
      maxEntries: 2,
    });
    expect(parts.at(-1)).toEqual({
      kind: 'error',
      path: 'm.tar',
      message: 'archive holds more than maxEntries (2) entries; only the first 2 were read',
    });
    expect(parts.filter((p) => p.kind === 'text')).toHaveLength(2);
  });

  it('cut off inside an entry keeps what was read and says it is truncated', async () => {
    const whole = tar({ 'a.txt': 'first\n', 'b.txt': 'y'.repeat(3000) });
    const parts = await collect(sourceOf('cut.tar', whole.subarray(0, 512 * 4)));
    expect(textOf(parts, 'cut.tar!a.txt')).toBe('first\n');
    expect(parts).toContainEqual({
      kind: 'error',
      path: 'cut.tar!b.txt',
      message: 'truncated tar: the archive ends inside an entry',
    });
  });

  it('with a damaged header is an error part', async () => {
    const damaged = tar({ 'a.txt': 'a' });
    damaged.write('X', 0);
    expect(await collect(sourceOf('bad.tar', damaged))).toEqual([
      { kind: 'error', path: 'bad.tar', message: 'corrupt tar: a header fails its checksum' },
    ]);
  });
});
