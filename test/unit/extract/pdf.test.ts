import { collect, minimalPdf, sourceOf, textOf } from './build-files';

describe('a PDF with text on two pages', () => {
  it('is extracted page by page without line numbers', async () => {
    const parts = await collect(
      sourceOf('docs/report.pdf', minimalPdf([['Hello world', 'IBAN GB82 WEST'], ['page two']])),
    );
    expect(parts).toEqual([expect.objectContaining({ kind: 'text', format: 'pdf', hasLines: false })]);
    expect(textOf(parts, 'docs/report.pdf')).toBe('Hello world\nIBAN GB82 WEST\n\npage two');
  });
});
