import { collect, minimalPdf, sourceOf, textOf, zip } from './build-files';

describe('a PDF with text on two pages', () => {
  it('is extracted page by page without line numbers', async () => {
    const parts = await collect(
      sourceOf('docs/report.pdf', minimalPdf([['Hello world', 'IBAN GB82 WEST'], ['page two']])),
    );
    expect(parts).toEqual([expect.objectContaining({ kind: 'text', format: 'pdf', hasLines: false })]);
    expect(textOf(parts, 'docs/report.pdf')).toBe('Hello world\nIBAN GB82 WEST\n\npage two');
  });

  it('is found by its content under any name, and inside a zip', async () => {
    const parts = await collect(
      sourceOf('scan.zip', zip({ 'statement.bin': minimalPdf([['account 12345678']]) })),
    );
    expect(parts).toEqual([
      expect.objectContaining({ kind: 'text', path: 'scan.zip!statement.bin', format: 'pdf' }),
    ]);
    expect(textOf(parts, 'scan.zip!statement.bin')).toBe('account 12345678');
  });
});

describe('a broken PDF', () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeEach(() => {
    rejections.length = 0;
    process.on('unhandledRejection', onRejection);
  });
  afterEach(() => {
    process.off('unhandledRejection', onRejection);
  });

  it('with garbage after its header is an error part, and no promise is left rejected', async () => {
    const parts = await collect(sourceOf('bad.pdf', '%PDF-1.7\n1 0 obj <<< garbage >>\n'));
    expect(parts).toEqual([
      {
        kind: 'error',
        path: 'bad.pdf',
        message: expect.stringMatching(/^(corrupt or invalid|unreadable) PDF: /),
      },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections).toEqual([]);
  });

  it('cut off halfway is an error part or the text that survived, never a crash', async () => {
    const whole = minimalPdf([['first page text'], ['second page text']]);
    const parts = await collect(sourceOf('cut.pdf', whole.subarray(0, Math.floor(whole.length / 2))));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.every((p) => p.kind === 'error' || (p.kind === 'text' && p.format === 'pdf'))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections).toEqual([]);
  });

  it('in a zip beside a good file leaves the good file readable', async () => {
    const parts = await collect(sourceOf('mixed.zip', zip({ 'a.pdf': '%PDF-1.4\n%%EOF', 'b.txt': 'fine' })));
    expect(parts[0]).toEqual(expect.objectContaining({ kind: 'error', path: 'mixed.zip!a.pdf' }));
    expect(textOf(parts, 'mixed.zip!b.txt')).toBe('fine');
  });
});

describe('a password-protected PDF', () => {
  it('is an error part that says it is encrypted', async () => {
    // A standard security handler whose user password is not empty: pdf.js asks for a password.
    const plain = Buffer.from(minimalPdf([['secret']])).toString('latin1');
    const hash = 'ab'.repeat(32);
    const xref = plain.indexOf('xref\n');
    const encrypt = `99 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <${hash}> /U <${hash}> /P -4 >>\nendobj\n`;
    const locked = (plain.slice(0, xref) + encrypt + plain.slice(xref)).replace(
      '/Root 1 0 R >>',
      `/Root 1 0 R /Encrypt 99 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] >>`,
    );
    expect(await collect(sourceOf('locked.pdf', Buffer.from(locked, 'latin1')))).toEqual([
      {
        kind: 'error',
        path: 'locked.pdf',
        message: 'encrypted PDF (password required): its text cannot be scanned',
      },
    ]);
  });
});

describe('a PDF over the limits', () => {
  it('larger than maxFileBytes is refused with the limit named', async () => {
    const pdf = minimalPdf([['x']]);
    const parts = await collect({ ...sourceOf('big.pdf', pdf), size: undefined }, { maxFileBytes: 100 });
    expect(parts).toEqual([
      { kind: 'error', path: 'big.pdf', message: 'file is over maxFileBytes (100); not read' },
    ]);
  });

  it('past its time budget is an error naming timeBudgetMs', async () => {
    const parts = await collect(sourceOf('slow.pdf', minimalPdf([['x']])), { timeBudgetMs: 0 });
    expect(parts).toEqual([
      { kind: 'error', path: 'slow.pdf', message: expect.stringMatching(/^over timeBudgetMs \(0\)/) },
    ]);
  });
});
