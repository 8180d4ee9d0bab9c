import { Writable } from 'node:stream';
import { ProgressLine } from '../../../bin/scan/progress';

/** A stand-in for stderr that records what was written, as a terminal or not. */
function fakeStderr(
  isTTY: boolean,
  columns = 80,
): Writable & { isTTY: boolean; columns: number; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return Object.assign(stream, { isTTY, columns, text: () => chunks.join('') });
}

describe('the progress line of a long scan', () => {
  it('stays silent for a short run, then redraws one line in place with \\r', () => {
    let clock = 0;
    const stderr = fakeStderr(true);
    const progress = new ProgressLine(stderr, () => clock, { delayMs: 1000, intervalMs: 100 });

    clock = 500;
    progress.update({ files: 1, bytes: 10, path: 'a.txt' });
    expect(stderr.text()).toBe('');

    clock = 1000;
    progress.update({ files: 3, bytes: 2048, path: 'src/b.txt' });
    clock = 1050;
    progress.update({ files: 4, bytes: 4096, path: 'src/c.txt' });
    clock = 1100;
    progress.update({ files: 5, bytes: 8192, path: 'src/d.txt' });
    progress.clear();

    expect(stderr.text()).toBe(
      '\rscanning: 3 files, 2.0 KB  src/b.txt\x1b[K' +
        '\rscanning: 5 files, 8.0 KB  src/d.txt\x1b[K' +
        '\r\x1b[K',
    );
  });

  it('writes nothing at all when stderr is not a terminal', () => {
    let clock = 0;
    const stderr = fakeStderr(false);
    const progress = new ProgressLine(stderr, () => clock);

    clock = 60_000;
    progress.update({ files: 100, bytes: 1e9, path: 'big.bin' });
    progress.clear();

    expect(stderr.text()).toBe('');
  });

  it('shortens a long path from the left to fit the terminal, and escapes control characters', () => {
    const stderr = fakeStderr(true, 40);
    const progress = new ProgressLine(stderr, () => 5000, { delayMs: 0 });

    progress.update({ files: 1, bytes: 1, path: `deep/${'x'.repeat(60)}/evil\x1b[31m.txt` });

    const line = stderr
      .text()
      .replace(/^\r/, '')
      .replace(/\x1b\[K$/, '');
    expect(line.length).toBeLessThanOrEqual(39);
    expect(line).toMatch(/^scanning: 1 file, 1 B {2}…x+\/evil\?\[31m\.txt$/);
  });

  it('treats a terminal that reports 0 columns as 80 wide', () => {
    const stderr = fakeStderr(true, 0);
    const progress = new ProgressLine(stderr, () => 5000, { delayMs: 0 });

    progress.update({ files: 2, bytes: 3, path: 'src/app.ts' });

    expect(stderr.text()).toBe('\rscanning: 2 files, 3 B  src/app.ts\x1b[K');
  });
});
