import { strToU8, zipSync } from 'fflate';
import { collect, docx, odt, pptx, sourceOf, textOf, xlsx, zip } from './build-files';

describe('a Word document', () => {
  it('is one text part with its body, headers and footnotes, runs joined back into words', async () => {
    const file = docx({
      body: ['Employee SSN 123-45-6789', 'Second paragraph'],
      header: ['CONFIDENTIAL'],
      footnote: ['See HR'],
    });
    const parts = await collect(sourceOf('staff.docx', file));
    expect(parts).toEqual([expect.objectContaining({ kind: 'text', format: 'docx', hasLines: false })]);
    expect(textOf(parts, 'staff.docx')).toBe(
      'Employee SSN 123-45-6789\nSecond paragraph\n\nCONFIDENTIAL\n\nSee HR\n\n',
    );
  });

  it('keeps deleted tracked-change text and turns tabs and breaks into whitespace', async () => {
    const body =
      '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>card</w:t><w:tab/><w:t>4111</w:t><w:br/></w:r>' +
      '<w:del><w:r><w:delText>old secret</w:delText></w:r></w:del></w:p></w:body></w:document>';
    const file = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': body });
    expect(textOf(await collect(sourceOf('t.docx', file)), 't.docx')).toBe('card\t4111\nold secret\n\n');
  });

  it('with a broken footer still gives the body, then names the broken part', async () => {
    const file = docx({
      body: ['the body'],
      extra: { 'word/footer1.xml': '<w:ftr xmlns:w="w"><w:p><w:t>x</w:p></w:ftr>' },
    });
    const parts = await collect(sourceOf('r.docx', file));
    expect(textOf(parts, 'r.docx')).toContain('the body');
    expect(parts).toContainEqual({
      kind: 'error',
      path: 'r.docx!word/footer1.xml',
      message: 'not well-formed XML: mismatched end tag (line 1)',
    });
  });

  it('with an embedded spreadsheet gives the spreadsheet as a part of its own', async () => {
    const file = docx({
      body: ['see the attached sheet'],
      extra: { 'word/embeddings/Microsoft_Excel_Sheet1.xlsx': xlsx([[['IBAN', 'GB82WEST12345698765432']]]) },
    });
    const parts = await collect(sourceOf('memo.docx', file));
    expect(parts.map((p) => [p.kind, p.path])).toEqual([
      ['text', 'memo.docx'],
      ['text', 'memo.docx!word/embeddings/Microsoft_Excel_Sheet1.xlsx'],
    ]);
    expect(textOf(parts, 'memo.docx!word/embeddings/Microsoft_Excel_Sheet1.xlsx')).toContain(
      'GB82WEST12345698765432',
    );
  });

  it('inside a zip is read as a document, not as a pile of XML', async () => {
    const parts = await collect(sourceOf('bundle.zip', zip({ 'contract.docx': docx({ body: ['signed'] }) })));
    expect(parts).toEqual([
      expect.objectContaining({ kind: 'text', path: 'bundle.zip!contract.docx', format: 'docx' }),
    ]);
    expect(textOf(parts, 'bundle.zip!contract.docx')).toContain('signed');
  });
});

describe('an Excel workbook', () => {
  it('is its rows as tab-separated cells: shared strings, inline strings and numbers', async () => {
    const file = xlsx([
      [
        ['name', 'card', 'limit'],
        ['alice', { inline: '4111 1111 1111 1111' }, 2500.5],
      ],
      [['second sheet']],
    ]);
    const parts = await collect(sourceOf('cards.xlsx', file));
    expect(parts).toEqual([expect.objectContaining({ kind: 'text', format: 'xlsx', hasLines: false })]);
    expect(textOf(parts, 'cards.xlsx')).toBe(
      'name\tcard\tlimit\t\nalice\t4111 1111 1111 1111\t2500.5\t\n\nsecond sheet\t\n\n',
    );
  });

  it('joins rich-text runs of a shared string and leaves out phonetic hints', async () => {
    const file = zip({
      '[Content_Types].xml': '<Types/>',
      'xl/workbook.xml': '<workbook/>',
      'xl/sharedStrings.xml':
        '<sst><si><r><t>pass</t></r><r><t>word1</t></r><rPh><t>ignored</t></rPh></si></sst>',
      'xl/worksheets/sheet1.xml':
        '<worksheet><sheetData><row><c t="s"><v>0</v></c><c t="b"><v>1</v></c></row></sheetData></worksheet>',
    });
    expect(textOf(await collect(sourceOf('r.xlsx', file)), 'r.xlsx')).toBe('password1\tTRUE\t\n\n');
  });
});

describe('a PowerPoint deck', () => {
  it('is its slides in order (slide10 after slide9), then the speaker notes', async () => {
    const slides = Array.from({ length: 11 }, (_, i) => [`slide ${i + 1}`]);
    const parts = await collect(sourceOf('deck.pptx', pptx(slides, ['password is on the wiki'])));
    const text = textOf(parts, 'deck.pptx');
    const order = slides.map(([title]) => text.indexOf(`${title ?? ''}\n`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain('password is on the wiki');
    expect(parts[0]).toEqual(expect.objectContaining({ format: 'pptx', hasLines: false }));
  });
});

describe('an OpenDocument text', () => {
  it('is its paragraphs, with encoded spaces restored', async () => {
    const parts = await collect(sourceOf('letter.odt', odt(['Dear  Bob', 'PIN 1234'])));
    expect(parts).toEqual([expect.objectContaining({ kind: 'text', format: 'odt' })]);
    expect(textOf(parts, 'letter.odt')).toBe('Dear  Bob\nPIN 1234\n\n');
  });

  it('is recognised as a spreadsheet from its mimetype', async () => {
    const parts = await collect(
      sourceOf('s.ods', odt(['cell text'], 'application/vnd.oasis.opendocument.spreadsheet')),
    );
    expect(parts[0]).toEqual(expect.objectContaining({ kind: 'text', format: 'ods' }));
  });

  it('that is password-protected is an error part, not garbage text', async () => {
    const file = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': [new Uint8Array([1, 2, 3, 4]), { level: 0 }],
      'META-INF/manifest.xml': strToU8('<manifest:manifest><manifest:encryption-data/></manifest:manifest>'),
    });
    expect(await collect(sourceOf('locked.odt', file))).toEqual([
      {
        kind: 'error',
        path: 'locked.odt',
        message: 'encrypted (password-protected) OpenDocument file: its content cannot be scanned',
      },
    ]);
  });
});
